/**
 * An official table as a grid of rows, each cell with its place and spans (the template's layout,
 * every block in one table as reports print it), shared by the corpus's HTML, Word copy and .docx.
 */
import { tableLayout } from '../../src/report/layout.ts';
import { tableById } from '../../src/report/template.ts';
import type { CorpusReport } from './reports.ts';

export interface GridCell {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  value: boolean;
}

export interface Grid {
  width: number;
  rows: GridCell[][];
}

/** How the report prints a value: its zero style, amounts as typed. */
export const printed = (report: CorpusReport, id: string): string => {
  const value = report.cells[id];
  if (value === undefined) throw new Error(`corpus: ${report.id} has no ${id}`);
  return value === 0 ? report.zero : String(value);
};

export function tableGrid(report: CorpusReport, tableId: 't2' | 't3' | 't4'): Grid {
  const layout = tableLayout(tableById(tableId));
  const rows: GridCell[][] = [];
  for (const block of layout.blocks) {
    for (const row of [...(block.title ? [block.title] : []), ...block.header, ...block.body]) {
      rows.push(
        row.cells.map((cell) => ({
          text: cell.role === 'value' ? printed(report, cell.cell!) : (cell.text ?? ''),
          col: cell.col,
          colSpan: cell.colSpan,
          rowSpan: cell.rowSpan,
          value: cell.role === 'value',
        })),
      );
    }
  }
  return { width: layout.width, rows };
}

/**
 * Each grid row as its grid places: the cell starting there, 'covered' where a cell from above or
 * from the left spans over it (with the cell that covers it).
 */
export function gridPlaces(
  grid: Grid,
): ({ start: GridCell } | { covered: GridCell; fromAbove: boolean })[][] {
  const places: ({ start: GridCell } | { covered: GridCell; fromAbove: boolean })[][] = grid.rows.map(() =>
    Array.from({ length: grid.width }),
  );
  grid.rows.forEach((row, r) => {
    for (const cell of row) {
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          places[r + dr]![cell.col + dc] =
            dr === 0 && dc === 0 ? { start: cell } : { covered: cell, fromAbove: dr > 0 };
        }
      }
    }
  });
  return places;
}
