/**
 * What every page carries besides its content: the page number 「— 1 —」 (report pages), a footer with
 * the file fingerprint and save time (to match a signed paper copy to the exact file), and on a
 * draft a warning line at the top and a diagonal watermark across the page.
 */
import type { FontFaces } from '../fonts.ts';
import { DRAFT_RED } from './findings-page.ts';
import { lineOps, singleLine } from './lines.ts';
import type { PageModel } from './model.ts';
import { FOOTER_BASELINE, HEADER_BASELINE, PAGE, PAGE_NUMBER_BASELINE, STYLE } from './page.ts';

export const WATERMARK_TEXT = '草稿 · 审核未通过';
const WATERMARK_SIZE = 64;
const FOOTER_GREY = [0.35, 0.35, 0.35] as const;

/** China has one time zone and no daylight saving: UTC+8, whatever the machine's zone. */
export function formatBeijingTime(date: Date): string {
  const t = new Date(date.getTime() + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

export interface Furniture {
  fingerprint: string;
  savedAt: Date;
  /** Open 错误 count; > 0 marks every page as a draft. */
  errors: number;
}

export function footerText(furniture: Furniture, index: number, count: number): string {
  return `文件指纹 ${furniture.fingerprint} · 保存于 ${formatBeijingTime(furniture.savedAt)}（北京时间） · 第 ${index} 页，共 ${count} 页`;
}

export function addFurniture(pages: PageModel[], furniture: Furniture, faces: FontFaces): void {
  const centred = (text: string, style: { face: 'serif' | 'sans'; size: number }, y: number) =>
    lineOps(singleLine([{ text, style }], faces, PAGE.width), 0, y, 'center');
  pages.forEach((page, i) => {
    if (page.number !== null)
      page.ops.push(...centred(`— ${page.number} —`, STYLE.pageNumber, PAGE_NUMBER_BASELINE));
    const footer = centred(footerText(furniture, i + 1, pages.length), STYLE.footer, FOOTER_BASELINE);
    for (const op of footer) op.color = FOOTER_GREY;
    page.ops.push(...footer);
    if (furniture.errors === 0) return;
    const warning = centred(
      `草稿 · 审核未通过：尚有 ${furniture.errors} 处错误，不得作为正式文本`,
      { face: 'sans', size: 9 },
      HEADER_BASELINE,
    );
    for (const op of warning) op.color = DRAFT_RED;
    page.ops.push(...warning);
    // Along the page diagonal, centred on the page (rotation about the start of the baseline).
    const angle = (Math.atan2(PAGE.height, PAGE.width) * 180) / Math.PI;
    const width = faces.sans.width(WATERMARK_TEXT) * WATERMARK_SIZE;
    const rise = faces.sans.ideographMiddle * WATERMARK_SIZE;
    const rad = (angle * Math.PI) / 180;
    // Page coordinates have y downwards here; the drawing flips them.
    const cx = PAGE.width / 2;
    const cy = PAGE.height / 2;
    page.ops.push({
      kind: 'watermark',
      text: WATERMARK_TEXT,
      face: 'sans',
      size: WATERMARK_SIZE,
      x: cx - (width / 2) * Math.cos(rad) + rise * Math.sin(rad),
      y: cy + (width / 2) * Math.sin(rad) + rise * Math.cos(rad),
      angle,
      color: DRAFT_RED,
      opacity: 0.16,
    });
  });
}
