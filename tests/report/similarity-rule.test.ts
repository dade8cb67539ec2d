/**
 * 内容雷同 as a live rule: TEXT-SIMILAR comes out of evaluate() with the rest of the 审核, stays quiet
 * on one-line sections that are rightly the same every year, and the remembered comparisons give
 * the same answers as fresh ones whatever was compared before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/document.ts';
import { nextYearReport } from '../../src/report/next-year.ts';
import { evaluate } from '../../src/report/rules.ts';
import { compareTexts, isSimilarSection, MIN_SIMILAR_SECTION_CHARS } from '../../src/report/similarity.ts';
import { sampleReport } from './fixtures/gx-kjt-2021.ts';
import { withCells } from './helpers.ts';

/** The sample with last year's texts known: the given sections, others absent. */
function withLastYearTexts(sections: NonNullable<Report['lastYear']>['sections']) {
  const r = sampleReport({ manualTotals: true });
  r.lastYear = { year: 2020, cells: {}, sections };
  return r;
}

const similarFindings = (r: Report) => evaluate(r).filter((f) => f.ruleId === 'TEXT-SIMILAR');

describe('TEXT-SIMILAR in evaluate()', () => {
  it('flags 一、总体情况 copied from last year with the figures changed, as a 提示 on its field', () => {
    const r = sampleReport({ manualTotals: true });
    const lastOverview = r.sections.overview.replace(/\d+/g, (d) => String(Number(d) + 7));
    const report = withLastYearTexts({ overview: lastOverview });
    const [finding, ...more] = similarFindings(report);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: '提示', table: null, cells: [], fields: ['overview'] });
    expect(finding!.message).toMatch(
      // One passage per paragraph (the short sub-heads are not compared).
      /^一、总体情况 与 2020 年报告的同一部分 100% 相同（内容雷同），共 13 段相同/,
    );
  });

  it('is quiet when the section was rewritten, or last year’s text is unknown', () => {
    const r = sampleReport({ manualTotals: true });
    expect(similarFindings(withLastYearTexts({ overview: r.sections.problems }))).toEqual([]);
    expect(similarFindings(withLastYearTexts({}))).toEqual([]);
    expect(similarFindings(r)).toEqual([]);
  });

  it('is quiet on a one-line 六 that is rightly the same every year', () => {
    const r = sampleReport({ manualTotals: true });
    expect(r.sections.other.length).toBeLessThan(MIN_SIMILAR_SECTION_CHARS);
    const report = withLastYearTexts({ other: r.sections.other });
    expect(compareTexts(r.sections.other, r.sections.other).ratio).toBe(1);
    expect(similarFindings(report)).toEqual([]);
  });

  it('keeps flagging the section after a keystroke in a cell, with the same message', () => {
    const r = sampleReport({ manualTotals: true });
    const report = withLastYearTexts({ problems: r.sections.problems });
    const before = similarFindings(report);
    const after = similarFindings(withCells(report, { 't3.new.natural': 5 }));
    expect(before).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it('leaves a section still marked 需更新 to TEXT-STALE, and flags it once edited with only the figures', () => {
    const fresh = nextYearReport(sampleReport({ manualTotals: true }));
    const fired = (r: Report) =>
      evaluate(r).filter((f) => f.ruleId.startsWith('TEXT-') && f.fields.includes('problems'));
    expect(fired(fresh).map((f) => f.ruleId)).toEqual(['TEXT-STALE']);
    const edited = { ...fresh, staleSections: fresh.staleSections.filter((k) => k !== 'problems') };
    edited.sections = { ...edited.sections, problems: edited.sections.problems.replace('2020年', '2021年') };
    expect(fired(edited).map((f) => f.ruleId)).toEqual(['TEXT-SIMILAR']);
  });

  it('follows the text: the 提示 goes once most of the section is rewritten', () => {
    const r = sampleReport({ manualTotals: true });
    const report = withLastYearTexts({ problems: r.sections.problems });
    expect(similarFindings(report)).toHaveLength(1);
    const lines = r.sections.problems.split('\n');
    report.sections.problems = [
      lines[0],
      '一是政策解读形式较为单一，图解、视频解读占比不高，下一步将引入多种解读方式提升可读性。',
      '二是依申请公开答复文书格式尚不统一，将制定答复模板并开展业务培训以规范办理。',
      '三是基层政务公开标准化建设推进不平衡，将加强对市县科技部门的指导和督促检查。',
    ].join('\n');
    expect(similarFindings(report)).toEqual([]);
  });
});

/** Texts made of sentences drawn from a small pool, so that some repeat and some do not. */
const POOL = [
  '我厅认真贯彻落实政务公开工作部署，持续深化政务公开。',
  '全年主动公开政府信息共计536条，其中政策文件12件。',
  '一是加强网站专栏建设，持续做好法定主动公开内容公开。',
  '二是切实做好重要政策解读和回应，进一步提高政策知晓度。',
  '三是规范依申请公开办理流程，按期答复率达到百分之百。',
  '四是强化平台建设，推进政府网站集约化和政务新媒体规范管理。',
  '下一步，我厅将进一步提升政务公开质量和实效。',
  '短句。',
];
const text = fc.array(fc.constantFrom(...POOL), { maxLength: 8 }).map((s) => s.join('\n'));

describe('compareTexts, remembered', () => {
  it('gives the same result as a fresh comparison, whatever was compared before', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), (now, last, earlier) => {
        for (const other of earlier) compareTexts(other, last);
        const remembered = compareTexts(now, last);
        // A trailing line break changes no sentence or offset but is a text never prepared before.
        const fresh = compareTexts(now, `${last}\n${' '.repeat(earlier.length + 1)}`);
        expect(remembered).toEqual(fresh);
      }),
    );
  });

  it('passages point at their own text in both years, and the share stays within 0…1', () => {
    fc.assert(
      fc.property(text, text, (now, last) => {
        const { ratio, passages } = compareTexts(now, last);
        expect(ratio).toBeGreaterThanOrEqual(0);
        expect(ratio).toBeLessThanOrEqual(1);
        for (const p of passages) {
          expect(now.slice(p.thisYear.start, p.thisYear.end)).toBe(p.thisYear.text);
          expect(last.slice(p.lastYear.start, p.lastYear.end)).toBe(p.lastYear.text);
        }
      }),
    );
  });

  it('a text compared with itself is wholly similar when it has a sentence long enough', () => {
    fc.assert(
      fc.property(text, (t) => {
        const result = compareTexts(t, t);
        const comparable = t.split('\n').some((s) => s !== '短句。' && s !== '');
        expect(result.ratio).toBe(comparable ? 1 : 0);
        expect(isSimilarSection(result)).toBe(
          comparable && result.comparedChars >= MIN_SIMILAR_SECTION_CHARS,
        );
      }),
    );
  });
});
