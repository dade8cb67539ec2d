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

/** The watermark of each draft state; a report that passed (审核通过) has none. */
export const WATERMARK_TEXTS = { 有错误: '草稿 · 审核未通过', 待确认: '草稿 · 提示未确认' } as const;
export const WATERMARK_TEXT = WATERMARK_TEXTS.有错误;
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
  /** Anything but 审核通过 marks every page as a draft. */
  state: '有错误' | '待确认' | '审核通过';
  /** Open 错误 and 提示 not confirmed, for the warning line. */
  errors: number;
  open: number;
}

/** The red line at the top of every page of a draft. */
export function warningText(furniture: Furniture): string | null {
  if (furniture.state === '有错误')
    return `草稿 · 审核未通过：尚有 ${furniture.errors} 处错误，不得作为正式文本`;
  if (furniture.state === '待确认')
    return `草稿 · 提示未确认：尚有 ${furniture.open} 条提示未确认，不得作为正式文本`;
  return null;
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
    const text = warningText(furniture);
    if (text === null || furniture.state === '审核通过') return;
    const watermark = WATERMARK_TEXTS[furniture.state];
    const warning = centred(text, { face: 'sans', size: 9 }, HEADER_BASELINE);
    for (const op of warning) op.color = DRAFT_RED;
    page.ops.push(...warning);
    // Along the page diagonal, centred on the page (rotation about the start of the baseline).
    const angle = (Math.atan2(PAGE.height, PAGE.width) * 180) / Math.PI;
    const width = faces.sans.width(watermark) * WATERMARK_SIZE;
    const rise = faces.sans.ideographMiddle * WATERMARK_SIZE;
    const rad = (angle * Math.PI) / 180;
    // Page coordinates have y downwards here; the drawing flips them.
    const cx = PAGE.width / 2;
    const cy = PAGE.height / 2;
    page.ops.push({
      kind: 'watermark',
      text: watermark,
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
