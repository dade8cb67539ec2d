/**
 * The published sample report (自治区科技厅2021年) satisfies every rule of the format, and the
 * example file shipped with the app says the same as the published text.
 */
import { describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import { CELL_IDS } from '../../src/report/cells.ts';
import { reportSchema } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';
import { sampleCells, sampleReport } from './fixtures/gx-kjt-2021.ts';
import { OTHER_LINES, OVERVIEW_LINES, PREAMBLE_LINES, PROBLEMS_LINES } from './fixtures/gx-kjt-2021-text.ts';

describe('the sample report (自治区科技厅2021年)', () => {
  it('fills every one of the 200 value cells, and nothing else', () => {
    expect(Object.keys(sampleCells()).sort()).toEqual([...CELL_IDS].sort());
  });

  it('is a valid document', () => {
    expect(reportSchema().safeParse(sampleReport()).success).toBe(true);
  });

  it('passes every rule with its printed totals (手工填写): no 错误 and no 提示', () => {
    // No 提示 either: every cell is filled (no EMPTY), all texts are present (no TEXT-EMPTY), none is
    // marked stale, last year's report is unknown (no T3-E, T2-A), and the one figure the overview
    // quotes, 共收到…申请3件, is table 3's 一·总计 (3), so T3-F is quiet.
    expect(evaluate(sampleReport({ manualTotals: true }))).toEqual([]);
  });

  it('passes every rule with computed totals (自动合计), and computing changes none of the printed totals', () => {
    const stored = withTotals(sampleReport({ manualTotals: false }));
    expect(stored.cells).toEqual(sampleCells());
    expect(evaluate(stored)).toEqual([]);
  });

  it('stays quiet when last year’s report is known and consistent with it', () => {
    // 2020 figures implied by the 2021 report: nothing carried into 2021, and
    // 现行有效 81 = 59 + 26 制发 − 4 废止, so last year's 行政规范性文件 现行有效件数 was 59.
    const report = sampleReport();
    report.lastYear = {
      year: 2020,
      cells: {
        't3.carriedOut.natural': 0,
        't3.carriedOut.business': 0,
        't3.carriedOut.research': 0,
        't3.carriedOut.nonprofit': 0,
        't3.carriedOut.legal': 0,
        't3.carriedOut.otherOrg': 0,
        't3.carriedOut.total': 0,
        't2.rules.valid': 0,
        't2.normative.valid': 59,
      },
      sections: {},
    };
    expect(evaluate(report)).toEqual([]);
  });
});

describe('examples/gx-kjt-2021.json agrees with the published text', () => {
  const parsed = reportSchema().parse(example);

  it('has every number of the three tables as printed', () => {
    expect(parsed.cells).toEqual(sampleCells());
  });

  it('has the preamble and the three text sections as printed', () => {
    expect(parsed.preamble).toBe(PREAMBLE_LINES.join('\n'));
    expect(parsed.sections.overview).toBe(OVERVIEW_LINES.join('\n'));
    expect(parsed.sections.problems).toBe(PROBLEMS_LINES.join('\n'));
    expect(parsed.sections.other).toBe(OTHER_LINES.join('\n'));
  });

  it('has the agency, year, period and contact of the preamble', () => {
    expect(parsed.agency).toBe('自治区科技厅');
    expect(parsed.year).toBe(2021);
    expect(parsed.period).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(parsed.contact).toEqual({
      address: '广西南宁市新竹路20号',
      postcode: '530022',
      phone: '0771-2618700',
      email: 'bangs@kjt.gxzf.gov.cn',
      website: 'kjt.gxzf.gov.cn',
    });
  });

  it('passes every rule as shipped', () => {
    expect(evaluate(withTotals(parsed))).toEqual([]);
  });
});
