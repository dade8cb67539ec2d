/** Messages between the page and the Word export worker (docx-worker.ts). */
import type { Report } from '../../report/document.ts';
import type { ApprovalSheetPlace } from './export.ts';

export interface DocxExportSettings {
  fingerprint: string;
  /** ms since 1970 (a Date does not survive every structured clone of old browsers as one). */
  savedAt: number;
  approvalSheet: ApprovalSheetPlace;
}

export interface DocxWorkerRequest {
  type: 'export-docx';
  id: number;
  report: Report;
  settings: DocxExportSettings;
}

export type DocxWorkerResponse =
  | { type: 'done'; id: number; docx: Uint8Array }
  | { type: 'error'; id: number; message: string };
