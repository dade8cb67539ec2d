/**
 * Other readings of a table copied out of a PDF, tried when reading by row labels leaves doubts.
 * A PDF viewer orders the text by position, so a row's label may come after its numbers, or wrap
 * around them, while the numbers keep their order: row by row, or (poppler's default order) the
 * first columns row by row and each remaining column as a block of its own. Such a reading needs
 * exactly as many numbers as the table has cells, and counts only if every check of the format
 * holds on it (checks.ts); if two readings both hold and differ, the cells where they differ are
 * 不确定. Table 2 has no checks, so it is only ever read by its labels.
 */
import { type CellId, cellDef, tableMatrix } from '../report/cells.ts';
import type { TableDef } from '../report/template.ts';
import { parseImportedValue } from './cell-value.ts';
import { failedChecks, hasChecks } from './checks.ts';
import type { ImportIssue } from './issues.ts';
import type { TableCells } from './table-cells.ts';
import type { Token } from './table-tokens.ts';

export interface Reading {
  /** Chinese, how the numbers were placed (for the 提示 that says so). */
  how: string;
  cells: TableCells;
}

const tableName = (table: TableDef) => table.name.split('（')[0]!;

/** Cell orders a PDF's text may put the numbers in: row by row, then k columns row by row + the rest column by column. */
function cellOrders(table: TableDef, rows: CellId[][]): { how: string; order: CellId[] }[] {
  const width = rows[0]?.length ?? 0;
  const uniform = rows.every((r) => r.length === width);
  const orders = [{ how: '逐行', order: rows.flat() }];
  if (!uniform || table.stubDepth === 0) return orders;
  for (let k = width - 1; k >= 0; k--) {
    const order: CellId[] = [
      ...rows.flatMap((r) => r.slice(0, k)),
      ...Array.from({ length: width - k }, (_, c) => rows.map((r) => r[k + c]!)).flat(),
    ];
    orders.push({ how: k > 0 ? `前 ${k} 列逐行、其余各列逐列` : '逐列', order });
  }
  return orders;
}

function placed(order: readonly CellId[], values: readonly Token[]): TableCells {
  const out: TableCells = { cells: {}, notes: {}, issues: [] };
  order.forEach((id, i) => {
    const token = values[i]!;
    const def = cellDef(id);
    const parsed = parseImportedValue(token.text, def.kind, def.isTotal);
    out.cells[id] = parsed.value;
    if (parsed.note) out.notes[id] = parsed.note;
    if (parsed.severity) {
      out.issues.push({
        cell: id,
        severity: parsed.severity,
        message: `${def.label}：${parsed.message}`,
        source: token.text.trim(),
        line: token.line,
      });
    }
  });
  return out;
}

/** Readings by the order of the numbers alone (text without cell marks only). */
export function orderReadings(
  table: TableDef,
  tokens: readonly Token[],
  skipRows?: ReadonlySet<string>,
): Reading[] {
  if (!hasChecks(table.id) || tokens.some((t) => t.field !== undefined || t.kind === 'blank')) return [];
  const rows = tableMatrix(table).filter((row) => !skipRows?.has(cellDef(row[0]!).row.key));
  const values = tokens.filter((t) => t.kind === 'value');
  if (values.length !== rows.reduce((n, r) => n + r.length, 0)) return [];
  return cellOrders(table, rows).map(({ how, order }) => ({ how, cells: placed(order, values) }));
}

const doubtful = (issue: ImportIssue) => issue.severity === '不确定' || issue.severity === '未找到';

function holds(table: TableDef, reading: TableCells, ids: readonly CellId[]): boolean {
  const complete =
    ids.every((id) => reading.cells[id] !== null && reading.cells[id] !== undefined) &&
    !reading.issues.some((i) => i.cell && doubtful(i));
  return complete && failedChecks(reading.cells, table.id).length === 0;
}

/**
 * The reading to keep: by labels when it is complete and holds, else the order reading that holds
 * (cells where two holding readings differ marked 不确定), else by labels with its doubts.
 */
export function chooseReading(
  table: TableDef,
  ids: readonly CellId[],
  byLabels: TableCells,
  others: readonly Reading[],
): TableCells {
  if (holds(table, byLabels, ids)) return byLabels;
  const good = others.filter((o) => holds(table, o.cells, ids));
  const chosen = good[0];
  if (!chosen) return byLabels;
  const result: TableCells = {
    cells: { ...chosen.cells.cells },
    notes: { ...chosen.cells.notes },
    issues: [
      ...chosen.cells.issues,
      {
        table: table.id,
        severity: '提示',
        message: `${tableName(table)}：原文中行名与数字的位置不对应（从 PDF 复制的文字常见），已按数字的先后顺序（${chosen.how}）读取，表中各项合计和勾稽关系均相符`,
      },
    ],
  };
  for (const id of Object.keys(result.cells)) {
    const other = good.find((o) => o.cells.cells[id] !== result.cells[id]);
    if (!other) continue;
    result.issues.push({
      cell: id,
      severity: '不确定',
      message: `${cellDef(id).label}：原文的数字有两种读法都符合表中的合计（本格为 ${result.cells[id]} 或 ${other.cells.cells[id]}），请对照原文核对`,
    });
  }
  return result;
}
