/**
 * What the PDF draws in the 黑体 role (sans): headings, page furniture, the draft warning and
 * watermark, the 审签单 labels and the findings page title. All of it is fixed text of the template
 * and the layout (plus digits), never the clerk's: so the sans font is subset to these characters
 * (scripts/sans-charset.ts writes them to src/pdf/fonts/charset/sans-used.txt).
 */
import { prepareDocument } from '../../src/pdf/export.ts';
import type { PdfFontBytes } from '../../src/pdf/fonts.ts';
import type { Report } from '../../src/report/document.ts';
import {
  confirmedReport,
  draftReport,
  longReport,
  manyConfirmedReport,
  sampleReport,
  unconfirmedReport,
} from './fixtures.ts';

/**
 * Reports that between them draw every sans text: clean, draft (findings page, watermark), long, and
 * each review state (待确认: its watermark and title; confirmed 提示 on the 审签单 and on its 附页).
 */
export function sansReports(): Report[] {
  return [
    sampleReport(),
    draftReport(),
    longReport(),
    unconfirmedReport(),
    confirmedReport(),
    manyConfirmedReport(),
  ];
}

/** Every character drawn in the sans face for `report`, with and without each 审签单 place. */
export function sansCharacters(report: Report, fonts: PdfFontBytes): Set<string> {
  const chars = new Set<string>();
  for (const approvalSheet of [null, 'before', 'after'] as const) {
    const { pages } = prepareDocument(report, {
      fonts,
      fingerprint: '0123456789abcdef',
      savedAt: new Date('2026-01-30T09:05:07+08:00'),
      approvalSheet,
    });
    for (const page of pages)
      for (const op of page.ops)
        if ((op.kind === 'text' || op.kind === 'watermark') && op.face === 'sans')
          for (const char of op.text) chars.add(char);
  }
  return chars;
}
