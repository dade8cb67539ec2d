/**
 * The page (A4) and the type sizes, after the conventions of GB/T 9704 (党政机关公文格式): text block
 * 156 × 225 mm with margins 37 mm top, 28 mm left, 26 mm right, 35 mm bottom; body 三号 set 28
 * characters to the line and 22 lines to the page; title 二号; tables 五号; page number 四号, 7 mm
 * under the text block. All lengths in PDF points, y measured from the top of the page.
 */
import type { TextStyle } from '../text/atoms.ts';

const MM = 72 / 25.4;

export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  top: 37 * MM,
  left: 28 * MM,
  right: 26 * MM,
  bottom: 35 * MM,
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_TOP = PAGE.top;
export const TEXT_BOTTOM = PAGE.height - PAGE.bottom;
export const TEXT_HEIGHT = TEXT_BOTTOM - TEXT_TOP;

/** 28 characters to the line: 15.8 pt, the 三号 (16 pt) of GB/T 9704 fitted to the 156 mm measure. */
export const BODY_SIZE = TEXT_WIDTH / 28;
/** 22 lines to the page. */
export const LINE_PITCH = TEXT_HEIGHT / 22;

export const STYLE = {
  title: { face: 'serif', size: 22, bold: true },
  body: { face: 'serif', size: BODY_SIZE },
  heading: { face: 'sans', size: BODY_SIZE },
  subhead: { face: 'serif', size: BODY_SIZE, bold: true },
  table: { face: 'serif', size: 10.5 },
  tableHead: { face: 'serif', size: 10.5, bold: true },
  tableCaption: { face: 'serif', size: 10.5 },
  footnote: { face: 'serif', size: 9 },
  pageNumber: { face: 'serif', size: 14 },
  footer: { face: 'sans', size: 7.5 },
} as const satisfies Record<string, TextStyle>;

/** Page number baseline: its dashes sit 7 mm under the text block. */
export const PAGE_NUMBER_BASELINE = TEXT_BOTTOM + 7 * MM + STYLE.pageNumber.size * 0.8;
/** Fingerprint line in the bottom margin. */
export const FOOTER_BASELINE = PAGE.height - 12 * MM;
/** Draft warning line in the top margin. */
export const HEADER_BASELINE = 20 * MM;

export const mm = (n: number) => n * MM;
