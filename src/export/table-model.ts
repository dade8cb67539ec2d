/**
 * A table as the Word file and the web page print it: the merged header and stub cells of
 * tableLayout() (the grid the editor and the PDF draw), the values as typed, the PDF's column widths.
 * A cell's note is printed after its number in brackets, 「22（其中修订16件）」, the way published
 * reports write it: readers see it in place, and the importer reads it back as the cell's note.
 */

import { STYLE } from '../pdf/layout/page.ts';
import { columnWidths } from '../pdf/layout/table-columns.ts';
import type { Report } from '../report/document.ts';
import { type LayoutCell, type LayoutRole, type LayoutRow, tableLayout } from '../report/layout.ts';
import type { TableDef } from '../report/template.ts';
import { printedNumber, xmlSafe } from './printable.ts';

export interface ExportCell {
  role: LayoutRole;
  text: string;
  /** First grid column, and the grid columns and rows the cell spans. */
  col: number;
  colSpan: number;
  rowSpan: number;
  align: 'left' | 'center';
  bold: boolean;
  /** Value cell id (role value). */
  cell?: string;
}

export interface ExportRow {
  cells: ExportCell[];
  /** A title or header row (not data). */
  head: boolean;
}

export interface ExportTable {
  table: TableDef;
  /** Grid columns (stub columns first). */
  width: number;
  /** Width of each grid column in points (the PDF's), adding up to the text width. */
  columns: number[];
  rows: ExportRow[];
  /**
   * Rows at the top repeated on every page the table runs onto (续表): the head of a one-block table.
   * Table 2 has a head per block, and a repeated head may only be the table's first rows: none there.
   */
  repeatRows: number;
}

/** Approximate width of a digit at the table size, for the value columns' width (as the PDF sizes them). */
const DIGIT_WIDTH = 0.55 * STYLE.table.size;

function valueText(report: Report, id: string): string {
  const typed = report.invalidEntries[id as keyof Report['invalidEntries']];
  // What the clerk typed that is not a value is printed as typed (the report is a draft then),
  // never as a made-up 0.
  const number = typed !== undefined ? xmlSafe(typed) : printedNumber(report.cells[id] ?? 0);
  const note = xmlSafe(report.notes[id as keyof Report['notes']] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return note ? `${number}（${note}）` : number;
}

function exportCell(cell: LayoutCell, report: Report): ExportCell {
  const value = cell.cell !== undefined;
  return {
    role: cell.role,
    text: value ? valueText(report, cell.cell!) : (cell.text ?? ''),
    col: cell.col,
    colSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    // As the PDF: a row label of one row reads from the left, every other cell is centred.
    align: cell.role === 'rowHeader' && cell.rowSpan === 1 ? 'left' : 'center',
    bold: cell.role === 'title',
    ...(value ? { cell: cell.cell! } : {}),
  };
}

/** The table of a report as printed (totals already computed). */
export function exportTable(table: TableDef, report: Report): ExportTable {
  const layout = tableLayout(table);
  const rows: ExportRow[] = [];
  const row = (r: LayoutRow, head: boolean) =>
    rows.push({ cells: r.cells.map((c) => exportCell(c, report)), head });
  for (const block of layout.blocks) {
    if (block.title) row(block.title, true);
    for (const r of block.header) row(r, true);
    for (const r of block.body) row(r, false);
  }
  const widest = Math.max(
    0,
    ...rows.flatMap((r) =>
      r.cells.filter((c) => c.cell).map((c) => printedNumber(report.cells[c.cell!] ?? 0).length),
    ),
  );
  const first = layout.blocks[0]!;
  return {
    table,
    width: layout.width,
    columns: columnWidths(table, widest * DIGIT_WIDTH),
    rows,
    repeatRows: layout.blocks.length === 1 ? (first.title ? 1 : 0) + first.header.length : 0,
  };
}
