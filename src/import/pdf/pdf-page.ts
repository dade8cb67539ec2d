/**
 * A PDF page as the importer needs it, in PDF user space (points, y up): the text pieces with
 * their baseline position and size, and the ruled lines of tables (cell borders), whether drawn as
 * thin filled rectangles (Chromium, WPS) or as stroked lines (Word). Plain data: made in a Web
 * Worker (or Node) by pdf-extract.ts, read by pdf-html.ts.
 */
export interface PdfPiece {
  text: string;
  /** Baseline start. */
  x: number;
  y: number;
  width: number;
  /** Font size (em height). */
  size: number;
}

/** An axis-parallel border segment: horizontal when y1 === y2, vertical when x1 === x2. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPageData {
  width: number;
  height: number;
  pieces: PdfPiece[];
  rules: PdfRule[];
}

/** Thinner than this (points), a filled rectangle is a border line; longer than RULE_MIN, a rule. */
export const RULE_MAX_THICKNESS = 2.5;
const RULE_MIN_LENGTH = 2;

/** A filled rectangle as a rule (its centre line), or null when it is a box, not a line. */
export function rectangleRule(x: number, y: number, w: number, h: number): PdfRule | null {
  const [x1, x2] = w < 0 ? [x + w, x] : [x, x + w];
  const [y1, y2] = h < 0 ? [y + h, y] : [y, y + h];
  const width = x2 - x1;
  const height = y2 - y1;
  if (height <= RULE_MAX_THICKNESS && width >= RULE_MIN_LENGTH) {
    const mid = (y1 + y2) / 2;
    return { x1, y1: mid, x2, y2: mid };
  }
  if (width <= RULE_MAX_THICKNESS && height >= RULE_MIN_LENGTH) {
    const mid = (x1 + x2) / 2;
    return { x1: mid, y1, x2: mid, y2 };
  }
  return null;
}

/** A stroked segment as a rule, when it is (nearly) horizontal or vertical. */
export function lineRule(ax: number, ay: number, bx: number, by: number): PdfRule | null {
  if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= RULE_MIN_LENGTH)
    return { x1: Math.min(ax, bx), y1: ay, x2: Math.max(ax, bx), y2: ay };
  if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= RULE_MIN_LENGTH)
    return { x1: ax, y1: Math.min(ay, by), x2: ax, y2: Math.max(ay, by) };
  return null;
}
