/**
 * 自动合计 (computeTotals / withTotals) against the rules, for any leaf values: computed totals never
 * break the sum rules (T3-B, T3-C, T4-A…C), and the corner-cell rule T3-A fires exactly in the columns
 * where 新收 + 上年结转 − （七）总计 ≠ 结转下年度, computed here independently from the leaves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../src/report/cells.ts';
import { blankReport, type Cells, type Report } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { computeTotals, sumCells, withTotals } from '../../src/report/totals.ts';
import { T3_LEAF_COLUMN_KEYS, T3_OUTCOME_ROW_KEYS } from './helpers.ts';

const SUM_RULES = ['T3-B', 'T3-C', 'T4-A', 'T4-B', 'T4-C'];
const T4_GROUPS = ['review', 'direct', 'afterReview'];
const T4_RESULTS = ['Upheld', 'Corrected', 'Other', 'Pending'];

/** A cell as a clerk might leave it: mostly small counts, sometimes empty, negative or large. */
const cellValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }) },
);

/** Values for all 200 cells (totals included: computing must overwrite whatever is there). */
const anyCells = fc
  .array(cellValue, { minLength: CELL_IDS.length, maxLength: CELL_IDS.length })
  .map((values) => Object.fromEntries(CELL_IDS.map((id, i) => [id, values[i]!])) as Cells);

const n = (v: number | null | undefined) => v ?? 0;
/** A total is the sum of its parts, and stays empty while every part is empty. */
const sumOrEmpty = (parts: readonly (number | null)[]) =>
  parts.every((v) => v === null) ? null : parts.reduce<number>((sum, v) => sum + n(v), 0);
const leaf = (cells: Cells, row: string, column: string) => n(cells[`t3.${row}.${column}`]);
const outcomes = (cells: Cells, column: string) =>
  T3_OUTCOME_ROW_KEYS.reduce((sum, row) => sum + leaf(cells, row, column), 0);

/**
 * Makes some leaf columns balance (新收 + 上年结转 = outcomes + 结转下年度) so both sides of the T3-A
 * property are exercised; random values alone almost never balance.
 */
const cellsWithSomeBalancedColumns = fc
  .tuple(anyCells, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
  .map(([cells, balance]) => {
    const next = { ...cells };
    T3_LEAF_COLUMN_KEYS.forEach((column, i) => {
      if (!balance[i]) return;
      const needed =
        outcomes(next, column) + leaf(next, 'carriedOut', column) - leaf(next, 'carriedIn', column);
      if (needed >= 0) next[`t3.new.${column}`] = needed;
      else {
        next[`t3.new.${column}`] = 0;
        next[`t3.carriedIn.${column}`] = leaf(next, 'carriedIn', column) - needed;
      }
    });
    return next;
  });

const autoReport = (cells: Cells): Report => ({ ...blankReport({ year: 2021, id: 'p' }), cells });

/** Columns where the corner-cell rule is broken, from the leaves alone (the 总计 column from all leaf columns). */
function unbalancedColumns(cells: Cells): string[] {
  const gap = (column: string) =>
    leaf(cells, 'new', column) +
    leaf(cells, 'carriedIn', column) -
    outcomes(cells, column) -
    leaf(cells, 'carriedOut', column);
  const gaps = T3_LEAF_COLUMN_KEYS.map(gap);
  const columns = T3_LEAF_COLUMN_KEYS.filter((_, i) => gaps[i] !== 0);
  const totalGap = gaps.reduce((a, b) => a + b, 0);
  return totalGap !== 0 ? [...columns, 'total'] : columns;
}

describe('自动合计 always satisfies the sum rules', () => {
  it('T3-B, T3-C, T4-A, T4-B and T4-C never fire on computed totals, whatever the leaves', () => {
    fc.assert(
      fc.property(anyCells, (cells) => {
        const fired = evaluate(withTotals(autoReport(cells))).filter((f) => SUM_RULES.includes(f.ruleId));
        expect(fired).toEqual([]);
      }),
    );
  });

  it('computes each total as the plain sum of its leaves, and leaves the leaves alone', () => {
    fc.assert(
      fc.property(anyCells, (cells) => {
        const before = structuredClone(cells);
        const computed = computeTotals(cells);
        expect(cells).toEqual(before);
        const raw = (row: string, column: string) => cells[`t3.${row}.${column}`] ?? null;
        for (const row of ['new', 'carriedIn', ...T3_OUTCOME_ROW_KEYS, 'carriedOut']) {
          expect(computed[`t3.${row}.total`]).toBe(sumOrEmpty(T3_LEAF_COLUMN_KEYS.map((c) => raw(row, c))));
        }
        for (const column of T3_LEAF_COLUMN_KEYS)
          expect(computed[`t3.total.${column}`]).toBe(
            sumOrEmpty(T3_OUTCOME_ROW_KEYS.map((r) => raw(r, column))),
          );
        const allLeaves = T3_LEAF_COLUMN_KEYS.flatMap((c) => T3_OUTCOME_ROW_KEYS.map((r) => raw(r, c)));
        expect(computed['t3.total.total']).toBe(sumOrEmpty(allLeaves));
        for (const group of T4_GROUPS) {
          const parts = T4_RESULTS.map((r) => cells[`t4.cases.${group}${r}`] ?? null);
          expect(computed[`t4.cases.${group}Total`]).toBe(sumOrEmpty(parts));
        }
        for (const id of CELL_IDS) {
          if (!/\.total$|\.total\.|Total$/.test(id)) expect(computed[id]).toBe(cells[id]);
        }
      }),
    );
  });

  it('is idempotent, and withTotals leaves a 手工填写 report as it is', () => {
    fc.assert(
      fc.property(anyCells, (cells) => {
        expect(computeTotals(computeTotals(cells))).toEqual(computeTotals(cells));
        const manual = { ...autoReport(cells), manualTotals: true };
        expect(withTotals(manual)).toBe(manual);
      }),
    );
  });
});

describe('T3-A on computed totals', () => {
  it('fires exactly in the columns where 新收 + 上年结转 − （七）总计 ≠ 结转下年度', () => {
    fc.assert(
      fc.property(cellsWithSomeBalancedColumns, (cells) => {
        const fired = evaluate(withTotals(autoReport(cells)))
          .filter((f) => f.ruleId === 'T3-A')
          .map((f) => f.cells[0]!.replace('t3.new.', ''));
        expect(fired).toEqual(unbalancedColumns(cells));
      }),
      { numRuns: 300 },
    );
  });

  it('is exercised on both sides by the generator (balanced and unbalanced columns)', () => {
    const samples = fc.sample(cellsWithSomeBalancedColumns, { numRuns: 200, seed: 42 });
    const counts = samples.map((cells) => unbalancedColumns(cells).length);
    expect(counts.some((c) => c === 0)).toBe(true);
    expect(counts.some((c) => c > 0)).toBe(true);
  });
});

describe('sumCells', () => {
  it('counts empty cells as 0 and rounds amounts to 4 decimals (no 0.1 + 0.2 noise)', () => {
    const cells = { ...blankReport().cells, 't2.rules.issued': 0.1, 't2.rules.repealed': 0.2 };
    expect(sumCells(cells, ['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid'])).toBe(0.3);
  });
});
