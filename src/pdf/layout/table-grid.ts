/**
 * A table as a grid ready to paginate: the merged header and stub cells of tableLayout() with their
 * text broken into lines, the values formatted (empty prints 0, as the format expects), a numbered
 * marker on each cell that has a note, and row heights that fit every cell, spanning ones included.
 */
import { cellDef } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { type LayoutCell, type LayoutRole, tableLayout } from '../../report/layout.ts';
import { formatNumber } from '../../report/rules.ts';
import type { TableDef } from '../../report/template.ts';
import type { FontFaces } from '../fonts.ts';
import type { TextStyle } from '../text/atoms.ts';
import type { BrokenLine } from '../text/break-lines.ts';
import { type Align, breakRuns } from './lines.ts';
import { STYLE } from './page.ts';
import { CELL_PADDING_X, CELL_PADDING_Y, columnWidths, VALUE_PADDING_X } from './table-columns.ts';

export interface GridCell {
  role: LayoutRole;
  text: string;
  lines: BrokenLine[];
  align: Align;
  size: number;
  col: number;
  colSpan: number;
  /** Row within the block: head rows (title, header) first, then body rows. */
  row: number;
  rowSpan: number;
  /** Footnote marker of a value cell with a note (①). */
  marker?: string;
}

export interface GridBlock {
  headRows: number;
  /** Height of every row of the block, head rows first. */
  heights: number[];
  cells: GridCell[];
}

export interface Footnote {
  marker: string;
  /** Official label of the cell, e.g. 三（七）总计·自然人. */
  label: string;
  text: string;
}

export interface TableGrid {
  table: TableDef;
  columns: number[];
  blocks: GridBlock[];
  footnotes: Footnote[];
}

const MIN_ROW_HEIGHT = 19;
/** Numbers never print smaller than this; a wider number wraps. */
const MIN_NUMBER_SIZE = 6.5;
export const lineHeightOf = (size: number) => size * 1.32;

/** ①…⑳, ㉑…㉟, ㊱…㊿, then (51)…: circled numbers keep a marker one character wide. */
export function noteMarker(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}
/** Note markers print small in the top right corner of their cell, apart from the centred number. */
export const MARKER_SIZE = 7;

function placement(cell: LayoutCell, row: number) {
  return {
    role: cell.role,
    align: alignOf(cell),
    col: cell.col,
    colSpan: cell.colSpan,
    row,
    rowSpan: cell.rowSpan,
  };
}

function alignOf(cell: LayoutCell): Align {
  if (cell.role === 'rowHeader' && cell.rowSpan === 1) return 'left';
  return 'center';
}

function styleOf(role: LayoutRole): TextStyle {
  return role === 'title' ? STYLE.tableHead : STYLE.table;
}

/** Height a cell needs: its lines, padding, and room above the number for a note marker. */
export function textHeight(cell: GridCell): number {
  return cell.lines.length * lineHeightOf(cell.size) + 2 * CELL_PADDING_Y + (cell.marker ? MARKER_SIZE : 0);
}

export function buildTableGrid(table: TableDef, report: Report, faces: FontFaces): TableGrid {
  const layout = tableLayout(table);
  const footnotes: Footnote[] = [];
  // Values in reading order, so that note markers number the way the table reads.
  const values = new Map<string, { number: string; marker: string }>();
  for (const block of layout.blocks) {
    for (const row of block.body) {
      for (const { cell: id } of row.cells) {
        if (!id) continue;
        const note = report.notes[id]?.trim();
        let marker = '';
        if (note) {
          marker = noteMarker(footnotes.length + 1);
          footnotes.push({ marker, label: cellDef(id).label, text: note });
        }
        values.set(id, { number: formatNumber(report.cells[id] ?? 0), marker });
      }
    }
  }
  const widest = Math.max(
    0,
    ...[...values.values()].map((v) => faces.serif.width(v.number) * STYLE.table.size),
  );
  const columns = columnWidths(table, widest);
  const spanWidth = (cell: LayoutCell) =>
    columns.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0) - 2 * CELL_PADDING_X;

  // One size for every number of the table (consistent print): smaller only if the widest needs it.
  const valueRoom = Math.min(...valueCellWidths(layout, columns)) - 2 * VALUE_PADDING_X;
  const numberSize =
    widest > valueRoom
      ? Math.max(MIN_NUMBER_SIZE, (STYLE.table.size * valueRoom) / widest)
      : STYLE.table.size;

  const gridCell = (cell: LayoutCell, row: number): GridCell => {
    const value = cell.cell ? values.get(cell.cell) : undefined;
    const width = spanWidth(cell) + (value ? 2 * (CELL_PADDING_X - VALUE_PADDING_X) : 0);
    const style = value ? { ...STYLE.table, size: numberSize } : styleOf(cell.role);
    const text = value ? value.number : (cell.text ?? '');
    const lines = breakRuns([{ text, style }], faces, width);
    return {
      ...placement(cell, row),
      text,
      lines,
      size: style.size,
      ...(value?.marker ? { marker: value.marker } : {}),
    };
  };

  const blocks = layout.blocks.map((block): GridBlock => {
    const head = [...(block.title ? [block.title] : []), ...block.header];
    const rows = [...head, ...block.body];
    const cells = rows.flatMap((r, i) => r.cells.map((c) => gridCell(c, i)));
    return { headRows: head.length, heights: rowHeights(rows.length, cells), cells };
  });
  return { table, columns, blocks, footnotes };
}

function valueCellWidths(layout: ReturnType<typeof tableLayout>, columns: readonly number[]): number[] {
  const cells = layout.blocks.flatMap((b) => b.body.flatMap((r) => r.cells.filter((c) => c.cell)));
  return cells.map((c) => columns.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0));
}

/** Single-row cells set their row's height; a spanning cell that needs more spreads the extra evenly. */
function rowHeights(count: number, cells: readonly GridCell[]): number[] {
  const heights = Array.from({ length: count }, () => MIN_ROW_HEIGHT);
  for (const cell of cells) {
    if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row]!, textHeight(cell));
  }
  const spanning = cells.filter((c) => c.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan);
  for (const cell of spanning) {
    const rows = heights.slice(cell.row, cell.row + cell.rowSpan);
    const missing = textHeight(cell) - rows.reduce((a, b) => a + b, 0);
    if (missing <= 0) continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) heights[r]! += missing / cell.rowSpan;
  }
  return heights;
}
