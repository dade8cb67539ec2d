/**
 * exportReportDocx: the report → a Word file (.docx), DOM-free (Node, a Web Worker). One section for
 * the report (A4, the PDF's margins, page numbers from 1) and, when asked, one for the 审签单 before or
 * after it (no page number). While the report is not 审核通过 every page is marked a draft.
 * Document properties: title (（草稿） on a draft), author = 机关名称, subject, keywords with the
 * file fingerprint.
 */
import { Document, type ISectionOptions, Packer } from 'docx';
import { formatBeijingTime } from '../../pdf/layout/furniture.ts';
import type { Report } from '../../report/document.ts';
import { type ExportDocument, exportDocument, GENERATOR } from '../report-model.ts';
import { approvalSheet } from './approval-sheet.ts';
import { reportBody } from './body.ts';
import { fontTableXml } from './fonts.ts';
import { draftHeader, emptyFooter, pageNumberFooter } from './furniture.ts';
import { PAGE_TWIPS } from './geometry.ts';
import { DOCUMENT_STYLES } from './styles.ts';

export type ApprovalSheetPlace = 'before' | 'after' | null;

export interface DocxOptions {
  /** Short fingerprint of the report (as the PDF's), shown on the 审签单 and in the keywords. */
  fingerprint: string;
  /** When the report was saved (the 审签单 prints it). */
  savedAt: Date;
  approvalSheet?: ApprovalSheetPlace;
}

const page = (restartNumbers: boolean) => ({
  page: {
    size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
    margin: {
      top: PAGE_TWIPS.top,
      right: PAGE_TWIPS.right,
      bottom: PAGE_TWIPS.bottom,
      left: PAGE_TWIPS.left,
      header: PAGE_TWIPS.header,
      footer: PAGE_TWIPS.footer,
    },
    ...(restartNumbers ? { pageNumbers: { start: 1 } } : {}),
  },
});

function sections(doc: ExportDocument, options: DocxOptions): ISectionOptions[] {
  const report: ISectionOptions = {
    properties: page(true),
    headers: { default: draftHeader(doc.draft) },
    footers: { default: pageNumberFooter() },
    children: reportBody(doc),
  };
  if (!options.approvalSheet) return [report];
  const sheet: ISectionOptions = {
    properties: page(false),
    headers: { default: draftHeader(doc.draft) },
    footers: { default: emptyFooter() },
    children: approvalSheet({
      title: doc.title,
      agency: doc.agency,
      status: doc.draft?.status ?? '审核通过',
      fingerprint: options.fingerprint,
      savedAt: `北京时间 ${formatBeijingTime(options.savedAt)}`,
    }),
  };
  return options.approvalSheet === 'before' ? [sheet, report] : [report, sheet];
}

export function buildDocxDocument(report: Report, options: DocxOptions): Document {
  const doc = exportDocument(report);
  return new Document({
    title: doc.properties.title,
    creator: doc.properties.author,
    lastModifiedBy: doc.properties.author,
    subject: doc.properties.subject,
    keywords: [...doc.properties.keywords, `文件指纹 ${options.fingerprint}`].join(' '),
    description: `由${GENERATOR}生成`,
    styles: DOCUMENT_STYLES,
    sections: sections(doc, options),
  });
}

export async function exportReportDocx(report: Report, options: DocxOptions): Promise<Uint8Array> {
  const document = buildDocxDocument(report, options);
  return Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
