import type { Report } from '../../report/document.ts';

/** 「自治区科技厅-2021年度政府信息公开工作年度报告-草稿.pdf」: 草稿 while any 错误 remains. */
export function pdfFileName(report: Report, hasErrors: boolean): string {
  const agency = report.agency.trim().replace(/[\\/:*?"<>|\s]+/g, '') || '未填写机关名称';
  const year = report.year === null ? '' : `${report.year}年度`;
  return `${agency}-${year}政府信息公开工作年度报告${hasErrors ? '-草稿' : ''}.pdf`;
}

/** A blob: URL for the PDF bytes; revoke it when done. */
export function pdfUrl(pdf: Uint8Array): string {
  return URL.createObjectURL(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
}

/** Starts a download of the PDF under `name` (a plain download: works from file:// too). */
export function downloadPdf(pdf: Uint8Array, name: string): void {
  const url = pdfUrl(pdf);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has the bytes once it started; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the PDF in the browser's own viewer in a new tab, to print it. False when a blocker refused. */
export function openPdfForPrint(pdf: Uint8Array): boolean {
  const url = pdfUrl(pdf);
  const opened = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return opened !== null;
}
