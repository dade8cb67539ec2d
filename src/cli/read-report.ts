/**
 * Reading a report file for the command line: a draft file (.nianbao.json, the envelope of src/files)
 * or a plain report JSON, through src/files' openDraftFile (by way of src/aggregate/open-file.ts), so
 * every command accepts and refuses exactly what the app does, with the same reasons.
 */
import { openReportFile } from '../aggregate/open-file.ts';
import { describeReportIssue, ZH_PARSE_OPTIONS } from '../files/issues.ts';
import type { HashStatus } from '../files/open.ts';
import { type Report, reportSchema } from '../report/document.ts';

export type ReadReportResult =
  | {
      ok: true;
      report: Report;
      /** To show with the file (another encoding was read, edited outside the tool …); [] for most. */
      warnings: string[];
      hashStatus: HashStatus;
      /** 0: plain report JSON; 1 …: the draft file's version. */
      fileFormatVersion: number;
      savedAt: string | null;
    }
  | { ok: false; message: string };

/**
 * Bytes of a file → a report, or a Chinese message saying what is wrong and what to do (problems
 * with the content listed one per line below it). The message does not repeat the file name;
 * callers put it in front.
 * @param name the file's name, for messages that depend on the kind of file
 */
export async function readReportFile(bytes: Uint8Array, name: string): Promise<ReadReportResult> {
  const opened = await openReportFile(bytes, name);
  if (opened.ok) {
    const { report, warnings, hashStatus, fileFormatVersion, savedAt } = opened;
    return { ok: true, report, warnings, hashStatus, fileFormatVersion, savedAt };
  }
  const spreadsheet =
    opened.kind === 'office' && /\.(xlsx?|et)$/i.test(name)
      ? '表格数据请另存为“文本文件（制表符分隔）”后用 from-tables 导入。'
      : '';
  return {
    ok: false,
    message: [opened.reason + spreadsheet, ...opened.details.map((d) => `  - ${d}`)].join('\n'),
  };
}

/** Problems listed before 「……」 in checkedReport's message. */
const MAX_LISTED = 10;

/**
 * A report a command made (from-tables, sum) checked against the schema before it is written, so a
 * command never writes what the tool would refuse to open; the reasons in Chinese, as for a file.
 */
export function checkedReport(report: Report): { ok: true; report: Report } | { ok: false; message: string } {
  const checked = reportSchema().safeParse(report, ZH_PARSE_OPTIONS);
  if (checked.success) return { ok: true, report: checked.data };
  const lines = checked.error.issues.map(describeReportIssue);
  const listed = lines.slice(0, MAX_LISTED).map((l) => `  - ${l}`);
  if (lines.length > MAX_LISTED) listed.push(`  ……另有 ${lines.length - MAX_LISTED} 处`);
  return { ok: false, message: ['生成的报告有内容不符合格式，未写入：', ...listed].join('\n') };
}
