/**
 * 导出网页: the report as an HTML fragment for a CMS, as a complete page, and as plain text for the
 * clipboard. Light and DOM-free (no library): runs in the page, in Node and in tests alike.
 */
import type { Report } from '../../report/document.ts';
import { exportDocument } from '../report-model.ts';
import { reportFragment } from './fragment.ts';
import { reportPage } from './page.ts';
import { reportPlainText } from './plain-text.ts';

export interface ReportHtml {
  /** One <div>: paste or upload into a CMS. */
  fragment: string;
  /** A complete page (UTF-8) that opens on its own. */
  page: string;
  /** The same content as text (tables tab-separated), for the clipboard's text/plain. */
  text: string;
  draft: boolean;
}

export function exportReportHtml(report: Report): ReportHtml {
  const doc = exportDocument(report);
  return {
    fragment: reportFragment(doc),
    page: reportPage(doc),
    text: reportPlainText(doc),
    draft: doc.draft !== null,
  };
}
