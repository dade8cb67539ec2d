/** Writing a report into a draft file: the envelope, the hash, the bytes and the suggested file name. */
import type { Report } from '../report/document.ts';
import { APP_VERSION } from './app-version.ts';
import { canonicalJson, prettyJson, sha256Hex } from './canonical.ts';
import { type DraftFile, FILE_EXTENSION, FILE_FORMAT_VERSION, FILE_TYPE } from './format.ts';

export interface SerializedDraft {
  file: DraftFile;
  /** The file's text: indented JSON with a final newline. */
  text: string;
  /** UTF-8 without BOM. */
  bytes: Uint8Array;
  /** Canonical JSON of the report as written: compare with the current report to know if it changed since. */
  canonical: string;
}

export async function serializeDraft(
  report: Report,
  options: { now?: Date; appVersion?: string } = {},
): Promise<SerializedDraft> {
  const canonical = canonicalJson(report);
  const file: DraftFile = {
    type: FILE_TYPE,
    fileFormatVersion: FILE_FORMAT_VERSION,
    savedAt: (options.now ?? new Date()).toISOString(),
    appVersion: options.appVersion ?? APP_VERSION,
    sha256: await sha256Hex(canonical),
    report,
  };
  const text = `${prettyJson(file)}\n`;
  return { file, text, bytes: new TextEncoder().encode(text), canonical };
}

/** Characters Windows, macOS or a USB stick's FAT refuse in a file name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const MAX_AGENCY_CHARS = 60;

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** 「自治区科技厅-2021-年报草稿-20260127.nianbao.json」: 机关名称-年度-年报草稿-日期 (local date). */
export function draftFileName(report: Pick<Report, 'agency' | 'year'>, now = new Date()): string {
  const agency =
    Array.from(report.agency.replace(UNSAFE_IN_FILE_NAME, ' ').replace(/\s+/g, ' ').trim())
      .slice(0, MAX_AGENCY_CHARS)
      .join('')
      .replace(/^[.\s]+|[.\s]+$/g, '') || '未命名机关';
  const year = report.year === null ? '年度未填' : String(report.year);
  return `${agency}-${year}-年报草稿-${localDate(now)}${FILE_EXTENSION}`;
}
