import { describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import { CELLS, cellId } from '../../src/report/cells.ts';
import { blankReport, type Report, reportSchema } from '../../src/report/document.ts';
import { setCells } from '../../src/report/edit.ts';
import { nextYearReport } from '../../src/report/next-year.ts';
import { evaluate } from '../../src/report/rules.ts';
import { TABLE3 } from '../../src/report/template.ts';
import { computeTotals } from '../../src/report/totals.ts';

const sample = (): Report => reportSchema().parse(example);
const columns = TABLE3.blocks[0]!.columns.map((c) => c.key);

describe('nextYearReport', () => {
  const last = sample();
  const next = nextYearReport(last);

  it('passes the schema, with a new id, the next year and its period', () => {
    expect(reportSchema().safeParse(next).success).toBe(true);
    expect(next.id).not.toBe(last.id);
    expect(next.year).toBe(2022);
    expect(next.period).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(next.agency).toBe(last.agency);
    expect(next.contact).toEqual(last.contact);
    expect(next.manualTotals).toBe(last.manualTotals);
  });

  it('moves the statistics period quoted in the preamble', () => {
    expect(last.preamble).toContain('统计期限为2021年1月1日至2021年12月31日');
    expect(next.preamble).toContain('统计期限为2022年1月1日至2022年12月31日');
    expect(next.preamble.replace(/2022/g, '2021')).toBe(last.preamble);
    expect(evaluate(next).filter((f) => f.ruleId === 'YEAR-PERIOD')).toEqual([]);
  });

  it('carries 结转下年度继续办理 into 上年结转, column by column', () => {
    for (const column of columns) {
      expect(next.cells[cellId('t3', 'carriedIn', column)]).toBe(
        last.cells[cellId('t3', 'carriedOut', column)],
      );
    }
    expect(evaluate(next).filter((f) => f.ruleId === 'T3-E')).toEqual([]);
  });

  it('carries distinct 结转 figures to the right columns', () => {
    const leaves = columns.filter((c) => c !== 'total');
    const values = Object.fromEntries(leaves.map((c, i) => [cellId('t3', 'carriedOut', c), i + 1]));
    const result = nextYearReport(setCells(last, values));
    leaves.forEach((c, i) => {
      expect(result.cells[cellId('t3', 'carriedIn', c)]).toBe(i + 1);
    });
    expect(result.cells['t3.carriedIn.total']).toBe((leaves.length * (leaves.length + 1)) / 2);
  });

  it('starts every other leaf cell empty and recomputes the totals', () => {
    const carriedIn = new Set(columns.map((c) => cellId('t3', 'carriedIn', c)));
    for (const cell of CELLS) {
      if (carriedIn.has(cell.id) || cell.isTotal) continue;
      expect(next.cells[cell.id], cell.label).toBeNull();
    }
    expect(next.cells).toEqual(computeTotals(next.cells));
  });

  it('keeps all of last year’s cells and texts as the baseline', () => {
    expect(next.lastYear?.year).toBe(2021);
    expect(next.lastYear?.cells).toEqual(last.cells);
    expect(next.lastYear?.sections).toEqual(last.sections);
    // The 现行有效件数 rule now compares with last year's figure.
    const valid = 't2.rules.valid';
    const withValid = setCells(next, { [valid]: (last.cells[valid] ?? 0) + 50 });
    expect(evaluate(withValid).some((f) => f.ruleId === 'T2-A' && f.cells.includes(valid))).toBe(true);
  });

  it('copies the section texts and marks them 需更新', () => {
    expect(next.sections).toEqual(last.sections);
    expect(next.staleSections).toEqual(['overview', 'problems', 'other']);
    expect(evaluate(next).filter((f) => f.ruleId === 'TEXT-STALE')).toHaveLength(3);
    expect(next.notes).toEqual({});
  });

  it('marks only the sections that had text, and does not change the input', () => {
    const base = {
      ...blankReport({ year: 2023 }),
      sections: { overview: '概述', problems: '  ', other: '' },
    };
    const frozen = JSON.stringify(base);
    expect(nextYearReport(base).staleSections).toEqual(['overview']);
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it('a report without a year gives one without a year and no baseline year', () => {
    const result = nextYearReport({ ...sample(), year: null });
    expect(result.year).toBeNull();
    expect(result.period).toEqual({ start: '', end: '' });
    expect(result.lastYear).toBeNull();
    expect(result.cells['t3.carriedIn.total']).toBe(last.cells['t3.carriedOut.total']);
    expect(reportSchema().safeParse(result).success).toBe(true);
  });

  it('chains: the year after next carries the new year’s 结转', () => {
    const filled = setCells(next, { 't3.carriedOut.natural': 4, 't3.carriedOut.business': 1 });
    const third = nextYearReport(filled);
    expect(third.year).toBe(2023);
    expect(third.cells['t3.carriedIn.natural']).toBe(4);
    expect(third.cells['t3.carriedIn.total']).toBe(filled.cells['t3.carriedOut.total']);
    expect(third.lastYear?.year).toBe(2022);
  });
});
