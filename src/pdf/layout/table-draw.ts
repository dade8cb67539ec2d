/**
 * Draws the slices of a table that fall on one page: cell text centred in its cell (vertically on the
 * ideograph box) and the cell borders, each drawn once; the outer frame is heavier, as in print.
 */
import type { FontFaces } from '../fonts.ts';
import { baselineIn, lineOps } from './lines.ts';
import type { DrawOp, PlacedCell, PlacedTablePart, TextOp } from './model.ts';
import { CELL_PADDING_X, VALUE_PADDING_X } from './table-columns.ts';
import { type GridCell, lineHeightOf, MARKER_SIZE, type TableGrid } from './table-grid.ts';
import type { TablePage } from './table-paginate.ts';

const INNER_RULE = 0.5;
const OUTER_RULE = 1;

interface Row {
  /** Row index within the block (head rows first). */
  index: number;
  top: number;
  height: number;
}

function cellOps(cell: GridCell, x: number, top: number, height: number, faces: FontFaces) {
  const lineHeight = lineHeightOf(cell.size);
  const blockTop = top + (height - cell.lines.length * lineHeight) / 2;
  const middle = faces.serif.ideographMiddle;
  return cell.lines.flatMap((line, i) =>
    lineOps(
      line,
      x + (cell.role === 'value' ? VALUE_PADDING_X : CELL_PADDING_X),
      baselineIn(blockTop + i * lineHeight, lineHeight, cell.size, middle),
      cell.align,
    ),
  );
}

/** The note marker, small, in the top right corner of the cell. */
function markerOp(marker: string, right: number, top: number, faces: FontFaces): TextOp {
  const width = faces.serif.width(marker) * MARKER_SIZE;
  return {
    kind: 'text',
    x: right - width - 1.5,
    y: top + 1.5 + MARKER_SIZE * 0.88,
    text: marker,
    face: 'serif',
    size: MARKER_SIZE,
  };
}

export interface DrawnTable {
  ops: DrawOp[];
  parts: PlacedTablePart[];
  height: number;
}

export function drawTablePage(
  grid: TableGrid,
  page: TablePage,
  left: number,
  top: number,
  faces: FontFaces,
): DrawnTable {
  const ops: DrawOp[] = [];
  const rules = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
  const parts: PlacedTablePart[] = [];
  const colX = [left];
  for (const width of grid.columns) colX.push(colX[colX.length - 1]! + width);
  const right = colX[colX.length - 1]!;
  let y = top;
  for (const slice of page.slices) {
    const block = grid.blocks[slice.block]!;
    const rows: Row[] = [];
    const visible = [
      ...Array.from({ length: block.headRows }, (_, i) => i),
      ...Array.from({ length: slice.rows[1] - slice.rows[0] }, (_, i) => block.headRows + slice.rows[0] + i),
    ];
    for (const index of visible) {
      rows.push({ index, top: y, height: block.heights[index]! });
      y += block.heights[index]!;
    }
    const cells: PlacedCell[] = [];
    for (const cell of block.cells) {
      const shown = rows.filter((r) => r.index >= cell.row && r.index < cell.row + cell.rowSpan);
      if (shown.length === 0) continue;
      const x = colX[cell.col]!;
      const width = colX[cell.col + cell.colSpan]! - x;
      const cellTop = shown[0]!.top;
      const height = shown.reduce((h, r) => h + r.height, 0);
      ops.push(...cellOps(cell, x, cellTop, height, faces));
      if (cell.marker) ops.push(markerOp(cell.marker, x + width, cellTop, faces));
      cells.push({
        ...(cell.marker ? { marker: cell.marker } : {}),
        text: cell.text,
        rect: { x, y: cellTop, width, height },
        role: cell.role,
        row: cell.row,
        rowSpan: cell.rowSpan,
      });
      const bottom = cellTop + height;
      for (const [x1, y1, x2, y2] of [
        [x, cellTop, x + width, cellTop],
        [x, bottom, x + width, bottom],
        [x, cellTop, x, bottom],
        [x + width, cellTop, x + width, bottom],
      ] as const) {
        rules.set([x1, y1, x2, y2].map((v) => v.toFixed(2)).join(','), { x1, y1, x2, y2 });
      }
    }
    parts.push({
      table: grid.table.id,
      block: slice.block,
      headRows: block.headRows,
      bodyRows: slice.rows,
      continued: slice.continued,
      cells,
    });
  }
  const outer = (r: { x1: number; y1: number; x2: number; y2: number }) =>
    (r.x1 === r.x2 && (Math.abs(r.x1 - left) < 0.01 || Math.abs(r.x1 - right) < 0.01)) ||
    (r.y1 === r.y2 && (Math.abs(r.y1 - top) < 0.01 || Math.abs(r.y1 - y) < 0.01));
  for (const rule of rules.values()) {
    ops.push({ kind: 'rule', ...rule, width: outer(rule) ? OUTER_RULE : INNER_RULE });
  }
  return { ops, parts, height: y - top };
}
