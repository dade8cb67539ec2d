/**
 * How the document's paragraphs look. Word styles for what a clerk edits most: 正文 (Normal) in the
 * body role (仿宋_GB2312 三号, exact line pitch, justified) and 标题 1 for the 一、 headings (黑体, kept
 * with what follows; Word's navigation pane lists the six sections). The title, the tables and their
 * unit lines are formatted directly, so the file uses no style of its own making (mammoth and other
 * converters know every style it names). Language zh-CN, so Word checks and breaks lines as Chinese.
 */
import { AlignmentType, type IParagraphOptions, type IStylesOptions, LineRuleType } from 'docx';
import { FONT } from './fonts.ts';
import { halfPoints, LINE_TWIPS, SIZE, TABLE_LINE_TWIPS, TITLE_LINE_TWIPS, twips } from './geometry.ts';

const BLACK = '000000';

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: {
        font: FONT.body,
        size: halfPoints(SIZE.body),
        language: { value: 'en-US', eastAsia: 'zh-CN' },
      },
      paragraph: {
        alignment: AlignmentType.BOTH,
        spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      },
    },
    heading1: {
      run: { font: FONT.heading, size: halfPoints(SIZE.body), color: BLACK, bold: false },
      paragraph: {
        alignment: AlignmentType.LEFT,
        indent: { firstLine: twips(2 * SIZE.body) },
        spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
      },
    },
  },
};

/** Paragraph settings of the title (its runs: FONT.title, SIZE.title), one blank line under it. */
export const TITLE_PARAGRAPH = {
  alignment: AlignmentType.CENTER,
  spacing: { line: TITLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, after: LINE_TWIPS },
  keepNext: true,
} satisfies IParagraphOptions;

/** A table cell's paragraph (its runs: SIZE.table). */
export const TABLE_PARAGRAPH = {
  spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.AT_LEAST },
} satisfies IParagraphOptions;

/** The unit line above a table, kept with it. */
export const CAPTION_PARAGRAPH = {
  alignment: AlignmentType.RIGHT,
  spacing: { line: twips(20), lineRule: LineRuleType.EXACT },
  keepNext: true,
} satisfies IParagraphOptions;
