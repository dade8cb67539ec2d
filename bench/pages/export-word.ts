/**
 * Bench page for bench/export-word-browser.bench.ts: Word export through the real worker
 * (src/export/docx/docx-worker.ts with createDocxWorkerClient, as the app's 导出Word), started by the
 * first export, so a first export pays for loading the docx library; and the web page export in the
 * page (the baseline).
 */
import { createDocxWorkerClient, type DocxWorkerClient } from '../../src/export/docx/worker-client.ts';
import { exportReportHtml } from '../../src/export/html/index.ts';
import type { Report } from '../../src/report/document.ts';
import { exposeBench } from './expose.ts';

let client: DocxWorkerClient | null = null;

const startWorker = () =>
  createDocxWorkerClient(
    async () => () =>
      new Worker(new URL('../../src/export/docx/docx-worker.ts', import.meta.url), { type: 'module' }),
  );

const settings = (fingerprint: string, savedAt: string) => ({
  fingerprint,
  savedAt: Date.parse(savedAt),
  approvalSheet: null,
});

const api = {
  /** The first export of this page: starts the worker, exports. ms to the bytes in the page. */
  async first(report: Report, fingerprint: string, savedAt: string) {
    const start = performance.now();
    client = startWorker();
    const docx = await client.exportDocx(report, settings(fingerprint, savedAt));
    return { ms: performance.now() - start, size: docx.length };
  },

  /** Exports on the running worker, one after the other; ms each. */
  async warm(report: Report, fingerprint: string, savedAt: string, warmup: number, samples: number) {
    if (!client) throw new Error('no worker yet: call first() first');
    const times: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      await client.exportDocx(report, settings(fingerprint, savedAt));
      if (i >= warmup) times.push(performance.now() - start);
    }
    return times;
  },

  /** Baseline: the web page export of the same report, in the page. */
  async html(report: Report, warmup: number, samples: number) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      const out = exportReportHtml(report);
      if (i >= warmup) times.push(performance.now() - start);
      bytes = new TextEncoder().encode(out.page).length;
    }
    return { times, bytes };
  },

  async close() {
    client?.terminate();
    client = null;
  },
};

export type ExportWordBench = typeof api;
exposeBench(api);
