/**
 * The window title and the draft list's file status: which file the draft is linked to and whether
 * it has changes not yet saved to that file. "Saved" is judged by content (canonical JSON), so undoing
 * back to the saved state clears the mark, as in a desktop program.
 */
import type { Report } from '../report/document.ts';
import { reportTitle } from '../report/template.ts';
import { canonicalJson } from './canonical.ts';

export const APP_NAME = '信息公开年报填报工具';

/** What the tool remembers of the file a draft was last saved to or opened from. */
export interface LinkedFile {
  reportId: string;
  /** The file's name as the user sees it. */
  name: string;
  /** Canonical JSON of the report as last written to (or read from) the file. */
  savedCanonical: string;
}

export function linkedFile(report: Report, name: string): LinkedFile {
  return { reportId: report.id, name, savedCanonical: canonicalJson(report) };
}

/** True when the report differs from what its linked file holds. A draft with no file is not "dirty". */
export function hasUnsavedChanges(report: Report, link: LinkedFile | null): boolean {
  if (!link || link.reportId !== report.id) return false;
  return canonicalJson(report) !== link.savedCanonical;
}

/** 「*自治区科技厅-2021-年报草稿-20260127.nianbao.json - 信息公开年报填报工具」 (* = unsaved changes). */
export function windowTitle(report: Report, link: LinkedFile | null, dirty: boolean): string {
  if (link && link.reportId === report.id) return `${dirty ? '*' : ''}${link.name} - ${APP_NAME}`;
  const title =
    report.agency.trim() || report.year !== null
      ? reportTitle(report.agency.trim(), report.year)
      : '未命名草稿';
  return `${title}（未保存到文件） - ${APP_NAME}`;
}

/** For the draft list: 「已保存到 x.nianbao.json」, 「x.nianbao.json（有未保存的改动）」 or 「未保存到文件」. */
export function fileStatusText(link: LinkedFile | null, dirty: boolean): string {
  if (!link) return '未保存到文件';
  return dirty ? `${link.name}（有未保存的改动）` : `已保存到 ${link.name}`;
}
