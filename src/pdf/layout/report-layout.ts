/**
 * The whole document as pages: [findings page if draft] [审签单 if before] report [审签单 if after],
 * then page numbers, footers and, on a draft, the watermark on every page.
 */
import type { Report } from '../../report/document.ts';
import type { Finding } from '../../report/rules.ts';
import { reportTitle } from '../../report/template.ts';
import type { FontFaces } from '../fonts.ts';
import { writeApprovalSheet } from './approval-sheet.ts';
import { writeReportBody } from './body.ts';
import { writeFindingsPage } from './findings-page.ts';
import { Flow } from './flow.ts';
import { addFurniture, formatBeijingTime } from './furniture.ts';
import type { PageModel } from './model.ts';

export type ApprovalSheetPlace = 'before' | 'after' | null;

export interface LayoutInput {
  /** The report as printed (totals computed). */
  report: Report;
  /** Open 错误 findings; none means a clean, final document. */
  errors: readonly Finding[];
  hints: number;
  fingerprint: string;
  savedAt: Date;
  approvalSheet: ApprovalSheetPlace;
}

export function layoutReport(input: LayoutInput, faces: FontFaces): PageModel[] {
  const flow = new Flow();
  const { report, errors } = input;
  if (errors.length > 0) writeFindingsPage(flow, errors, input.hints, faces);
  const sheet = () =>
    writeApprovalSheet(
      flow,
      {
        title: reportTitle(report.agency.trim(), report.year),
        agency: report.agency.trim(),
        status: errors.length === 0 ? '审核通过' : `尚有 ${errors.length} 处错误（草稿，不得签发）`,
        fingerprint: input.fingerprint,
        savedAt: `北京时间 ${formatBeijingTime(input.savedAt)}`,
      },
      faces,
    );
  if (input.approvalSheet === 'before') sheet();
  writeReportBody(flow, report, faces);
  if (input.approvalSheet === 'after') sheet();
  addFurniture(
    flow.pages,
    { fingerprint: input.fingerprint, savedAt: input.savedAt, errors: errors.length },
    faces,
  );
  return flow.pages;
}
