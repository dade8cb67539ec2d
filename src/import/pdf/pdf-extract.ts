/**
 * A PDF file's pages as text pieces and table rules (pdf-page.ts), read with pdf.js: the text with
 * its positions from getTextContent, the borders from the drawing operators (transformed by the
 * graphics state, as pdf.js draws them). The pdf.js module is passed in: the browser uses it in a
 * Web Worker (files/reader-worker.ts), the command line in Node. CJK text in fonts with a standard
 * Chinese encoding needs pdf.js's CMaps, which are given here from memory (never fetched).
 */
import { MAX_PDF_PAGES } from '../limits.ts';
import { lineRule, type PdfPageData, type PdfPiece, type PdfRule, rectangleRule } from './pdf-page.ts';

type Matrix = [number, number, number, number, number, number];

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PageProxy {
  view: number[];
  getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}

interface DocumentProxy {
  numPages: number;
  getPage(n: number): Promise<PageProxy>;
  destroy(): Promise<void>;
}

/** What of pdf.js (2.x legacy build) is used here. */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<DocumentProxy> };
  OPS: Record<string, number>;
}

/** A packed CMap by name (e.g. UniGB-UCS2-H), or null when not carried. */
export type CMapSource = (name: string) => Uint8Array | null;

export type PdfExtract = { ok: true; pages: PdfPageData[] } | { ok: false; message: string };

const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** The borders drawn on a page: thin filled rectangles and stroked straight segments. */
export function pageRules(
  ops: Record<string, number>,
  fnArray: readonly number[],
  argsArray: readonly unknown[],
): PdfRule[] {
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  /** The path being built: rectangles (as 4 corners) and straight segments, in page space. */
  let rects: [number, number][][] = [];
  let segments: [number, number, number, number][] = [];
  const is = (fn: number, ...names: string[]) => names.some((n) => ops[n] === fn);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (is(fn, 'save')) stack.push(ctm);
    else if (is(fn, 'restore')) ctm = stack.pop() ?? ctm;
    else if (is(fn, 'transform')) ctm = multiply(ctm, args as number[]);
    else if (is(fn, 'paintFormXObjectBegin')) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (is(fn, 'paintFormXObjectEnd')) ctm = stack.pop() ?? ctm;
    else if (is(fn, 'constructPath')) {
      const [pathOps, coords] = args as [number[], number[]];
      let at = 0;
      let current: [number, number] = [0, 0];
      for (const op of pathOps) {
        if (op === ops.rectangle) {
          const [x, y, w, h] = coords.slice(at, at + 4) as [number, number, number, number];
          rects.push([
            apply(ctm, x, y),
            apply(ctm, x + w, y),
            apply(ctm, x + w, y + h),
            apply(ctm, x, y + h),
          ]);
          at += 4;
        } else if (op === ops.moveTo) {
          current = apply(ctm, coords[at]!, coords[at + 1]!);
          at += 2;
        } else if (op === ops.lineTo) {
          const next = apply(ctm, coords[at]!, coords[at + 1]!);
          segments.push([current[0], current[1], next[0], next[1]]);
          current = next;
          at += 2;
        } else if (op === ops.curveTo) at += 6;
        else if (op === ops.curveTo2 || op === ops.curveTo3) at += 4;
      }
    } else if (
      is(fn, 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke')
    ) {
      for (const corners of rects) {
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        const rule = rectangleRule(x, y, Math.max(...xs) - x, Math.max(...ys) - y);
        if (rule) rules.push(rule);
      }
      if (is(fn, 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke')) strokeAll();
      rects = [];
      segments = [];
    } else if (is(fn, 'stroke', 'closeStroke')) {
      strokeAll();
      rects = [];
      segments = [];
    } else if (is(fn, 'endPath')) {
      rects = [];
      segments = [];
    }
  }
  return rules;

  function strokeAll() {
    for (const corners of rects)
      for (let k = 0; k < 4; k++) {
        const a = corners[k]!;
        const b = corners[(k + 1) % 4]!;
        const rule = lineRule(a[0], a[1], b[0], b[1]);
        if (rule) rules.push(rule);
      }
    for (const [ax, ay, bx, by] of segments) {
      const rule = lineRule(ax, ay, bx, by);
      if (rule) rules.push(rule);
    }
  }
}

function pagePieces(items: readonly (TextItem | { type: string })[]): PdfPiece[] {
  const pieces: PdfPiece[] = [];
  for (const item of items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, , d, e, f] = item.transform as Matrix;
    // Upright text only: a rotated stamp or watermark is not part of a table.
    if (Math.abs(b) > 0.01 * Math.abs(a)) continue;
    pieces.push({ text: item.str, x: e, y: f, width: item.width, size: Math.abs(d) || item.height });
  }
  return pieces;
}

/** pdf.js's CMap reader, answering from memory. */
function cMapReader(source: CMapSource) {
  return class EmbeddedCMapReader {
    async fetch({ name }: { name: string }) {
      const data = source(name);
      if (!data) throw new Error(`CMap ${name} not embedded`);
      return { cMapData: data, compressionType: 1 /* BINARY */ };
    }
  };
}

export async function extractPdf(pdfjs: PdfJs, bytes: Uint8Array, cmaps: CMapSource): Promise<PdfExtract> {
  let document: DocumentProxy;
  try {
    document = await pdfjs.getDocument({
      data: bytes,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      cMapPacked: true,
      cMapUrl: 'embedded/',
      CMapReaderFactory: cMapReader(cmaps),
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException')
      return {
        ok: false,
        message: '这个 PDF 文件设有打开密码，无法读取。请用没有密码的文件，或在阅读器中复制文字后粘贴。',
      };
    return {
      ok: false,
      message: '无法读取这个 PDF 文件（文件不完整或已损坏）。请重新下载，或在阅读器中复制文字后粘贴。',
    };
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      return {
        ok: false,
        message: `这个 PDF 文件有 ${document.numPages} 页，不像是一份年度报告（通常不到 30 页）。请确认选择的是上一年度的年报。`,
      };
    }
    const pages: PdfPageData[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      const text = await page.getTextContent();
      const operators = await page.getOperatorList();
      pages.push({
        width: x1 - x0,
        height: y1 - y0,
        pieces: pagePieces(text.items),
        rules: pageRules(pdfjs.OPS, operators.fnArray, operators.argsArray),
      });
      page.cleanup();
    }
    if (pages.every((p) => p.pieces.length === 0)) {
      return {
        ok: false,
        message: '这个 PDF 文件里没有文字（可能是扫描件或图片），无法导入。请找到原来的 Word 文件或网页。',
      };
    }
    return { ok: true, pages };
  } catch {
    return {
      ok: false,
      message: '读取这个 PDF 文件时出错（文件可能已损坏）。请重新下载，或在阅读器中复制文字后粘贴。',
    };
  } finally {
    void document.destroy();
  }
}
