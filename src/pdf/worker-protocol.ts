/**
 * Messages between the page and the PDF worker. Everything is structured-cloneable; the PDF bytes
 * come back as a transferred buffer. One request id per export, so several can be in flight.
 */
import type { Report } from '../report/document.ts';
import type { ExportProgress } from './export.ts';
import type { PdfFontBytes } from './fonts.ts';
import type { MissingGlyph } from './missing-glyphs.ts';

export interface PdfExportSettings {
  fingerprint: string;
  savedAt: Date;
  approvalSheet?: 'before' | 'after' | null;
  missingGlyphs?: 'error' | 'mark';
  createdAt?: Date;
}

export type PdfWorkerRequest =
  | {
      type: 'export';
      id: number;
      report: Report;
      settings: PdfExportSettings;
      /** Font bytes, if the page has them; else the worker loads the bundled fonts itself. */
      fonts?: PdfFontBytes;
    }
  | { type: 'check-glyphs'; id: number; report: Report; fonts?: PdfFontBytes };

/**
 * Sent once by the single HTML file's page, first, when it starts the worker: the packed (gzip)
 * bundled fonts, which that worker's code does not carry (see src/platform/embedded-data.ts).
 */
export interface PdfWorkerFonts {
  type: 'bundled-fonts';
  fonts: PdfFontBytes;
}

/**
 * Asked by the page's print fallback (src/platform/print-font-fallback.ts) on a machine without the
 * serif fonts the screen and Ctrl+P name: the bundled fonts, unpacked (null when they cannot be read).
 */
export interface UnpackedFontsRequest {
  type: 'unpacked-fonts';
  id: number;
}
export interface UnpackedFontsReply {
  type: 'unpacked-fonts';
  id: number;
  fonts: PdfFontBytes | null;
}

export type PdfWorkerResponse =
  | { type: 'progress'; id: number; progress: ExportProgress }
  | { type: 'done'; id: number; pdf: Uint8Array }
  | { type: 'glyphs'; id: number; missing: MissingGlyph[] }
  /** missing is set when the export stopped on characters no font has. */
  | { type: 'error'; id: number; message: string; missing?: MissingGlyph[] };
