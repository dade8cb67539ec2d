/**
 * Opening a draft file, as one pure function: bytes in, a valid report (or a Chinese reason) out.
 * Nothing is stored here; the caller decides what to do with the result (see import.ts). Order:
 * size → text encoding → JSON → is it ours, which version → migrate → validate everything → hash.
 */
import type { Report } from '../report/document.ts';
import { withTotals } from '../report/totals.ts';
import { reportHash } from './canonical.ts';
import { decodeFileBytes } from './decode.ts';
import { draftFileSchema, MAX_FILE_BYTES } from './format.ts';
import { describeIssue, describeProtoKey, protoKeyPaths, ZH_PARSE_OPTIONS } from './issues.ts';
import { parseJsonText } from './json.ts';
import { labelOfFilePath } from './labels.ts';
import { identifyFile, migrateFile } from './migrate.ts';
import { MAX_DEPTH, type ShapeProblem, shapeProblem } from './shape.ts';

/**
 * verified: the report is exactly what the tool wrote. mismatch: edited outside the tool.
 * missing: a current-format file whose hash was removed (treated as edited).
 * early-format: a version 0 file, which never had a hash.
 */
export type HashStatus = 'verified' | 'mismatch' | 'missing' | 'early-format';

export interface OpenedDraft {
  ok: true;
  report: Report;
  /** 「已读取文件「…」。」 */
  message: string;
  warnings: string[];
  /** True when the file cannot be trusted to be what the tool wrote: open it only as a new draft. */
  hashMismatch: boolean;
  hashStatus: HashStatus;
  info: { fileFormatVersion: number; savedAt: string | null; appVersion: string | null };
}

export type RejectionKind =
  | 'too-large'
  | 'encoding'
  | 'not-json'
  | 'not-ours'
  | 'newer'
  | 'invalid'
  | 'unreadable';

export interface RejectedDraft {
  ok: false;
  kind: RejectionKind;
  /** 「无法打开「name」：…」 */
  message: string;
  /** One line per problem, for 'invalid' (at most MAX_DETAILS, then a count of the rest). */
  details: string[];
}

export type OpenResult = OpenedDraft | RejectedDraft;

const MAX_DETAILS = 20;
const MAX_NAME_CHARS = 80;

/** File names are shown in messages as written, shortened; a name is text, never markup. */
export function shownFileName(name: string): string {
  const chars = Array.from(name);
  return chars.length > MAX_NAME_CHARS ? `${chars.slice(0, MAX_NAME_CHARS).join('')}…` : name;
}

function reject(kind: RejectionKind, name: string, reason: string, details: string[] = []): RejectedDraft {
  const shown =
    details.length > MAX_DETAILS
      ? [...details.slice(0, MAX_DETAILS), `……另有 ${details.length - MAX_DETAILS} 处问题未列出。`]
      : details;
  return { ok: false, kind, message: `无法打开「${shownFileName(name)}」：${reason}`, details: shown };
}

function describeShape(shape: ShapeProblem): string {
  const more = shape.path.length > 4 ? '·…' : '';
  const where = `「${labelOfFilePath(shape.path.slice(0, 4))}${more}」`;
  if (shape.kind === 'depth') return `${where}中的内容嵌套超过 ${MAX_DEPTH} 层（本工具的草稿只有几层）`;
  const keys = shape.firstKeys.length ? `，前几项为 ${shape.firstKeys.join('、')}` : '';
  return `${where}中有 ${shape.count} 项，远多于本工具的草稿${keys}`;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Call before reading a picked or dropped file, so a 2 GB file is never read into memory. */
export function checkFileSize(size: number, name: string): RejectedDraft | null {
  if (size <= MAX_FILE_BYTES) return null;
  return reject(
    'too-large',
    name,
    `文件过大（${megabytes(size)} MB）。本工具的草稿文件一般不到 1 MB，最大不超过 ${megabytes(MAX_FILE_BYTES)} MB；请确认选择的是本工具保存的草稿文件。`,
  );
}

const EDITED_OUTSIDE = '为免误覆盖浏览器中的草稿，只能作为新草稿打开；请核对改动。';

async function hashStatusOf(version: number, raw: Record<string, unknown>): Promise<HashStatus> {
  if (version === 0) return 'early-format';
  if (typeof raw.sha256 !== 'string') return 'missing';
  try {
    // Over the report as it is in the file, before any migration changed its shape.
    return (await reportHash(raw.report)) === raw.sha256 ? 'verified' : 'mismatch';
  } catch {
    return 'mismatch';
  }
}

const HASH_WARNINGS: Record<HashStatus, string | null> = {
  verified: null,
  mismatch: `文件内容与保存时记录的校验值不一致：文件在本工具之外被改动过（例如用记事本编辑）。${EDITED_OUTSIDE}`,
  missing: `文件中的校验值被删去了：文件在本工具之外被改动过。${EDITED_OUTSIDE}`,
  'early-format': '早期格式的文件没有校验值，无法确认文件是否在本工具之外被改动过；请核对内容。',
};

/** The warning an OpenedDraft carries for its hash status, if any. */
export const hashWarning = (status: HashStatus): string | null => HASH_WARNINGS[status];

async function open(bytes: Uint8Array, name: string): Promise<OpenResult> {
  const tooLarge = checkFileSize(bytes.byteLength, name);
  if (tooLarge) return tooLarge;

  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return reject('encoding', name, decoded.message);

  const shape = shapeProblem(decoded.text);
  if (shape) return reject('invalid', name, '文件的结构远超出本工具的草稿，未打开：', [describeShape(shape)]);

  const parsed = parseJsonText(decoded.text);
  if (!parsed.ok) return reject('not-json', name, parsed.message);

  const identified = identifyFile(parsed.value);
  if (identified.kind === 'not-ours') return reject('not-ours', name, identified.message);
  if (identified.kind === 'newer') return reject('newer', name, identified.message);
  if (identified.kind === 'invalid') return reject('invalid', name, identified.message, identified.details);

  const migrated = migrateFile(identified.file, identified.version);
  if (!migrated.ok) return reject('newer', name, migrated.message);

  const protoKeys = protoKeyPaths(migrated.file).map(describeProtoKey);
  const checked = draftFileSchema().safeParse(migrated.file, ZH_PARSE_OPTIONS);
  const problems = [...protoKeys, ...(checked.success ? [] : checked.error.issues.map(describeIssue))];
  if (!checked.success || problems.length > 0) {
    return reject('invalid', name, `文件中有 ${problems.length} 处内容不符合草稿格式，未打开：`, problems);
  }

  const hashStatus = await hashStatusOf(identified.version, identified.file);
  const hashWarning = HASH_WARNINGS[hashStatus];
  return {
    ok: true,
    // Automatic totals recomputed as the report comes in: a stale 总计 in the file is never shown.
    report: withTotals(checked.data.report),
    message: `已读取文件「${shownFileName(name)}」。`,
    warnings: [...decoded.warnings, ...migrated.notices, ...(hashWarning ? [hashWarning] : [])],
    hashMismatch: hashStatus === 'mismatch' || hashStatus === 'missing',
    hashStatus,
    info: {
      fileFormatVersion: identified.version,
      savedAt: checked.data.savedAt ?? null,
      appVersion: checked.data.appVersion ?? null,
    },
  };
}

/**
 * Reads a draft file. Never throws: anything unexpected becomes a rejection, so a bad file can only
 * ever produce a message.
 */
export async function openDraftFile(bytes: Uint8Array, name: string): Promise<OpenResult> {
  try {
    return await open(bytes, name);
  } catch {
    return reject('unreadable', name, '读取文件时出现意外问题，文件未打开。浏览器中的草稿没有任何改动。');
  }
}
