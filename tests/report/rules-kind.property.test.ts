/**
 * The kind rules (T2-D, T3-D, T4-D) under 自动合计: for any leaf values, whole or not, positive or
 * not, the findings are exactly the leaves that are not valid; a total summed from them never adds
 * a finding of its own. Under 手工填写 every cell the clerk typed is checked, totals included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS } from '../../src/report/cells.ts';
import { blankReport, type Cells } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';

const KIND_RULES = ['T2-D', 'T3-D', 'T4-D'];
const LEAVES = CELLS.filter((c) => !c.isTotal);

/** Mostly whole counts, sometimes a half, a negative or empty. */
const leafValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 1, arbitrary: fc.constant(0.5) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const leafCells = fc
  .array(leafValue, { minLength: LEAVES.length, maxLength: LEAVES.length })
  .map((values) => {
    const cells = blankReport().cells;
    LEAVES.forEach((c, i) => {
      cells[c.id] = values[i]!;
    });
    return cells;
  });

/** Written here from the format, not from the rules: counts are whole and ≥ 0, amounts ≥ 0. */
const invalid = (cells: Cells) =>
  LEAVES.filter((c) => {
    const v = cells[c.id];
    if (v === null || v === undefined) return false;
    return c.kind === 'count' ? !Number.isInteger(v) || v < 0 : v < 0;
  }).map((c) => c.id);

const kindFindingCells = (cells: Cells, manualTotals: boolean) =>
  evaluate(withTotals({ ...blankReport({ year: 2021 }), cells, manualTotals }))
    .filter((f) => KIND_RULES.includes(f.ruleId))
    .map((f) => f.cells[0]!)
    .sort();

describe('kind rules and computed totals', () => {
  it('自动合计: only the leaves that are wrong are named', () => {
    fc.assert(
      fc.property(leafCells, (cells) => {
        expect(kindFindingCells(cells, false)).toEqual(invalid(cells).sort());
      }),
    );
  });

  it('手工填写: a total typed wrong is named too', () => {
    const cells = blankReport().cells;
    cells['t3.granted.natural'] = 0.5;
    cells['t3.granted.total'] = 0.5;
    expect(kindFindingCells(cells, true)).toEqual(['t3.granted.natural', 't3.granted.total']);
  });

  it('自动合计: a total not summed from its parts (stale, or typed over) is still checked', () => {
    const cells = blankReport().cells;
    const computed = withTotals({ ...blankReport({ year: 2021 }), cells }).cells;
    const stale = { ...computed, 't4.cases.reviewTotal': -2 };
    const findings = evaluate({ ...blankReport({ year: 2021 }), cells: stale, manualTotals: false });
    expect(findings.filter((f) => f.ruleId === 'T4-D').map((f) => f.cells)).toEqual([
      ['t4.cases.reviewTotal'],
    ]);
  });
});
