/**
 * The Word file's page and type, taken from the PDF's (src/pdf/layout/page.ts, GB/T 9704): A4, margins
 * 37 mm top, 28 left, 26 right, 35 bottom; body lines at the PDF's pitch (22 to the page); title 二号,
 * body and headings 三号, tables 五号, page number 四号 7 mm under the text block. Word measures in
 * twips (1/20 pt) and half-points.
 */
import { LINE_PITCH, mm, PAGE, STYLE, TEXT_WIDTH } from '../../pdf/layout/page.ts';
import { CELL_PADDING_X, CELL_PADDING_Y, VALUE_PADDING_X } from '../../pdf/layout/table-columns.ts';

export const twips = (points: number): number => Math.round(points * 20);
export const halfPoints = (points: number): number => Math.round(points * 2);

/** Sizes in points. Word sets whole and half points, so the body is the standard's 三号 (16 pt). */
export const SIZE = {
  title: STYLE.title.size,
  body: 16,
  table: STYLE.table.size,
  pageNumber: STYLE.pageNumber.size,
  draftLine: 9,
  approval: 13,
} as const;

export const PAGE_TWIPS = {
  width: twips(PAGE.width),
  height: twips(PAGE.height),
  top: twips(PAGE.top),
  right: twips(PAGE.right),
  bottom: twips(PAGE.bottom),
  left: twips(PAGE.left),
  /** The draft line sits in the top margin, as in the PDF. */
  header: twips(mm(15)),
  /** The page number's line: its top 7 mm under the text block. */
  footer: twips(PAGE.bottom - mm(7) - SIZE.pageNumber * 1.3),
} as const;

export const TEXT_WIDTH_TWIPS = twips(TEXT_WIDTH);
/** Body line pitch (exact): 22 lines to the text block. */
export const LINE_TWIPS = twips(LINE_PITCH);
export const TITLE_LINE_TWIPS = twips(STYLE.title.size * 1.6);
export const TABLE_LINE_TWIPS = twips(STYLE.table.size * 1.32);
export const MIN_ROW_TWIPS = twips(19);
export const CELL_MARGIN = {
  x: twips(CELL_PADDING_X),
  valueX: twips(VALUE_PADDING_X),
  y: twips(CELL_PADDING_Y),
} as const;

/** Grid columns in twips adding up exactly to `total` (rounding goes to the last column). */
export function columnTwips(points: readonly number[], total = TEXT_WIDTH_TWIPS): number[] {
  const widths = points.map(twips);
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
