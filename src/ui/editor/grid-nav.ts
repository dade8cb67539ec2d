/** Positions in a table's cell matrix (rows may differ in length: table 2's bands). */
import type { CellId } from '../../report/cells.ts';

export interface Pos {
  row: number;
  col: number;
}

export function positionOf(matrix: readonly (readonly CellId[])[], cell: CellId): Pos | null {
  for (let row = 0; row < matrix.length; row++) {
    const col = matrix[row]!.indexOf(cell);
    if (col >= 0) return { row, col };
  }
  return null;
}

export function cellAt(matrix: readonly (readonly CellId[])[], pos: Pos): CellId | null {
  const row = matrix[pos.row];
  if (!row) return null;
  return row[Math.min(pos.col, row.length - 1)] ?? null;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous';

/** The cell a key moves to, or null at the edge (then Tab leaves the grid as usual). */
export function moveFrom(matrix: readonly (readonly CellId[])[], pos: Pos, move: Move): CellId | null {
  const { row, col } = pos;
  const width = matrix[row]?.length ?? 0;
  switch (move) {
    case 'up':
      return row > 0 ? cellAt(matrix, { row: row - 1, col }) : null;
    case 'down':
      return row < matrix.length - 1 ? cellAt(matrix, { row: row + 1, col }) : null;
    case 'left':
      return col > 0 ? cellAt(matrix, { row, col: col - 1 }) : null;
    case 'right':
      return col < width - 1 ? cellAt(matrix, { row, col: col + 1 }) : null;
    case 'next':
      if (col < width - 1) return cellAt(matrix, { row, col: col + 1 });
      return row < matrix.length - 1 ? cellAt(matrix, { row: row + 1, col: 0 }) : null;
    case 'previous':
      if (col > 0) return cellAt(matrix, { row, col: col - 1 });
      return row > 0 ? cellAt(matrix, { row: row - 1, col: (matrix[row - 1]?.length ?? 1) - 1 }) : null;
  }
}

/** Cells inside the rectangle spanned by two positions. */
export function cellsInRect(matrix: readonly (readonly CellId[])[], a: Pos, b: Pos): CellId[] {
  const cells: CellId[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    const row = matrix[r] ?? [];
    for (let c = Math.min(a.col, b.col); c <= Math.min(Math.max(a.col, b.col), row.length - 1); c++) {
      cells.push(row[c]!);
    }
  }
  return cells;
}
