/**
 * The draft file (.nianbao.json): a small envelope around the report. Plain UTF-8 JSON, indented, so a
 * clerk can read it; the envelope says what it is, which version of the file format wrote it, when,
 * by which version of the tool, and carries a SHA-256 of the report so edits made outside the tool
 * show up when the file is opened again.
 *
 * File format versions (each older one opens; see migrate.ts):
 *   0 — early drafts: the bare report JSON with no envelope (what examples/*.json are).
 *   1 — the envelope below.
 * The report inside has its own version (report.formatVersion, REPORT_FORMAT_VERSION): the envelope
 * and the report change independently.
 */
import { z } from 'zod';
import { reportSchema } from '../report/document.ts';

/** The fixed marker of this tool's draft files. Never change it: old files carry it. */
export const FILE_TYPE = 'nianbao-tool/draft';
export const FILE_FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.nianbao.json';
export const FILE_MIME = 'application/json';
/** A full report is ~50 KB; anything past this is not one of our drafts (and would stall the page). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The current envelope as read. savedAt, appVersion and sha256 are optional here because a file
 * migrated from version 0 has none of them; the writer (serialize.ts) always writes all three, and a
 * current-version file without sha256 counts as edited outside the tool.
 */
function buildDraftFileSchema() {
  const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: '应为 64 位十六进制的 SHA-256 校验值' });
  return z.strictObject({
    type: z.literal(FILE_TYPE),
    fileFormatVersion: z.literal(FILE_FORMAT_VERSION),
    savedAt: z.iso.datetime({ offset: true }).optional(),
    appVersion: z.string().min(1).max(50).optional(),
    sha256: sha256Hex.optional(),
    report: reportSchema(),
  });
}

let built: ReturnType<typeof buildDraftFileSchema> | null = null;

/** Built on the first file opened, not at start-up (see reportSchema). */
export function draftFileSchema() {
  built ??= buildDraftFileSchema();
  return built;
}

export type DraftFileRead = z.infer<ReturnType<typeof buildDraftFileSchema>>;

/** What the tool writes: every field present, in this order (the report last, so the head reads first). */
export interface DraftFile {
  type: typeof FILE_TYPE;
  fileFormatVersion: typeof FILE_FORMAT_VERSION;
  savedAt: string;
  appVersion: string;
  sha256: string;
  report: DraftFileRead['report'];
}
