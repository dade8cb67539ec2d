/**
 * What every page carries besides its content: the page number 「— 1 —」 centred in the footer (a PAGE
 * field, so Word numbers the pages it lays out), and on a draft a red warning line in the header and a
 * diagonal watermark (Word's own kind, which 设计 → 水印 can remove), as the PDF marks its pages.
 */
import { AlignmentType, Footer, Header, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { DraftMarking } from '../draft-marking.ts';
import { FONT, FONT_NAME } from './fonts.ts';
import { halfPoints, SIZE, twips } from './geometry.ts';

/** The PDF's draft red (0.75, 0.1, 0.1). */
export const DRAFT_RED = 'BF1A1A';

export function draftHeader(draft: DraftMarking | null): Header {
  if (!draft) return new Header({ children: [new Paragraph({})] });
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextWatermark({ text: draft.short, font: FONT_NAME.heading, color: DRAFT_RED, opacity: 0.2 }),
          new TextRun({
            text: draft.line,
            font: FONT.heading,
            size: halfPoints(SIZE.draftLine),
            color: DRAFT_RED,
          }),
        ],
      }),
    ],
  });
}

export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: twips(SIZE.pageNumber * 1.3), lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: FONT.pageNumber,
            size: halfPoints(SIZE.pageNumber),
          }),
        ],
      }),
    ],
  });
}

/** A section without page numbers (the 审签单) must say so, or Word carries the previous footer on. */
export const emptyFooter = (): Footer => new Footer({ children: [new Paragraph({})] });
