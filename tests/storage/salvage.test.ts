import { describe, expect, it } from 'vitest';
import { blankReport, reportSchema } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';
import { salvageReport } from '../../src/storage/salvage.ts';
import { sampleReport } from './fixtures.ts';

describe('salvageReport', () => {
  it('returns a valid report unchanged, with the draft id', () => {
    const report = sampleReport('x');
    const result = salvageReport(report, 'draft-1');
    expect(result.repaired).toBe(false);
    expect(result.report).toEqual({ ...report, id: 'draft-1' });
  });

  it('keeps the valid parts of a damaged report and blanks the rest', () => {
    const good = sampleReport('x');
    const damaged = {
      ...good,
      year: '2021年',
      contact: { phone: 12 },
      cells: { ...good.cells, 't3.new.natural': '5', 't3.new.business': Number.POSITIVE_INFINITY, bogus: 1 },
      sections: { ...good.sections, other: null },
      staleSections: ['nope'],
      extra: 'x',
    };
    const result = salvageReport(damaged, 'd');
    expect(result.repaired).toBe(true);
    expect(reportSchema().safeParse(result.report).success).toBe(true);
    expect(result.report.agency).toBe(good.agency);
    expect(result.report.year).toBe(blankReport().year);
    expect(result.report.contact).toEqual(blankReport().contact);
    expect(result.report.cells['t3.new.natural']).toBeNull();
    expect(result.report.cells['t3.new.business']).toBeNull();
    expect(result.report.cells['t3.granted.natural']).toBe(good.cells['t3.granted.natural']);
    expect(result.report.sections.overview).toBe(good.sections.overview);
    expect(result.report.sections.other).toBe('');
    expect(result.report.staleSections).toEqual([]);
  });

  it('never drops a number silently: one a cell may not hold becomes its invalid entry, an 错误', () => {
    const good = sampleReport('x');
    const stored = {
      ...good,
      cells: { ...good.cells, 't3.new.natural': 1.5, 't2.fees.amount': 1e305, 't3.new.business': -1 },
      lastYear: {
        year: 2020,
        cells: { 't3.carriedOut.natural': 3, 't3.carriedOut.research': 0.1 },
        sections: {},
      },
    };
    const { report, repaired } = salvageReport(stored, 'd');
    expect(repaired).toBe(true);
    expect(report.invalidEntries).toEqual({
      't3.new.natural': '1.5',
      't2.fees.amount': '1e+305',
      't3.new.business': '-1',
    });
    expect([report.cells['t3.new.natural'], report.cells['t2.fees.amount']]).toEqual([null, null]);
    const inputs = evaluate(report).filter((f) => f.ruleId === 'INPUT');
    expect(inputs.map((f) => f.severity)).toEqual(['错误', '错误', '错误']);
    // Last year's figures keep every cell still valid on its own.
    expect(report.lastYear).toEqual({ year: 2020, cells: { 't3.carriedOut.natural': 3 }, sections: {} });
  });

  it('recomputes automatic totals of a stored draft, so every view agrees', () => {
    const good = sampleReport('x');
    const stale = { ...good, manualTotals: false, cells: { ...good.cells, 't3.new.total': 99 } };
    expect(salvageReport(stale, 'd').report.cells['t3.new.total']).toBe(
      withTotals(good).cells['t3.new.total'],
    );
  });

  it('makes a blank report out of nothing rather than failing', () => {
    for (const raw of [undefined, null, 42, 'text', []]) {
      const result = salvageReport(raw, 'd');
      expect(result.repaired).toBe(true);
      expect(result.report.id).toBe('d');
      expect(reportSchema().safeParse(result.report).success).toBe(true);
    }
  });
});
