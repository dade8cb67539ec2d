/**
 * The whole document as pages: [findings page if draft] [审签单 if before] report [审签单 if after],
 * then page numbers, footers and, on a draft, the watermark on every page.
 */
import type { Report } from '../../report/document.ts';
import { reportTitle } from '../../report/template.ts';
import type { FontFaces } from '../fonts.ts';
import { writeApprovalSheet } from './approval-sheet.ts';
import { writeReportBody } from './body.ts';
import { writeFindingsPage } from './findings-page.ts';
import { Flow } from './flow.ts';
import { addFurniture, formatBeijingTime } from './furniture.ts';
import type { PageModel, PrintedReview } from './model.ts';

export type ApprovalSheetPlace = 'before' | 'after' | null;

export interface LayoutInput {
  /** The report as printed (totals computed). */
  report: Report;
  /** The state and what is open or confirmed; only 审核通过 prints clean. */
  review: PrintedReview;
  fingerprint: string;
  savedAt: Date;
  approvalSheet: ApprovalSheetPlace;
}

export function layoutReport(input: LayoutInput, faces: FontFaces): PageModel[] {
  const flow = new Flow();
  const { report, review } = input;
  if (review.state !== '审核通过') writeFindingsPage(flow, review, faces);
  const status = {
    有错误: `尚有 ${review.errors.length} 处错误（草稿，不得签发）`,
    待确认: `尚有 ${review.open.length} 条提示未确认（草稿，不得签发）`,
    审核通过: '审核通过',
  }[review.state];
  const sheet = () =>
    writeApprovalSheet(
      flow,
      {
        title: reportTitle(report.agency.trim(), report.year),
        agency: report.agency.trim(),
        status,
        confirmed: review.confirmed,
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
    {
      fingerprint: input.fingerprint,
      savedAt: input.savedAt,
      state: review.state,
      errors: review.errors.length,
      open: review.open.length,
    },
    faces,
  );
  return flow.pages;
}
