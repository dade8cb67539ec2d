/** Names and downloads of the Word and web page files, named like the PDF (pdf-file.ts). */
import type { Report } from '../../report/document.ts';
import { pdfFileName } from './pdf-file.ts';

export type ExportFileKind = 'docx' | 'html' | 'fragment';

const SUFFIX: Record<ExportFileKind, string> = { docx: '.docx', html: '.html', fragment: '-网页片段.html' };
export const MIME: Record<ExportFileKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  fragment: 'text/html;charset=utf-8',
};

/** 「自治区科技厅-2021年度政府信息公开工作年度报告-草稿.docx」: 草稿 unless the report is 审核通过. */
export function exportFileName(report: Report, draft: boolean, kind: ExportFileKind): string {
  return pdfFileName(report, draft).replace(/\.pdf$/, SUFFIX[kind]);
}

/** Starts a download of `data` under `name` (a plain download: works from file:// too). */
export function downloadFile(data: Uint8Array | string, name: string, kind: ExportFileKind): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: MIME[kind] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has the bytes once it started; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
