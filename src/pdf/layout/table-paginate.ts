/**
 * Splits a table over pages between rows, never inside one. Every page that continues a block starts
 * with that block's head rows again (title and header rows). A merged stub cell that crosses a page
 * break is drawn on both pages with its label repeated; the break moves up when one of the two parts
 * would be too short to hold the label.
 */
import { type GridBlock, type TableGrid, textHeight } from './table-grid.ts';

export interface TableSlice {
  block: number;
  /** Body rows of the block drawn in this slice (half-open range). */
  rows: [number, number];
  /** The slice goes on with a block begun on an earlier page. */
  continued: boolean;
}

export interface TablePage {
  slices: TableSlice[];
  /** The page goes on with the table from an earlier page (its caption says 续表). */
  continued: boolean;
}

const EPSILON = 0.01;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export const headHeight = (block: GridBlock) => sum(block.heights.slice(0, block.headRows));
export const bodyHeights = (block: GridBlock) => block.heights.slice(block.headRows);

/**
 * Moves a break (before body row `end`) up while a merged cell across it could not show its label
 * on one side. Smaller groups are mended first; a group that no earlier break on this page can mend
 * (a label taller than what is left) is left as it is.
 */
export function adjustBreak(block: GridBlock, start: number, end: number): number {
  const body = bodyHeights(block);
  const spanning = block.cells
    .filter((c) => c.rowSpan > 1 && c.row >= block.headRows)
    .sort((a, b) => a.rowSpan - b.rowSpan)
    .map((c) => ({
      first: c.row - block.headRows,
      last: c.row - block.headRows + c.rowSpan,
      need: textHeight(c),
    }));
  const fits = (span: (typeof spanning)[number], at: number) =>
    sum(body.slice(Math.max(span.first, start), at)) >= span.need - EPSILON &&
    sum(body.slice(at, span.last)) >= span.need - EPSILON;
  let adjusted = end;
  for (let guard = 0; guard < body.length; guard++) {
    let moved = false;
    for (const span of spanning) {
      if (!(span.first < adjusted && adjusted < span.last) || fits(span, adjusted)) continue;
      let candidate = adjusted - 1;
      while (candidate > span.first && candidate > start && !fits(span, candidate)) candidate--;
      if (candidate > start && candidate < adjusted) {
        adjusted = candidate;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return adjusted;
}

/**
 * `firstRoom`: height left on the current page; `pageRoom`: height of a fresh page; `caption`: the
 * line above the table on every page (unit, 续表). pages[0] with no slices means: start on a new page.
 */
export function paginateTable(
  grid: TableGrid,
  firstRoom: number,
  pageRoom: number,
  caption: number,
): TablePage[] {
  const pages: TablePage[] = [];
  let slices: TableSlice[] = [];
  let room = firstRoom - caption;
  let fresh = firstRoom >= pageRoom - EPSILON;
  let placedAny = false;
  let continued = false;
  const breakPage = () => {
    pages.push({ slices, continued });
    continued = placedAny;
    slices = [];
    room = pageRoom - caption;
    fresh = true;
  };
  grid.blocks.forEach((block, index) => {
    const head = headHeight(block);
    const body = bodyHeights(block);
    let row = 0;
    while (row < body.length) {
      let count = 0;
      let height = head;
      while (row + count < body.length && height + body[row + count]! <= room + EPSILON) {
        height += body[row + count]!;
        count++;
      }
      if (count > 0 && row + count < body.length) count = adjustBreak(block, row, row + count) - row;
      if (count === 0) {
        if (!(fresh && slices.length === 0)) {
          breakPage();
          continue;
        }
        count = 1; // a row taller than a page: it overflows, there is nothing better to do
      }
      slices.push({ block: index, rows: [row, row + count], continued: row > 0 });
      placedAny = true;
      room -= head + sum(body.slice(row, row + count));
      row += count;
      if (row < body.length) breakPage();
    }
  });
  pages.push({ slices, continued });
  return pages;
}
