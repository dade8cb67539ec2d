/** 内容雷同: passages of this year's text that repeat last year's, and the 提示 rule built on them. */
import { describe, expect, it } from 'vitest';
import { blankReport, type Report } from '../../src/report/document.ts';
import { compareTexts, dice, SIMILARITY_RULES, similarPassages } from '../../src/report/similarity.ts';
import { TEXTS } from './fixtures/expected.ts';

const LAST = [
  '2020年，我厅认真贯彻落实政务公开工作部署，全年主动公开信息共计500条。',
  '一是加强网站专栏建设，持续做好法定主动公开内容公开。',
  '二是切实做好重要政策解读和回应，进一步提高政策知晓度。',
  '三是规范依申请公开办理流程，按期答复率100%。',
].join('\n');

describe('similarPassages', () => {
  it('finds the whole text when it is copied with only the figures changed, one passage per paragraph', () => {
    const now = LAST.replace('2020年', '2021年').replace('500条', '536条').replace('100%', '98%');
    const passages = similarPassages(now, LAST);
    expect(passages.map((p) => p.thisYear.text)).toEqual(now.split('\n'));
    expect(passages.map((p) => p.lastYear.text)).toEqual(LAST.split('\n'));
    expect(compareTexts(now, LAST).ratio).toBe(1);
  });

  it('keeps a passage of several sentences whole inside its paragraph', () => {
    const last =
      '全年主动公开信息共计500条，较上年有所增加。政策解读材料同步发布，回应社会关切。\n另起一段。';
    const now = last.replace('500条', '612条');
    const [first] = similarPassages(now, last);
    expect(first!.thisYear.text).toBe(now.split('\n')[0]);
  });

  it('finds only the repeated sentences, at their places in both texts', () => {
    const now = [
      '2021年，我厅围绕数字政府建设，新建了政策文件库并上线智能问答。',
      '二是切实做好重要政策解读和回应，进一步提高政策知晓度。',
      '全年未发生因信息公开引发的行政复议和诉讼案件，群众满意度明显提升。',
    ].join('\n');
    const passages = similarPassages(now, LAST);
    expect(passages.map((p) => p.thisYear.text)).toEqual([
      '二是切实做好重要政策解读和回应，进一步提高政策知晓度。',
    ]);
    const [p] = passages;
    expect(now.slice(p!.thisYear.start, p!.thisYear.end)).toBe(p!.thisYear.text);
    expect(LAST.slice(p!.lastYear.start, p!.lastYear.end)).toBe(p!.thisYear.text);
    expect(compareTexts(now, LAST).ratio).toBeLessThan(0.5);
  });

  it('finds nothing in a text written anew, nor in empty texts', () => {
    expect(similarPassages(TEXTS.overview.first, LAST)).toEqual([]);
    expect(similarPassages('', LAST)).toEqual([]);
    expect(similarPassages(LAST, '')).toEqual([]);
  });

  it('splits passages where last year’s order is not followed', () => {
    const lines = LAST.split('\n');
    const now = [lines[2], lines[1]].join('\n');
    expect(similarPassages(now, LAST)).toHaveLength(2);
  });

  it('dice is 1 for equal strings and 0 for nothing in common', () => {
    expect(dice('政务公开', '政务公开')).toBe(1);
    expect(dice('政务公开', '天气晴朗')).toBe(0);
    expect(dice('政务公开工作', '政务公开工做')).toBeCloseTo(0.8);
  });
});

describe('the TEXT-SIMILAR rules', () => {
  const report = (overview: string, lastOverview?: string): Report => ({
    ...blankReport({ year: 2021 }),
    sections: { overview, problems: '', other: '' },
    lastYear: {
      year: 2020,
      cells: {},
      sections: lastOverview === undefined ? {} : { overview: lastOverview },
    },
  });
  const run = (r: Report) => SIMILARITY_RULES.map((rule) => rule.check(r)).filter(Boolean);

  it('are one 提示 rule per text section, on that section’s field', () => {
    expect(SIMILARITY_RULES.map((r) => [r.id, r.severity, r.fields])).toEqual([
      ['TEXT-SIMILAR', '提示', ['overview']],
      ['TEXT-SIMILAR', '提示', ['problems']],
      ['TEXT-SIMILAR', '提示', ['other']],
    ]);
  });

  it('fire when a section is nearly the same as last year’s, quoting a passage', () => {
    const now = LAST.replace('500条', '536条');
    expect(run(report(now, LAST))).toEqual([
      '一、总体情况 与 2020 年报告的同一部分 100% 相同（内容雷同），共 4 段相同，如“2020年，我厅认真贯彻落实政务公开工作部署，全年主动公开信息共计536条。”。请按本年度实际情况重写',
    ]);
  });

  it('stay quiet when the text is new, or last year’s text is unknown', () => {
    expect(run(report(TEXTS.overview.first, LAST))).toEqual([]);
    expect(run(report(LAST))).toEqual([]);
    expect(run({ ...report(LAST), lastYear: null })).toEqual([]);
  });
});
