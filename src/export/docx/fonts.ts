/**
 * Font roles of the Word file, named as Windows and WPS have them, each with its East Asian name
 * set (w:eastAsia), which is what Word uses for Chinese text: title 方正小标宋简体, headings 黑体, body
 * and tables 仿宋_GB2312 (GB/T 9704), page number 宋体, Latin letters and digits Times New Roman.
 *
 * The font table (word/fontTable.xml) tells Word and WPS what to use where a font is missing: 仿宋
 * for 仿宋_GB2312 (Windows 10 ships 仿宋 only), 宋体 for 方正小标宋简体 (installed in most offices, not
 * on every PC), by alternative name, character set (GB2312) and PANOSE class.
 */
import type { IFontAttributesProperties } from 'docx';

const LATIN = 'Times New Roman';
const eastAsian = (name: string): IFontAttributesProperties => ({
  ascii: LATIN,
  hAnsi: LATIN,
  cs: LATIN,
  eastAsia: name,
  hint: 'eastAsia',
});

export const FONT_NAME = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

export const FONT = {
  title: eastAsian(FONT_NAME.title),
  heading: eastAsian(FONT_NAME.heading),
  body: eastAsian(FONT_NAME.body),
  /** GB/T 9704: the page number in 宋体, digits half-width. */
  pageNumber: { ascii: FONT_NAME.pageNumber, hAnsi: FONT_NAME.pageNumber, eastAsia: FONT_NAME.pageNumber },
} as const;

interface FontEntry {
  name: string;
  altName?: string;
  panose: string;
  /** 86 = GB2312 (Simplified Chinese), 00 = ANSI. */
  charset: '86' | '00';
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'variable' | 'fixed';
}

const FONTS: readonly FontEntry[] = [
  { name: LATIN, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  {
    name: '宋体',
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  {
    name: '黑体',
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '仿宋_GB2312',
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '方正小标宋简体',
    altName: '宋体',
    panose: '02000000000000000000',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
];

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** word/fontTable.xml (replaces the library's, which lists embedded fonts only). */
export function fontTableXml(): string {
  const font = (f: FontEntry) =>
    `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}` +
    `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/>` +
    `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${FONTS.map(font).join('')}</w:fonts>`;
}
