/**
 * Reading a PDF back two ways (pdftotext and pdf.js) and comparing it with the page models: the body
 * text with the page furniture removed, and the text inside each table cell's rectangle.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageModel, PlacedCell } from '../../src/pdf/layout/model.ts';
import { PAGE } from '../../src/pdf/layout/page.ts';
import { squeeze } from './fixtures.ts';

export interface Positioned {
  page: number;
  text: string;
  /** Centre of the text, points from the top left of the page. */
  x: number;
  y: number;
  /** Width in points (pdf.js merges neighbouring runs into one item, possibly across cells). */
  width?: number;
}

const FURNITURE = [/^—\s*\d+\s*—$/, /^文件指纹 /, /^草稿 · 审核未通过/];

/** pdftotext's plain output, page by page, without page numbers, footers and draft warnings. */
export function bodyText(plain: string): string[] {
  return plain.split('\f').map((page) =>
    page
      .split('\n')
      .filter((line) => !FURNITURE.some((f) => f.test(line.trim())))
      .join('\n'),
  );
}

export async function pdfjsItems(
  pdf: Uint8Array,
): Promise<{ items: Positioned[]; info: Record<string, unknown> }> {
  const doc = await getDocument({
    data: pdf.slice(),
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const items: Positioned[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , , x, y] = item.transform as number[];
      // transform gives the baseline start; the middle of an ideograph sits about 0.38 em above it.
      items.push({
        page: n,
        text: item.str,
        x: x! + item.width / 2,
        y: PAGE.height - y! - item.height * 0.38,
        width: item.width,
      });
    }
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { items, info: info as Record<string, unknown> };
}

const inside = (p: Positioned, cell: PlacedCell) =>
  p.x > cell.rect.x &&
  p.x < cell.rect.x + cell.rect.width &&
  p.y > cell.rect.y &&
  p.y < cell.rect.y + cell.rect.height;

/** Cells whose text, read back from inside their rectangle, differs from what was laid out. */
export function cellMismatches(pages: readonly PageModel[], found: readonly Positioned[]): string[] {
  return mismatches(pages, found, inside, (read, expected) => read === expected);
}

const overlaps = (p: Positioned, cell: PlacedCell) =>
  p.x + (p.width ?? 0) / 2 > cell.rect.x &&
  p.x - (p.width ?? 0) / 2 < cell.rect.x + cell.rect.width &&
  p.y > cell.rect.y &&
  p.y < cell.rect.y + cell.rect.height;

/**
 * The same for an extractor that merges the runs of neighbouring cells on one line (pdf.js): the text
 * of the items crossing a cell must contain the cell's text.
 */
export function cellsNotFound(pages: readonly PageModel[], found: readonly Positioned[]): string[] {
  return mismatches(pages, found, overlaps, (read, expected) => read.includes(expected));
}

function mismatches(
  pages: readonly PageModel[],
  found: readonly Positioned[],
  within: (p: Positioned, cell: PlacedCell) => boolean,
  same: (read: string, expected: string) => boolean,
): string[] {
  const problems: string[] = [];
  pages.forEach((page, i) => {
    const onPage = found.filter((f) => f.page === i + 1);
    for (const part of page.tables) {
      for (const cell of part.cells) {
        const pieces = onPage.filter((f) => within(f, cell)).sort((a, b) => a.y - b.y || a.x - b.x);
        let text = squeeze(pieces.map((p) => p.text).join(''));
        if (cell.marker) {
          if (!text.includes(cell.marker)) problems.push(`page ${i + 1}: marker ${cell.marker} missing`);
          text = text.replace(cell.marker, '');
        }
        if (!same(text, squeeze(cell.text)))
          problems.push(`page ${i + 1}: 「${cell.text}」 read back as 「${text}」`);
      }
    }
  });
  return problems;
}
