/** sumUnits: cell by cell over generated units, consistency kept, exclusion, last year, year. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumUnits } from '../../src/aggregate/sum.ts';
import { CELLS } from '../../src/report/cells.ts';
import { blankReport, type Report, reportSchema } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { computeTotals } from '../../src/report/totals.ts';
import {
  AMOUNT_IDS,
  consistentUnitArbitrary,
  LEAVES,
  leafUnitsArbitrary,
  reportFromLeafUnits,
  unitArbitrary,
} from './arbitraries.ts';

/** A cell's value in smallest units (count, or ten-thousandths of 万元), summed as integers. */
const smallest = (id: string, v: number) => (AMOUNT_IDS.has(id) ? Math.round(v * 1e4) : v);

const tableErrors = (report: Report) => evaluate(report).filter((f) => f.severity === '错误' && f.table);

describe('sumUnits', () => {
  it('each leaf is the exact sum of the units’ values, empty only when empty in every unit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(leafUnitsArbitrary, fc.boolean()), { maxLength: 8 }), (generated) => {
        const reports = generated.map(([units, manual], i) =>
          reportFromLeafUnits(units, { id: `u${i}`, manualTotals: manual }),
        );
        const sum = sumUnits(reports);
        LEAVES.forEach((c, i) => {
          const values = generated.map(([units]) => units[i]).filter((v): v is number => v !== null);
          const expected = values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
          const actual = sum.cells[c.id];
          expect(actual === null ? null : smallest(c.id, actual!)).toBe(expected);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('totals are computed from the summed parts, and equal the sum of the units’ totals', () => {
    fc.assert(
      fc.property(fc.array(unitArbitrary, { minLength: 1, maxLength: 6 }), (reports) => {
        const sum = sumUnits(reports);
        expect(sum.manualTotals).toBe(false);
        expect(sum.cells).toEqual(computeTotals(sum.cells));
        for (const c of CELLS.filter((d) => d.isTotal)) {
          // A total of parts all empty stays empty (issue 14): in every unit, then in the sum.
          const totals = reports.map((r) => r.cells[c.id] ?? null).filter((v): v is number => v !== null);
          const units = totals.length === 0 ? null : totals.reduce((s, v) => s + smallest(c.id, v), 0);
          const summed = sum.cells[c.id] ?? null;
          expect(summed === null ? null : smallest(c.id, summed), c.id).toBe(units);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a hand-typed total that disagrees with its parts is not summed: the sum’s total follows the parts', () => {
    const good = reportFromLeafUnits(
      LEAVES.map(() => 1),
      { id: 'a' },
    );
    const typed = { ...good, id: 'b', manualTotals: true, cells: { ...good.cells, 't3.total.natural': 99 } };
    const sum = sumUnits([good, typed]);
    expect(sum.cells['t3.total.natural']).toBe(2 * good.cells['t3.total.natural']!);
    expect(tableErrors(sum)).toEqual(tableErrors(sumUnits([good, good])));
  });

  it('the sum of consistent units is consistent: no table rule finds a 错误', () => {
    fc.assert(
      fc.property(fc.array(consistentUnitArbitrary, { minLength: 1, maxLength: 8 }), (reports) => {
        for (const r of reports) expect(tableErrors(r)).toEqual([]);
        expect(tableErrors(sumUnits(reports))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the order of the units does not matter; an excluded unit counts as absent', () => {
    fc.assert(
      fc.property(fc.array(unitArbitrary, { minLength: 2, maxLength: 6 }), fc.nat(), (reports, pick) => {
        const at = pick % reports.length;
        const fixed = { id: 'sum', agency: '某市人民政府' };
        const reversed = sumUnits([...reports].reverse(), fixed);
        expect(reversed.cells).toEqual(sumUnits(reports, fixed).cells);
        const without = reports.filter((_, i) => i !== at);
        expect(sumUnits(reports, { ...fixed, exclude: [at] })).toEqual(sumUnits(without, fixed));
      }),
      { numRuns: 40 },
    );
  });

  it('gives a valid, ordinary report: no texts, notes or contact carried over; agency and id as given', () => {
    const unit = {
      ...reportFromLeafUnits(
        LEAVES.map(() => 1),
        { agency: '甲局' },
      ),
      preamble: '前言',
      sections: { overview: '总体', problems: '问题', other: '本年度未收取信息处理费' },
      notes: { 't2.rules.issued': '其中修订1件' },
      contact: { address: '某路1号', postcode: '', phone: '', email: '', website: '' },
      staleSections: ['overview' as const],
    };
    const sum = sumUnits([unit, unit], { agency: '某市人民政府', id: 'total-1' });
    expect(reportSchema().parse(sum)).toEqual(sum);
    expect(sum).toMatchObject({
      id: 'total-1',
      agency: '某市人民政府',
      year: 2021,
      period: { start: '2021-01-01', end: '2021-12-31' },
      preamble: '',
      sections: { overview: '', problems: '', other: '' },
      notes: {},
      staleSections: [],
      contact: { address: '' },
    });
    expect(sum.cells['t2.rules.issued']).toBe(2);
  });

  it('year: the most common among the units unless given; none given by any → the default year', () => {
    const of = (year: number) => blankReport({ year, id: `y${year}` });
    expect(sumUnits([of(2021), of(2020), of(2021)]).year).toBe(2021);
    expect(sumUnits([of(2021), of(2020), of(2021)], { year: 2020 }).period.end).toBe('2020-12-31');
    const noYear = { ...blankReport(), year: null };
    expect(sumUnits([noYear]).year).toBe(blankReport().year);
  });

  it('sums amounts without float noise', () => {
    const fees = (v: number) => {
      const r = blankReport({ year: 2021 });
      return { ...r, cells: { ...r.cells, 't2.fees.amount': v } };
    };
    expect(sumUnits([fees(0.1), fees(0.2), fees(4068.208)]).cells['t2.fees.amount']).toBe(4068.508);
  });
});

describe('sumUnits: last year’s figures', () => {
  const withLastYear = (lastYear: Report['lastYear'], id: string): Report => ({
    ...blankReport({ year: 2021, id }),
    lastYear,
  });
  const ly = (cells: Record<string, number | null>, year = 2020) => ({
    year,
    cells,
    sections: { overview: '去年' },
  });

  it('are summed when every unit has them, a cell kept only when every unit gives a number', () => {
    const sum = sumUnits([
      withLastYear(ly({ 't3.carriedOut.total': 2, 't2.rules.valid': 5, 't2.normative.valid': 1 }), 'a'),
      withLastYear(ly({ 't3.carriedOut.total': 3, 't2.rules.valid': null }), 'b'),
    ]);
    expect(sum.lastYear).toEqual({ year: 2020, cells: { 't3.carriedOut.total': 5 }, sections: {} });
  });

  it('are left out when a unit has none, or the units’ last years differ', () => {
    expect(sumUnits([withLastYear(ly({ 't2.rules.valid': 1 }), 'a'), withLastYear(null, 'b')]).lastYear).toBe(
      null,
    );
    const differ = [withLastYear(ly({}, 2020), 'a'), withLastYear(ly({}, 2019), 'b')];
    expect(sumUnits(differ).lastYear).toBe(null);
  });

  it('of consistent units raise no carry-over 提示 in the sum', () => {
    fc.assert(
      fc.property(fc.array(consistentUnitArbitrary, { minLength: 1, maxLength: 5 }), (reports) => {
        // Each unit's last year ends with exactly what it carried into this year.
        const units = reports.map((r) => ({
          ...r,
          lastYear: {
            year: 2020,
            cells: Object.fromEntries(
              CELLS.filter((c) => c.id.startsWith('t3.carriedOut.')).map((c) => [
                c.id,
                r.cells[c.id.replace('carriedOut', 'carriedIn')] ?? 0,
              ]),
            ),
            sections: {},
          },
        }));
        expect(evaluate(sumUnits(units)).filter((f) => f.ruleId === 'T3-E')).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
