import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { reportHash } from '../../files/canonical.ts';
import type { ExportProgress } from '../../pdf/export.ts';
import type { MissingGlyph } from '../../pdf/missing-glyphs.ts';
import { createPdfWorkerClient, PdfExportError, type PdfWorkerClient } from '../../pdf/worker-client.ts';
import { blankReport, type Report } from '../../report/document.ts';
import { createPdfWorker } from './create-pdf-worker.ts';

export type ApprovalPlace = 'before' | 'after' | null;

export type PdfExportState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  /** Characters no font has: the clerk decides (fix the text, or print them marked by code). */
  | { phase: 'missing'; missing: MissingGlyph[] }
  | { phase: 'exporting'; progress: ExportProgress | null }
  | { phase: 'done'; pdf: Uint8Array; fingerprint: string }
  | { phase: 'failed'; message: string };

export interface PdfExportRequest {
  report: Report;
  savedAt: Date;
  approvalSheet: ApprovalPlace;
  /** Print characters no font has as 〔U+20000〕 (only after the clerk agreed). */
  markMissing: boolean;
}

/** Fingerprint printed on every page: the start of the draft file's SHA-256. */
export async function pdfFingerprint(report: Report): Promise<string> {
  return (await reportHash(report)).slice(0, 16);
}

/** The app's one PDF worker: started on the first export and kept, so later exports (导出PDF, then
 *  打印) find pdf-lib and the fonts already parsed. */
const appWorker: { client: PdfWorkerClient | null } = { client: null };

let prewarmed = false;

/**
 * Starts the app's PDF worker ahead of the first click, in the background: the worker script (with the
 * fonts inlined) takes seconds to load on an office PC, and the first export also pays for parsing the
 * fonts and a cold pdf-lib. A throwaway export of a blank report does all of that off the page's
 * thread. Once per page; failures are ignored (the real export reports them).
 */
export function prewarmPdfWorker(): void {
  if (prewarmed || typeof Worker === 'undefined') return;
  prewarmed = true;
  try {
    appWorker.client ??= createPdfWorkerClient(createPdfWorker());
    const client = appWorker.client;
    client
      .exportPdf(blankReport({ agency: '预热', year: 2000 }), {
        fingerprint: 'warmup',
        savedAt: new Date(0),
        missingGlyphs: 'mark',
      })
      .catch(() => {
        // A worker that failed to start is not kept: the clerk's export starts a fresh one.
        if (appWorker.client === client) {
          client.terminate();
          appWorker.client = null;
        }
      });
  } catch {
    // No worker here (an old browser): the first export will say so.
  }
}

/**
 * Export to PDF through the worker. Checks the glyphs first unless the clerk agreed to marks.
 * `makeWorker` (tests) gives the dialog a worker of its own, ended when the dialog closes.
 */
export function usePdfExport(makeWorker?: () => Worker) {
  const [state, setState] = useState<PdfExportState>({ phase: 'idle' });
  const own = useRef<{ client: PdfWorkerClient | null }>({ client: null });
  const holder = makeWorker ? own.current : appWorker;
  const run = useRef(0);

  useEffect(() => () => own.current.client?.terminate(), []);

  const start = useCallback(
    async ({ report, savedAt, approvalSheet, markMissing }: PdfExportRequest) => {
      const id = ++run.current;
      const alive = () => id === run.current;
      try {
        holder.client ??= createPdfWorkerClient((makeWorker ?? createPdfWorker)());
        const client = holder.client;
        if (!markMissing) {
          setState({ phase: 'checking' });
          const missing = await client.checkGlyphs(report);
          if (!alive()) return;
          if (missing.length > 0) {
            setState({ phase: 'missing', missing });
            return;
          }
        }
        setState({ phase: 'exporting', progress: null });
        const fingerprint = await pdfFingerprint(report);
        const pdf = await client.exportPdf(
          report,
          { fingerprint, savedAt, approvalSheet, missingGlyphs: markMissing ? 'mark' : 'error' },
          { onProgress: (progress) => alive() && setState({ phase: 'exporting', progress }) },
        );
        if (alive()) setState({ phase: 'done', pdf, fingerprint });
      } catch (error) {
        if (!alive()) return;
        if (error instanceof PdfExportError && error.missing.length > 0) {
          setState({ phase: 'missing', missing: error.missing });
          return;
        }
        // A worker that failed to start or crashed is replaced on the next try.
        holder.client?.terminate();
        holder.client = null;
        setState({
          phase: 'failed',
          message:
            error instanceof PdfExportError
              ? error.message
              : '生成 PDF 失败：浏览器未能运行导出程序。请刷新页面后再试；草稿已保存，不会丢失。',
        });
      }
    },
    [makeWorker, holder],
  );

  const reset = useCallback(() => {
    run.current++;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}
