/**
 * Which reader a dropped or named file needs, by its first bytes (and its name for text), and
 * the size limit of each kind, checked before anything is read.
 */
import { fileTooLargeMessage, MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_TEXT_FILE_BYTES } from '../limits.ts';

export type ReportFileKind = 'pdf' | 'docx' | 'text';

export function reportFileKind(bytes: Uint8Array): ReportFileKind {
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === '%PDF') return 'pdf';
  if (head === 'PK\u0003\u0004') return 'docx';
  return 'text';
}

const LIMITS: Record<ReportFileKind, number> = {
  pdf: MAX_PDF_BYTES,
  docx: MAX_DOCX_BYTES,
  text: MAX_TEXT_FILE_BYTES,
};

/** The kind's size limit by the file's name (before its bytes are read): a message when over. */
export function sizeRefusal(name: string, size: number): string | null {
  const kind: ReportFileKind = /\.pdf$/i.test(name) ? 'pdf' : /\.docx$/i.test(name) ? 'docx' : 'text';
  return size > LIMITS[kind] ? fileTooLargeMessage(size, LIMITS[kind]) : null;
}

export function sizeRefusalOfKind(kind: ReportFileKind, size: number): string | null {
  return size > LIMITS[kind] ? fileTooLargeMessage(size, LIMITS[kind]) : null;
}

/** A file read into what importReport takes, or why it cannot be. */
export type FileInput =
  | { ok: true; input: { text?: string; html?: string } }
  | { ok: false; message: string };
