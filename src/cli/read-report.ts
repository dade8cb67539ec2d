/**
 * Reading a report file for the command line. Today: plain report JSON (the document schema).
 * The single entry point is readReportFile, so it can later hand draft files (the envelope of
 * src/files) to the reader there without any command changing.
 */
import { z } from 'zod';
import { cellDef, isCellId } from '../report/cells.ts';
import { REPORT_FORMAT_VERSION, type Report, ReportSchema } from '../report/document.ts';
import { SECTIONS } from '../report/template.ts';

export type ReadReportResult = { ok: true; report: Report } | { ok: false; message: string };

/** Issues listed in a message before 「……另有 N 处」. */
const MAX_ISSUES = 8;

/**
 * Bytes of a file → a report, or a Chinese message saying what is wrong and what to do.
 * The message does not repeat the file name; callers put it in front.
 * @param name the file's name, for messages that depend on the kind of file
 */
export async function readReportFile(bytes: Uint8Array, name: string): Promise<ReadReportResult> {
  const text = decodeText(bytes, name);
  if (!text.ok) return text;
  let data: unknown;
  try {
    data = JSON.parse(text.text);
  } catch (error) {
    return { ok: false, message: jsonErrorMessage(text.text, error) };
  }
  return parseReportData(data);
}

function decodeText(
  bytes: Uint8Array,
  name: string,
): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: '文件是空的。' };
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === '%PDF') return { ok: false, message: '这是 PDF 文件，不是年报数据文件（.json）。' };
  if (head.startsWith('PK')) {
    return {
      ok: false,
      message: `这是压缩格式的文件（如 Word、Excel），不是年报数据文件（.json）。${/\.xlsx?$/i.test(name) ? '表格数据请另存为“文本文件（制表符分隔）”后用 from-tables 导入。' : ''}`,
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, message: '不是 UTF-8 编码的文本文件。年报数据文件应为本工具保存的 .json 文件。' };
  }
}

function jsonErrorMessage(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : '';
  if (!text.trim()) return '文件里没有内容。';
  // V8 gives a position for most syntax errors ("… in JSON at position 9"), not for all.
  const position = /position (\d+)/.exec(detail);
  if (/end of JSON input/i.test(detail) || (position && Number(position[1]) >= text.trimEnd().length)) {
    return '不是完整的 JSON 文件：内容在中途断开，文件可能没有保存完整或被截断。';
  }
  if (!position) return '不是有效的 JSON 文件（格式有误），可能已损坏或被手工改错。';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `不是有效的 JSON 文件：第 ${line} 行第 ${column} 列附近格式有误，可能已损坏或被手工改错。`;
}

function parseReportData(data: unknown): ReadReportResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('formatVersion' in data)) {
    return { ok: false, message: '不是年报数据文件：缺少 formatVersion（格式版本）字段。' };
  }
  const version = (data as { formatVersion: unknown }).formatVersion;
  if (typeof version === 'number' && version > REPORT_FORMAT_VERSION) {
    return {
      ok: false,
      message: `这个文件由更新版本的工具保存（格式版本 ${version}，本工具只认识 ${REPORT_FORMAT_VERSION}），请使用新版本的工具打开。`,
    };
  }
  const parsed = ReportSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, report: parsed.data };
  const issues = parsed.error.issues;
  const listed = issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `  - ${describePath(issue.path)}：${issue.message}`);
  if (issues.length > MAX_ISSUES) listed.push(`  ……另有 ${issues.length - MAX_ISSUES} 处`);
  return {
    ok: false,
    message: `内容不符合年报数据格式（共 ${issues.length} 处问题）：\n${listed.join('\n')}`,
  };
}

const FIELD_NAMES: Record<string, string> = {
  formatVersion: '格式版本（formatVersion）',
  id: '报告编号（id）',
  agency: '机关名称（agency）',
  year: '报告年度（year）',
  period: '统计期限（period）',
  'period.start': '统计期限起始日期（period.start）',
  'period.end': '统计期限截止日期（period.end）',
  contact: '联系方式（contact）',
  'contact.address': '联系地址（contact.address）',
  'contact.postcode': '邮编（contact.postcode）',
  'contact.phone': '联系电话（contact.phone）',
  'contact.email': '电子邮箱（contact.email）',
  'contact.website': '网站（contact.website）',
  preamble: '前言（preamble）',
  sections: '正文各部分（sections）',
  cells: '表格数字（cells）',
  notes: '单元格注释（notes）',
  manualTotals: '合计方式（manualTotals）',
  lastYear: '上年数据（lastYear）',
  staleSections: '需更新的部分（staleSections）',
};

const sectionHeading = (key: string) =>
  SECTIONS.find((s) => s.kind === 'text' && s.key === key)?.heading ?? key;

/** An issue's path in words a clerk can find in the tool: 「三（七）总计·自然人」单元格. */
function describePath(path: readonly PropertyKey[]): string {
  const keys = path.map(String);
  if (keys.length === 0) return '文件顶层';
  const [first, second] = keys;
  if ((first === 'cells' || first === 'notes') && second && isCellId(second)) {
    return `${first === 'cells' ? '' : '注释：'}“${cellDef(second).label}”单元格（${keys.join('.')}）`;
  }
  if (first === 'sections' && second) return `${sectionHeading(second)}（${keys.join('.')}）`;
  const joined = keys.join('.');
  return (
    FIELD_NAMES[joined] ??
    (FIELD_NAMES[first!] ? `${FIELD_NAMES[first!]} 中的 ${keys.slice(1).join('.')}` : joined)
  );
}
