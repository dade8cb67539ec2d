/**
 * Bench page for bench/pdf-browser.bench.ts: PDF export through the real worker, started the way
 * src/pdf/README.md says (a module Worker on src/pdf/worker.ts, createPdfWorkerClient). The worker is
 * started by the first export, as the app's 导出PDF does, so a first export pays for loading
 * pdf-lib, fontkit and the fonts.
 */
import type { PdfWorkerClient } from '../../src/pdf/worker-client.ts';
import { createPdfWorkerClient } from '../../src/pdf/worker-client.ts';
import type { PdfExportSettings } from '../../src/pdf/worker-protocol.ts';
import type { Report } from '../../src/report/document.ts';
import { exposeBench } from './expose.ts';

let client: PdfWorkerClient | null = null;

const startWorker = () =>
  createPdfWorkerClient(new Worker(new URL('../../src/pdf/worker.ts', import.meta.url), { type: 'module' }));

const running = () => {
  if (!client) throw new Error('no worker yet: call first() first');
  return client;
};

/** Dates do not cross page.evaluate as Dates: the settings come with an ISO time. */
const settingsOf = (fingerprint: string, savedAt: string): PdfExportSettings => ({
  fingerprint,
  savedAt: new Date(savedAt),
  createdAt: new Date(savedAt),
});

const api = {
  /**
   * The first export of this page: starts the worker, optionally checks the glyphs first (as the
   * app's button does), exports. ms from starting the worker to the PDF bytes in the page.
   */
  async first(report: Report, fingerprint: string, savedAt: string, checkGlyphs: boolean) {
    const start = performance.now();
    client = startWorker();
    if (checkGlyphs) await client.checkGlyphs(report);
    const pdf = await client.exportPdf(report, settingsOf(fingerprint, savedAt));
    return { ms: performance.now() - start, size: pdf.length };
  },

  /**
   * Starts the worker and waits for its first answer (check-glyphs of a report with no text): the
   * worker's code loaded, the fonts decoded and opened. ms.
   */
  async start(empty: Report) {
    const start = performance.now();
    client = startWorker();
    await client.checkGlyphs(empty);
    return performance.now() - start;
  },

  /** Exports on the running worker, one after the other; ms each, and the last PDF's size. */
  async warm(report: Report, fingerprint: string, savedAt: string, warmup: number, samples: number) {
    const worker = running();
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      const pdf = await worker.exportPdf(report, settingsOf(fingerprint, savedAt));
      if (i >= warmup) times.push(performance.now() - start);
      size = pdf.length;
    }
    return { times, size };
  },

  /**
   * Baseline: a round trip to the same worker that does next to nothing there, a check-glyphs
   * request on a report with no text (fonts already loaded and parsed by then).
   */
  async roundTrips(empty: Report, warmup: number, samples: number) {
    const worker = running();
    const times: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      await worker.checkGlyphs(empty);
      if (i >= warmup) times.push(performance.now() - start);
    }
    return times;
  },

  /**
   * Where a first export's time goes, step by step, measured inside a twin of the worker
   * (pdf-probe-worker.ts): code loaded, fonts decoded, faces opened, glyphs checked, each export
   * stage, and a second export. ms per step, plus the whole from creating the worker.
   */
  async probe(report: Report, fingerprint: string, savedAt: string) {
    const start = performance.now();
    const worker = new Worker(new URL('./pdf-probe-worker.ts', import.meta.url), { type: 'module' });
    const steps = await new Promise<Record<string, number>>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ report, fingerprint, savedAt });
    });
    worker.terminate();
    return { ...steps, whole: performance.now() - start };
  },

  async close() {
    client?.terminate();
    client = null;
  },
};

export type PdfBench = typeof api;
exposeBench(api);
