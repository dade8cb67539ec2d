/**
 * What the layout produces and the drawing consumes: pages of positioned text and rules, in points,
 * y from the top of the page. Pure data, so layout (pagination, tables) is tested without a PDF.
 */

import type { TableDef } from '../../report/template.ts';
import type { FaceRole } from '../fonts.ts';

export type Rgb = readonly [number, number, number];

export interface TextOp {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  face: FaceRole;
  size: number;
  bold?: boolean;
  /** Extra space after each glyph (justification), in points. */
  charSpacing?: number;
  color?: Rgb;
}

export interface RuleOp {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/** Large, rotated, translucent text across the page (the draft watermark). */
export interface WatermarkOp {
  kind: 'watermark';
  text: string;
  face: FaceRole;
  size: number;
  /** Start of the baseline, and its angle in degrees counter-clockwise. */
  x: number;
  y: number;
  angle: number;
  color: Rgb;
  opacity: number;
}

export type DrawOp = TextOp | RuleOp | WatermarkOp;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One table cell as placed on a page (for tests and text checks). */
export interface PlacedCell {
  text: string;
  /** Footnote marker drawn in the cell's corner (①). */
  marker?: string;
  rect: Rect;
  role: 'title' | 'corner' | 'columnHeader' | 'rowHeader' | 'value';
  /** Grid row index within the block (header rows first, then body rows). */
  row: number;
  rowSpan: number;
}

/** The part of one table drawn on one page. */
export interface PlacedTablePart {
  table: TableDef['id'];
  block: number;
  /** Rows of the block's head (title and header rows) drawn on this page, repeated on continuations. */
  headRows: number;
  /** Body rows drawn, as a half-open range of the block's body row indices. */
  bodyRows: [number, number];
  continued: boolean;
  cells: PlacedCell[];
}

export type PageKind = 'findings' | 'approval' | 'report';

export interface PageModel {
  kind: PageKind;
  /** The printed page number (report pages only). */
  number: number | null;
  ops: DrawOp[];
  tables: PlacedTablePart[];
}

/** The 审核 as the print shows it: the state, and the messages already as printed (rare characters marked). */
export interface PrintedReview {
  state: '有错误' | '待确认' | '审核通过';
  /** 错误 left. */
  errors: readonly string[];
  /** 提示 not confirmed. */
  open: readonly string[];
  /** 提示 (and 需更新 texts) confirmed, with the clerk's 说明 and when. */
  confirmed: readonly { message: string; note: string; at: string }[];
}
