/**
 * The per-unit figures as CSV for Excel/WPS: one row per unit, one column per value cell headed by its
 * official label (「三（七）总计·自然人」), after the unit's source, agency, year and check counts; and,
 * if asked, a last row 合计 with the combined report's figures. UTF-8 with BOM, CRLF (see csv.ts).
 * readUnitsCsv reads such a file back (columns found by their header, in any order).
 */
import { CELLS, type CellId } from '../report/cells.ts';
import type { Report } from '../report/document.ts';
import { CSV_BOM, parseCsv, toCsv } from './csv.ts';
import type { ReadyUnit } from './units.ts';

export const CSV_COLUMNS = {
  source: '来源',
  agency: '机关名称',
  year: '年度',
  errors: '审核错误',
  hints: '审核提示',
} as const;

/** The 来源 of the last row when a total is written. */
export const TOTAL_ROW_SOURCE = '合计';

const LEADING = Object.values(CSV_COLUMNS);
const HEADER = [...LEADING, ...CELLS.map((c) => c.label)];
const CELL_BY_LABEL = new Map(CELLS.map((c) => [c.label, c.id]));

/**
 * A spreadsheet runs a text starting with = + - @ (or a tab or CR) as a formula: an agency name from
 * a file must not. Such a text is written after an apostrophe, which Excel and WPS hide, and read
 * back without it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const asText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
const fromText = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** Exact (String, not rounded): a unit's figures are written as the file holds them. */
const number = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function row(source: string, report: Report, errors: string, hints: string): string[] {
  return [
    asText(source),
    asText(report.agency),
    report.year === null ? '' : String(report.year),
    errors,
    hints,
    ...CELLS.map((c) => number(report.cells[c.id])),
  ];
}

export interface UnitsCsvOptions {
  /** The combined report: written as a last row 合计. */
  total?: Report;
}

export function unitsToCsv(units: readonly ReadyUnit[], options: UnitsCsvOptions = {}): string {
  const rows = units.map((u) => row(u.name, u.report, String(u.errors), String(u.hints)));
  if (options.total) rows.push(row(TOTAL_ROW_SOURCE, options.total, '', ''));
  return CSV_BOM + toCsv([HEADER, ...rows]);
}

/** The file's bytes: UTF-8, the BOM included. */
export const csvBytes = (csv: string): Uint8Array => new TextEncoder().encode(csv);

export interface CsvUnitRow {
  source: string;
  agency: string;
  year: number | null;
  errors: number | null;
  hints: number | null;
  cells: Record<CellId, number | null>;
}

function numberOrNull(text: string, where: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`${where}应为数字，却是“${text}”。`);
  return n;
}

/** Reads back what unitsToCsv wrote. Throws with a Chinese message on a column it does not know. */
export function readUnitsCsv(text: string): CsvUnitRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  const at = (name: string) => header.indexOf(name);
  for (const name of LEADING) {
    if (at(name) < 0) throw new Error(`CSV 缺少“${name}”列。`);
  }
  const cellColumns = header.flatMap((name, i) => {
    if ((LEADING as readonly string[]).includes(name)) return [];
    const id = CELL_BY_LABEL.get(name);
    if (!id) throw new Error(`CSV 的第 ${i + 1} 列“${name}”不是年报表格中的单元格。`);
    return [[id, i] as const];
  });
  return records.map((fields, r) => {
    const field = (i: number) => fields[i] ?? '';
    const where = (column: string) => `第 ${r + 2} 行“${column}”`;
    const cells = Object.fromEntries(
      cellColumns.map(([id, i]) => [id, numberOrNull(field(i), where(header[i]!))]),
    ) as Record<CellId, number | null>;
    return {
      source: fromText(field(at(CSV_COLUMNS.source))),
      agency: fromText(field(at(CSV_COLUMNS.agency))),
      year: numberOrNull(field(at(CSV_COLUMNS.year)), where(CSV_COLUMNS.year)),
      errors: numberOrNull(field(at(CSV_COLUMNS.errors)), where(CSV_COLUMNS.errors)),
      hints: numberOrNull(field(at(CSV_COLUMNS.hints)), where(CSV_COLUMNS.hints)),
      cells,
    };
  });
}
