/**
 * Characters the fonts cannot draw (e.g. U+20000 𠀀), found before export and listed with where they
 * occur, so that the caller decides: fix the text, or print them marked by code. Never a silent blank.
 */
import type { Report } from '../report/document.ts';
import { type FontFaces, loadFaces, type PdfFontBytes } from './fonts.ts';
import { mapReportTexts, reportTexts } from './report-texts.ts';
import { normalizeText } from './text/paragraphs.ts';

export interface MissingGlyph {
  char: string;
  /** 'U+20000' */
  codePoint: string;
  /** Official labels of where it occurs: 机关名称, 前言, 一、总体情况, 「…」的注释. */
  places: string[];
}

const LINE_BREAKS = new Set(['\n']);
export const codePointLabel = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const facesOf = (fonts: PdfFontBytes | FontFaces): FontFaces =>
  'width' in fonts.serif ? (fonts as FontFaces) : loadFaces(fonts as PdfFontBytes);

/** User text prints in the serif face (body, tables, notes, title): check against it. */
export function findMissingGlyphs(report: Report, fonts: PdfFontBytes | FontFaces): MissingGlyph[] {
  const serif = facesOf(fonts).serif;
  const found = new Map<string, MissingGlyph>();
  for (const { label, text } of reportTexts(report)) {
    for (const char of normalizeText(text)) {
      if (LINE_BREAKS.has(char) || serif.hasCodePoint(char.codePointAt(0)!)) continue;
      const entry = found.get(char) ?? { char, codePoint: codePointLabel(char), places: [] };
      if (!entry.places.includes(label)) entry.places.push(label);
      found.set(char, entry);
    }
  }
  return [...found.values()];
}

/** A text with each missing character replaced by its code in brackets, 〔U+20000〕. */
export function markText(missing: readonly MissingGlyph[]): (text: string) => string {
  if (missing.length === 0) return (text) => text;
  const marks = new Map(missing.map((m) => [m.char, `〔${m.codePoint}〕`]));
  return (text) => Array.from(text, (c) => marks.get(c) ?? c).join('');
}

/** Replaces each missing character by its code in brackets, 〔U+20000〕, visible on paper. */
export function markMissingGlyphs(report: Report, missing: readonly MissingGlyph[]): Report {
  if (missing.length === 0) return report;
  return mapReportTexts(report, markText(missing));
}

export class MissingGlyphsError extends Error {
  constructor(readonly missing: readonly MissingGlyph[]) {
    const list = missing
      .slice(0, 5)
      .map((m) => `「${m.char}」（${m.codePoint}，见${m.places.join('、')}）`)
      .join('；');
    super(
      `报告中有 ${missing.length} 个字字体里没有，打印出来会是空白：${list}${missing.length > 5 ? '……' : ''}。` +
        '请改用通用规范汉字，或选择“以编码标出”后再导出。',
    );
    this.name = 'MissingGlyphsError';
  }
}
