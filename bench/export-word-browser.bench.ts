/**
 * Word export (issue 19) of the sample in headless Chromium, through the real worker, production build
 * of bench/pages/export-word.{html,ts} with the app's build settings:
 * - first export after page load (each sample a fresh context: the worker's code, the docx library,
 *   loaded then), target ≤ 1 s;
 * - warm exports on the running worker, target ≤ 250 ms;
 * - baseline in the same run: the web page export of the same report in the page.
 * - the size of the .docx and of the built worker.
 *   node --import tsx bench/export-word-browser.bench.ts
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { type Report, reportSchema } from '../src/report/document.ts';
import { buildPages, call, launchBrowser, machineLoad, openBenchPage } from './lib/browser-page.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';
import type { ExportWordBench } from './pages/export-word.ts';

const FIRST_LOADS = 6;
const WARMUP = 3;
const WARM = 20;
const FINGERPRINT = '3f2a9c1d7b6e5a40';
const SAVED_AT = '2022-01-20T02:30:00.000Z';

function sample(): Report {
  const json = readFileSync(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8');
  return reportSchema().parse(JSON.parse(json));
}

export default async function exportWordBrowserBench(): Promise<BenchRow[]> {
  const pages = await buildPages(['export-word']);
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const url = pages.url('export-word');
    const report = sample();
    const first: number[] = [];
    let size = 0;
    for (let i = 0; i < FIRST_LOADS; i++) {
      const context = await browser.newContext();
      try {
        const page = await openBenchPage(await context.newPage(), url);
        const run = await call<ExportWordBench, 'first'>(page, 'first', report, FINGERPRINT, SAVED_AT);
        first.push(run.ms);
        size = run.size;
      } finally {
        await context.close();
      }
    }
    const context = await browser.newContext();
    const page = await openBenchPage(await context.newPage(), url);
    await call<ExportWordBench, 'first'>(page, 'first', report, FINGERPRINT, SAVED_AT);
    const warm = summarise(
      await call<ExportWordBench, 'warm'>(page, 'warm', report, FINGERPRINT, SAVED_AT, WARMUP, WARM),
    );
    const html = await call<ExportWordBench, 'html'>(page, 'html', report, WARMUP, WARM);
    await call<ExportWordBench, 'close'>(page, 'close');
    await context.close();
    const baseline = summarise(html.times);
    const f = summarise(first);
    const workerBytes = pages.bytesOf((file) => /docx-worker[^/]*\.js$/.test(file));
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const build = `production vite build of bench/pages/export-word (app build settings); ${machineLoad()}`;
    return [
      {
        name: 'Word export of the sample, first after page load (worker start → bytes)',
        median_ms: f.median,
        p95_ms: f.p95,
        max_ms: f.max,
        baseline_ms: baseline.median,
        target: '≤ 1 s',
        note: `${f.n} fresh contexts (empty cache), each: page loaded, new Worker + createDocxWorkerClient, exportDocx; baseline: the web page export in the page; ${build}`,
      },
      {
        name: 'Word export of the sample, warm (worker running)',
        median_ms: warm.median,
        p95_ms: warm.p95,
        max_ms: warm.max,
        baseline_ms: baseline.median,
        target: '≤ 250 ms',
        docx_bytes: size,
        html_page_bytes: html.bytes,
        built_worker_bytes: workerBytes,
        note: `${warm.n} exports after ${WARMUP}; .docx ${kb(size)}, web page ${kb(html.bytes)}; built worker ${kb(workerBytes)}; baseline: the web page export in the page (median of ${baseline.n})`,
      },
    ];
  } finally {
    await browser?.close();
    await pages.close();
  }
}

runIfMain(import.meta.url, exportWordBrowserBench);
