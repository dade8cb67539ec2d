/**
 * 自动合计: total cells computed from their leaves, so they can never disagree.
 * A total's parts are declared in the template (sumOf on rows and columns).
 */
import { CELLS, type CellDef } from './cells.ts';
import type { Cells, Report } from './document.ts';

const TOTALS: readonly CellDef[] = CELLS.filter((c) => c.isTotal);
const TOTALS_BY_ID = new Set(TOTALS.map((c) => c.id));

/**
 * Sum of cells, empty counting as 0. Counts are integers and add up exactly (cell-input.ts bounds
 * them far below 2^53); amounts are rounded to 4 decimals to avoid 0.1 + 0.2 noise.
 */
export function sumCells(cells: Cells, ids: readonly string[]): number {
  let sum = 0;
  for (const id of ids) sum += cells[id] ?? 0;
  return Number.isInteger(sum) ? sum : Math.round(sum * 1e4) / 1e4;
}

/**
 * A total is empty while every part of it is (a blank table shows blank totals, and a blank report
 * is already as automatic totals make it); otherwise the sum, empty parts counting as 0.
 */
function computedValue(cells: Cells, total: CellDef): number | null {
  // A grand total (三（七）总计·总计) is both a row and a column total; summing the leaves of its row
  // after that row's leaves are themselves computed gives the same result either way.
  const parts = total.sumOfColumns ?? total.sumOfRows!;
  if (parts.every((id) => cells[id] === null || cells[id] === undefined)) return null;
  return sumCells(cells, parts);
}

/** The cells with every total recomputed. Column totals first, so a grand total sees them. */
export function computeTotals(cells: Cells): Cells {
  const next: Cells = { ...cells };
  const rowTotalsFirst = [...TOTALS].sort(
    (a, b) => Number(Boolean(a.sumOfColumns)) - Number(Boolean(b.sumOfColumns)),
  );
  for (const total of rowTotalsFirst) next[total.id] = computedValue(next, total);
  return next;
}

/**
 * The report as it should be stored and shown: totals computed unless the clerk types them by hand
 * (then a text typed into a total, report.invalidEntries, goes with its computed number). Applied to
 * every report that enters the app or a command (file, stored draft, import), so every view agrees.
 */
export function withTotals(report: Report): Report {
  if (report.manualTotals) return report;
  const cells = computeTotals(report.cells);
  if (!Object.keys(report.invalidEntries).some((id) => TOTALS_BY_ID.has(id))) return { ...report, cells };
  const invalidEntries = Object.fromEntries(
    Object.entries(report.invalidEntries).filter(([id]) => !TOTALS_BY_ID.has(id)),
  );
  return { ...report, cells, invalidEntries };
}
