/**
 * 汇总: the combined report of many units, cell by cell. Decisions (see also README.md):
 * - Every value cell that is not a total is the sum of the units' values; an empty cell counts as 0,
 *   and a cell stays empty only when it is empty in every unit. Amounts are rounded to 4 decimals
 *   (float noise), counts are summed exactly.
 * - Totals are not summed: the combined report has automatic totals (manualTotals false) computed from
 *   the summed parts, so it is consistent by construction. A unit whose hand-typed totals disagree
 *   with its parts shows that as its own 错误 in the unit list.
 * - Texts, contact details, notes (单元格备注) and 需更新 marks are not carried over: the combined
 *   report has its own texts to write. Its agency and year are given (the year defaults to the most
 *   common year of the units), its statistics period is that whole year.
 * - Last year's figures (the baseline of the 提示 rules T3-E and T2-A): only when every unit has them
 *   for the same year; a cell is kept only when every unit gives a number for it, else it is left out.
 *   Summing a baseline that some units lack would raise false 提示 in the combined report.
 */
import { cellValueProblem } from '../report/cell-input.ts';
import { CELLS, type CellId, cellDef } from '../report/cells.ts';
import { blankReport, type Cells, periodOfYear, type Report } from '../report/document.ts';
import { computeTotals } from '../report/totals.ts';
import { yearSummary } from './selection.ts';

const LEAVES: readonly CellId[] = CELLS.filter((c) => !c.isTotal).map((c) => c.id);
const ALL: readonly CellId[] = CELLS.map((c) => c.id);

/** Counts add up exactly; amounts are rounded to 4 decimals (float noise). */
const round = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 1e4) / 1e4);

export interface SumOptions {
  /** Indexes (into reports) of the units not to count. */
  exclude?: Iterable<number>;
  /** 机关名称 of the combined report (e.g. 某市人民政府); default empty, to be filled in. */
  agency?: string;
  /** Default: the most common year of the counted units, else blankReport's default. */
  year?: number;
  id?: string;
}

/** Sum of one cell over the reports: null when every one is empty. */
function sumCell(reports: readonly Report[], id: CellId): number | null {
  let sum = 0;
  let any = false;
  for (const r of reports) {
    const v = r.cells[id];
    if (v === null || v === undefined) continue;
    sum += v;
    any = true;
  }
  return any ? round(sum) : null;
}

function sumLastYear(reports: readonly Report[]): Report['lastYear'] {
  const first = reports[0]?.lastYear;
  if (!first || reports.some((r) => r.lastYear === null || r.lastYear.year !== first.year)) return null;
  const cells: Partial<Record<CellId, number>> = {};
  for (const id of ALL) {
    let sum = 0;
    let complete = true;
    for (const r of reports) {
      const v = r.lastYear!.cells[id];
      if (typeof v !== 'number') {
        complete = false;
        break;
      }
      sum += v;
    }
    if (complete) cells[id] = round(sum);
  }
  return { year: first.year, cells, sections: {} };
}

export function sumUnits(reports: readonly Report[], options: SumOptions = {}): Report {
  const excluded = new Set(options.exclude ?? []);
  const counted = reports.filter((_, i) => !excluded.has(i));
  const year = options.year ?? yearSummary(counted).year ?? undefined;
  const base = blankReport({
    ...(options.agency !== undefined ? { agency: options.agency } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(options.id !== undefined ? { id: options.id } : {}),
  });
  const cells: Cells = { ...base.cells };
  for (const id of LEAVES) cells[id] = sumCell(counted, id);
  return {
    ...base,
    period: periodOfYear(base.year!),
    cells: computeTotals(cells),
    manualTotals: false,
    lastYear: sumLastYear(counted),
  };
}

/** How many cells are named before 「等」 in beyondLimits. */
const MAX_NAMED = 3;

/**
 * Cells of a combined report beyond what a cell may hold (cell-input.ts), said in Chinese, or null.
 * Only a 汇总 of very many very large reports gets there; such a report could not be saved or opened
 * again, so it is not made. Sums of valid reports are always finite, so this is about bounds only.
 */
export function beyondLimits(report: Report): string | null {
  const found: string[] = [];
  const check = (id: CellId, v: number | null | undefined, where: string) => {
    const def = cellDef(id);
    if (typeof v === 'number' && cellValueProblem(v, def.kind, def.isTotal) !== null)
      found.push(`${where}${def.label}（${v}）`);
  };
  for (const id of ALL) check(id, report.cells[id], '');
  for (const id of ALL) check(id, report.lastYear?.cells[id], '上年数据·');
  if (found.length === 0) return null;
  const named = found.slice(0, MAX_NAMED).join('、');
  return `汇总后有 ${found.length} 格的数字超出本工具能记录的范围（件数每格最多 9 位数、合计最多 12 位数，金额应小于 1000000000 万元）：${named}${found.length > MAX_NAMED ? ' 等' : ''}。请核对计入的单位是否有误。`;
}
