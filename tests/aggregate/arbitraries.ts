/**
 * fast-check generators of units' reports for 汇总: counts are non-negative integers or empty, amounts
 * are whole ten-thousandths of 万元 (4 decimals) or empty, so sums can be checked exactly in integers.
 * consistentUnit also balances every column of table 3 (T3-A) and has its totals right.
 */
import fc from 'fast-check';
import { CELLS, cellId } from '../../src/report/cells.ts';
import { blankReport, type Report } from '../../src/report/document.ts';
import { T3_OUTCOME_ROWS, TABLE3 } from '../../src/report/template.ts';
import { computeTotals } from '../../src/report/totals.ts';

export const LEAVES = CELLS.filter((c) => !c.isTotal);
export const AMOUNT_IDS = new Set(CELLS.filter((c) => c.kind === 'amount').map((c) => c.id));

/** A leaf's value in its smallest unit: a count, or ten-thousandths of 万元; null when empty. */
const leafUnits = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.nat(3000) },
);

const agencies = fc.constantFrom('甲局', '乙局', '丙局', '某市 财政局', '（某）委员会', '');

/** Leaves of one unit in smallest units, in LEAVES order. */
export const leafUnitsArbitrary = fc.array(leafUnits, { minLength: LEAVES.length, maxLength: LEAVES.length });

export function reportFromLeafUnits(
  units: readonly (number | null)[],
  options: { agency?: string; year?: number; id?: string; manualTotals?: boolean } = {},
): Report {
  const base = blankReport({
    agency: options.agency ?? '甲局',
    year: options.year ?? 2021,
    id: options.id ?? 'u',
  });
  const cells = { ...base.cells };
  LEAVES.forEach((c, i) => {
    const v = units[i] ?? null;
    cells[c.id] = v === null ? null : c.kind === 'amount' ? v / 1e4 : v;
  });
  return { ...base, cells: computeTotals(cells), manualTotals: options.manualTotals ?? false };
}

/** Any unit: totals right (as the app keeps them), table 3 not necessarily balanced. */
export const unitArbitrary: fc.Arbitrary<Report> = fc
  .record({ units: leafUnitsArbitrary, agency: agencies, manualTotals: fc.boolean() })
  .map(({ units, agency, manualTotals }) => reportFromLeafUnits(units, { agency, manualTotals }));

const t3 = (row: string, column: string) => cellId('t3', row, column);
const T3_LEAF_COLUMNS = TABLE3.blocks[0]!.columns.filter((c) => !c.sumOf).map((c) => c.key);

/** A unit that passes every table rule: totals right and each table-3 column balanced. */
export const consistentUnitArbitrary: fc.Arbitrary<Report> = fc
  .record({
    units: leafUnitsArbitrary,
    splits: fc.array(fc.nat(), { minLength: T3_LEAF_COLUMNS.length, maxLength: T3_LEAF_COLUMNS.length }),
    agency: agencies,
    manualTotals: fc.boolean(),
  })
  .map(({ units, splits, agency, manualTotals }) => {
    const report = reportFromLeafUnits(units, { agency, manualTotals });
    const cells = { ...report.cells };
    T3_LEAF_COLUMNS.forEach((column, i) => {
      const outcomes = T3_OUTCOME_ROWS.reduce((s, row) => s + (cells[t3(row, column)] ?? 0), 0);
      const owed = outcomes + (cells[t3('carriedOut', column)] ?? 0);
      const fresh = splits[i]! % (owed + 1);
      cells[t3('new', column)] = fresh;
      cells[t3('carriedIn', column)] = owed - fresh;
    });
    return { ...report, cells: computeTotals(cells) };
  });
