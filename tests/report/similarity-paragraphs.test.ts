/**
 * 同比, paragraph by paragraph (issue 18, item 14): each paragraph of this year's text beside last
 * year's corresponding one, and what changed inside it — a number edited in a copied section reads as
 * 「只改了数字」 in that one paragraph, not as a section 100 % the same in one block.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareParagraphs, diffText } from '../../src/report/similarity.ts';

const LAST = [
  '2020年，我厅认真贯彻落实政务公开工作部署，全年主动公开信息共计500条。',
  '一是加强网站专栏建设，持续做好法定主动公开内容公开。',
  '二是切实做好重要政策解读和回应，进一步提高政策知晓度。',
].join('\n');

/** Last year's side and this year's side of a diff. */
const lastYearSide = (changes: ReturnType<typeof diffText>) =>
  changes
    .filter((c) => c.kind !== 'added')
    .map((c) => c.text)
    .join('');
const thisYearSide = (changes: ReturnType<typeof diffText>) =>
  changes
    .filter((c) => c.kind !== 'removed')
    .map((c) => c.text)
    .join('');

describe('compareParagraphs', () => {
  it('pairs each paragraph with last year’s and says which were copied and which changed a figure', () => {
    const now = LAST.replace('500条', '536条');
    const { paragraphs, dropped } = compareParagraphs(now, LAST);
    expect(paragraphs.map((p) => p.status)).toEqual(['numbers', 'same', 'same']);
    expect(dropped).toEqual([]);
    const [first] = paragraphs;
    expect(first!.lastYear!.text).toBe(LAST.split('\n')[0]);
    // The figure changes as a whole: 500 went, 536 came, the rest stayed.
    expect(first!.changes).toEqual([
      { kind: 'same', text: '2020年，我厅认真贯彻落实政务公开工作部署，全年主动公开信息共计' },
      { kind: 'removed', text: '500' },
      { kind: 'added', text: '536' },
      { kind: 'same', text: '条。' },
    ]);
  });

  it('marks words rewritten inside a paragraph, a new paragraph, and one of last year’s left out', () => {
    const now = [
      '2020年，我厅认真贯彻落实政务公开工作部署，全年主动发布信息共计500条。',
      '三是新上线政策文件库，实现规范性文件一站式查询。',
      '二是切实做好重要政策解读和回应，进一步提高政策知晓度。',
    ].join('\n');
    const { paragraphs, dropped } = compareParagraphs(now, LAST);
    expect(paragraphs.map((p) => p.status)).toEqual(['edited', 'new', 'same']);
    expect(paragraphs[0]!.changes.filter((c) => c.kind !== 'same')).toEqual([
      { kind: 'removed', text: '公开' },
      { kind: 'added', text: '发布' },
    ]);
    expect(paragraphs[1]!.lastYear).toBeNull();
    expect(dropped.map((d) => d.text)).toEqual(['一是加强网站专栏建设，持续做好法定主动公开内容公开。']);
  });

  it('gives each of last year’s paragraphs to one of this year’s at most, the nearest in place', () => {
    const line = LAST.split('\n')[1]!;
    // Last year's second paragraph, twice: the copy in second place is its partner.
    const { paragraphs } = compareParagraphs([line, line].join('\n'), LAST);
    expect(paragraphs.map((p) => p.status)).toEqual(['new', 'same']);
  });

  it('points at the paragraphs’ own places in both texts, blank lines skipped', () => {
    const now = `\n  ${LAST.split('\n')[2]}\n\n${LAST.split('\n')[0]}`;
    const { paragraphs } = compareParagraphs(now, LAST);
    for (const p of paragraphs) {
      expect(now.slice(p.thisYear.start, p.thisYear.end)).toBe(p.thisYear.text);
      expect(LAST.slice(p.lastYear!.start, p.lastYear!.end)).toBe(p.lastYear!.text);
    }
  });
});

describe('diffText', () => {
  it('keeps both texts: last year’s is what was kept and removed, this year’s what was kept and added', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('公', '开', '条', '1', '2', '。', ' ', 'a'), maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('公', '开', '条', '1', '2', '。', ' ', 'a'), maxLength: 40 }),
        (a, b) => {
          const changes = diffText(a, b);
          expect(lastYearSide(changes)).toBe(a);
          expect(thisYearSide(changes)).toBe(b);
          // Runs of one kind are merged.
          for (let i = 1; i < changes.length; i++) expect(changes[i]!.kind).not.toBe(changes[i - 1]!.kind);
        },
      ),
    );
  });

  it('still gives both texts on very long, very different paragraphs (no quadratic table)', () => {
    const a = '甲'.repeat(3000);
    const b = '乙'.repeat(3000);
    const changes = diffText(a, b);
    expect(lastYearSide(changes)).toBe(a);
    expect(thisYearSide(changes)).toBe(b);
  });
});
