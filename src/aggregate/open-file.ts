/**
 * Opening one unit's file for 汇总 and the command line: a draft file (.nianbao.json) or a plain report
 * JSON, both through src/files' openDraftFile (plain report JSON is its "early format"), so the app and
 * the CLI accept and refuse exactly the same files with the same Chinese reasons.
 * What this adds: PDF and Office files are named as such, the reason comes without the 「无法打开「…」：」
 * prefix (callers put the file name in front their own way), and a plain report JSON does not carry
 * the notices about its conversion and its missing hash, which say nothing to someone checking figures.
 */
import {
  type HashStatus,
  hashWarning,
  openDraftFile,
  type RejectionKind,
  shownFileName,
} from '../files/open.ts';
import type { Report } from '../report/document.ts';

export interface OpenedReportFile {
  ok: true;
  report: Report;
  /** Notes to show with the file: another encoding was read, edited outside the tool … */
  warnings: string[];
  hashStatus: HashStatus;
  /** 0: plain report JSON (早期格式); 1 …: the draft file envelope's version. */
  fileFormatVersion: number;
  savedAt: string | null;
}

export interface RefusedReportFile {
  ok: false;
  kind: RejectionKind | 'pdf' | 'office';
  /** Why, without the file name: 「文件不完整：内容在结尾处中断了。…」 */
  reason: string;
  /** One line per problem for a file whose content does not fit the format. */
  details: string[];
}

export type ReportFileResult = OpenedReportFile | RefusedReportFile;

const OURS = '请选择本工具保存的草稿文件（.nianbao.json）或年报数据文件（.json）。';

/** Files clerks mistake for the data file: the printed report and the spreadsheet or Word copy. */
function foreignFile(bytes: Uint8Array): RefusedReportFile | null {
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === '%PDF') {
    return { ok: false, kind: 'pdf', reason: `这是 PDF 文件，不是年报数据文件。${OURS}`, details: [] };
  }
  const compound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (head === 'PK\u0003\u0004' || compound) {
    return {
      ok: false,
      kind: 'office',
      reason: `这是 Excel、Word 等办公软件的文件（或压缩包），不是年报数据文件。${OURS}`,
      details: [],
    };
  }
  return null;
}

/** A conversion notice of migrate.ts (「…已转换为当前格式…」) or the early format's hash notice. */
const EARLY_FORMAT_NOTICE = (warning: string) =>
  warning === hashWarning('early-format') || warning.includes('已转换为当前格式');

/** A message of src/files without its 「无法打开「name」：」 in front. */
export function withoutFilePrefix(message: string, name: string): string {
  const prefix = `无法打开「${shownFileName(name)}」：`;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export async function openReportFile(bytes: Uint8Array, name: string): Promise<ReportFileResult> {
  const foreign = foreignFile(bytes);
  if (foreign) return foreign;
  const opened = await openDraftFile(bytes, name);
  if (!opened.ok) {
    return {
      ok: false,
      kind: opened.kind,
      reason: withoutFilePrefix(opened.message, name),
      details: opened.details,
    };
  }
  const early = opened.hashStatus === 'early-format';
  return {
    ok: true,
    report: opened.report,
    warnings: early ? opened.warnings.filter((w) => !EARLY_FORMAT_NOTICE(w)) : opened.warnings,
    hashStatus: opened.hashStatus,
    fileFormatVersion: opened.info.fileFormatVersion,
    savedAt: opened.info.savedAt,
  };
}
