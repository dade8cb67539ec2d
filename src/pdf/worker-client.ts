/**
 * The page's side of the PDF worker: exportPdf() and checkGlyphs() as promises, progress as a
 * callback. Imports no pdf-lib: the page pays for the exporter only when the worker starts.
 */
import type { Report } from '../report/document.ts';
import type { ExportProgress } from './export.ts';
import type { PdfFontBytes } from './fonts.ts';
import type { MissingGlyph } from './missing-glyphs.ts';
import type { PdfExportSettings, PdfWorkerRequest, PdfWorkerResponse } from './worker-protocol.ts';

/** Thrown by exportPdf when characters no font has stopped the export (settings.missingGlyphs 'error'). */
export class PdfExportError extends Error {
  constructor(
    message: string,
    readonly missing: MissingGlyph[] = [],
  ) {
    super(message);
    this.name = 'PdfExportError';
  }
}

/** The part of a Worker the client uses (a real Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: PdfWorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PdfWorkerResponse>) => void): void;
  terminate(): void;
}

interface Pending {
  resolve(value: Uint8Array | MissingGlyph[]): void;
  reject(error: Error): void;
  onProgress?: (progress: ExportProgress) => void;
}

export interface PdfWorkerClient {
  exportPdf(
    report: Report,
    settings: PdfExportSettings,
    options?: { fonts?: PdfFontBytes; onProgress?: (progress: ExportProgress) => void },
  ): Promise<Uint8Array>;
  checkGlyphs(report: Report, fonts?: PdfFontBytes): Promise<MissingGlyph[]>;
  terminate(): void;
}

export function createPdfWorkerClient(worker: WorkerLike): PdfWorkerClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.addEventListener('message', ({ data }) => {
    const entry = pending.get(data.id);
    if (!entry) return;
    if (data.type === 'progress') {
      entry.onProgress?.(data.progress);
      return;
    }
    pending.delete(data.id);
    if (data.type === 'done') entry.resolve(data.pdf);
    else if (data.type === 'glyphs') entry.resolve(data.missing);
    else entry.reject(new PdfExportError(data.message, data.missing));
  });
  const request = <T extends Uint8Array | MissingGlyph[]>(
    message: PdfWorkerRequest,
    onProgress?: (progress: ExportProgress) => void,
  ) =>
    new Promise<T>((resolve, reject) => {
      pending.set(message.id, { resolve: resolve as Pending['resolve'], reject, onProgress });
      worker.postMessage(message);
    });
  return {
    exportPdf: (report, settings, options = {}) =>
      request<Uint8Array>(
        {
          type: 'export',
          id: nextId++,
          report,
          settings,
          ...(options.fonts ? { fonts: options.fonts } : {}),
        },
        options.onProgress,
      ),
    checkGlyphs: (report, fonts) =>
      request<MissingGlyph[]>({ type: 'check-glyphs', id: nextId++, report, ...(fonts ? { fonts } : {}) }),
    terminate() {
      worker.terminate();
      for (const entry of pending.values()) entry.reject(new PdfExportError('PDF 导出已取消。'));
      pending.clear();
    },
  };
}
