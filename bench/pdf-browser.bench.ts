/**
 * PDF export of the sample report in headless Chromium (issue 5), through the real worker (a module
 * Worker on src/pdf/worker.ts + createPdfWorkerClient), production build of bench/pages/pdf.{html,ts}
 * with the app's build settings (fonts inlined into the worker as data: URLs):
 * - first export after page load: each sample a new browser context (empty cache), the page loaded,
 *   then worker start → PDF bytes in the page; alone, and with checkGlyphs first as 导出PDF does.
 *   Target ≤ 1 s.
 * - warm export on the running worker; target ≤ 250 ms. Baseline: a round trip to the same worker
 *   (check-glyphs of a report with no text).
 * - the PDF's size (target ≤ 250 KB) and what the fonts add to the build.
 *   node --import tsx bench/pdf-browser.bench.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { blankReport, type Report, reportSchema } from '../src/report/document.ts';
import {
  type BuiltPages,
  buildPages,
  call,
  cpuMeter,
  launchBrowser,
  machineLoad,
  openBenchPage,
} from './lib/browser-page.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';
import type { PdfBench } from './pages/pdf.ts';

const FIRST_LOADS = 6;
const PROBES = 3;
const WARMUP = 3;
const WARM = 20;
const ROUND_TRIPS = 50;
const FINGERPRINT = '3f2a9c1d7b6e5a40';
const SAVED_AT = '2022-01-20T02:30:00.000Z';
const FONTS_DIR = fileURLToPath(new URL('../src/pdf/fonts/', import.meta.url));

function sample(): Report {
  const json = readFileSync(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8');
  return reportSchema().parse(JSON.parse(json));
}

/** One fresh context (empty HTTP cache), the page loaded, its first export. */
async function firstExport(
  browser: Browser,
  cpu: () => Promise<number>,
  url: string,
  report: Report,
  checkGlyphs: boolean,
) {
  const context = await browser.newContext();
  try {
    const page = await openBenchPage(await context.newPage(), url);
    const before = await cpu();
    const result = await call<PdfBench, 'first'>(page, 'first', report, FINGERPRINT, SAVED_AT, checkGlyphs);
    return { ...result, cpuMs: (await cpu()) - before };
  } finally {
    await context.close();
  }
}

/** A fresh context, the page loaded, the probe worker's step timings. */
async function probe(browser: Browser, url: string, report: Report) {
  const context = await browser.newContext();
  try {
    const page = await openBenchPage(await context.newPage(), url);
    return await call<PdfBench, 'probe'>(page, 'probe', report, FINGERPRINT, SAVED_AT);
  } finally {
    await context.close();
  }
}

/** Median of each step over the probes: as row fields, and as text. */
function stepsOf(probes: readonly Record<string, number>[]) {
  const names = Object.keys(probes[0] ?? {});
  const median = (name: string) => summarise(probes.map((p) => p[name] ?? 0)).median;
  return {
    median,
    fields: Object.fromEntries(names.map((name) => [`${name}_ms`, median(name)])),
    text: names.map((name) => `${name} ${median(name).toFixed(0)}`).join(', '),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export default async function pdfBrowserBench(): Promise<BenchRow[]> {
  const pages = await buildPages(['pdf']);
  let browser: Browser | null = null;
  let separate: BuiltPages | null = null;
  try {
    browser = await launchBrowser();
    const url = pages.url('pdf');
    const report = sample();

    const cpu = await cpuMeter(browser);
    const alone: Awaited<ReturnType<typeof firstExport>>[] = [];
    const checked: Awaited<ReturnType<typeof firstExport>>[] = [];
    for (let i = 0; i < FIRST_LOADS; i++) {
      alone.push(await firstExport(browser, cpu, url, report, false));
      checked.push(await firstExport(browser, cpu, url, report, true));
    }

    // Where a first export's time goes: a twin of the worker timing each step inside it, on the
    // app's build and, interleaved, on a build that leaves the fonts as files the worker fetches.
    separate = await buildPages(['pdf'], { inlineAssets: () => false });
    const probes: Record<string, number>[] = [];
    const separateProbes: Record<string, number>[] = [];
    for (let i = 0; i < PROBES; i++) {
      probes.push(await probe(browser, url, report));
      separateProbes.push(await probe(browser, separate.url('pdf'), report));
    }

    const context = await browser.newContext();
    const page = await openBenchPage(await context.newPage(), url);
    await call<PdfBench, 'first'>(page, 'first', report, FINGERPRINT, SAVED_AT, false);
    const cpuBefore = await cpu();
    const warm = await call<PdfBench, 'warm'>(page, 'warm', report, FINGERPRINT, SAVED_AT, WARMUP, WARM);
    const warmCpu = ((await cpu()) - cpuBefore) / (WARMUP + WARM);
    const empty = blankReport({ id: 'empty', year: 2021 });
    const trips = await call<PdfBench, 'roundTrips'>(page, 'roundTrips', empty, 10, ROUND_TRIPS);
    await call<PdfBench, 'close'>(page, 'close');
    await context.close();

    const fonts = readdirSync(FONTS_DIR).filter((f) => f.endsWith('.otf.br'));
    const fontBytes = fonts.reduce((sum, f) => sum + statSync(join(FONTS_DIR, f)).size, 0);
    const workerBytes = pages.bytesOf((f) => /\/worker-[^/]*\.js$/.test(f));
    const pageBytes = pages.bytesOf((f) => /\.(js|css|html)$/.test(f) && !/worker/i.test(f));

    const first = summarise(alone.map((r) => r.ms));
    const firstChecked = summarise(checked.map((r) => r.ms));
    const firstCpu = summarise(alone.map((r) => r.cpuMs)).median;
    const firstCheckedCpu = summarise(checked.map((r) => r.cpuMs)).median;
    const cpuText = (value: number) => `CPU of all Chromium processes median ${value.toFixed(0)} ms`;
    const w = summarise(warm.times);
    const trip = summarise(trips);
    const build = `production vite build of bench/pages/pdf (app build settings); ${machineLoad()}`;
    const inlined = stepsOf(probes);
    const fetched = stepsOf(separateProbes);
    return [
      {
        name: 'PDF export of the sample, first after page load (worker start → bytes)',
        median_ms: first.median,
        p95_ms: first.p95,
        max_ms: first.max,
        baseline_ms: trip.median,
        target: '≤ 1 s',
        cpu_ms: firstCpu,
        note: `${first.n} fresh contexts (empty cache), each: page loaded, new Worker + createPdfWorkerClient, exportPdf; ${cpuText(firstCpu)}; ${build}`,
      },
      {
        name: 'PDF first after page load, checkGlyphs then export (as 导出PDF does)',
        median_ms: firstChecked.median,
        p95_ms: firstChecked.p95,
        max_ms: firstChecked.max,
        baseline_ms: trip.median,
        target: '≤ 1 s',
        cpu_ms: firstCheckedCpu,
        note: `${firstChecked.n} fresh contexts, interleaved with the row above; ${cpuText(firstCheckedCpu)}`,
      },
      {
        name: 'PDF first export, step by step inside a twin of the worker (whole)',
        median_ms: inlined.median('whole'),
        ...inlined.fields,
        note: `medians of ${probes.length} fresh contexts, ms: ${inlined.text}; codeLoaded = worker created → its module running (fetch + compile of the ${mb(workerBytes)} file)`,
      },
      {
        name: 'same, fonts as separate .otf files (experiment, not the app build)',
        median_ms: fetched.median('whole'),
        ...fetched.fields,
        note: `interleaved with the row above; worker file ${mb(separate.bytesOf((f) => /\/worker-[^/]*\.js$/.test(f)))}, fonts fetched by loadBundledFonts; ms: ${fetched.text}`,
      },
      {
        name: 'PDF export of the sample, warm (worker running)',
        median_ms: w.median,
        p95_ms: w.p95,
        max_ms: w.max,
        baseline_ms: trip.median,
        baseline_p95_ms: trip.p95,
        target: '≤ 250 ms',
        cpu_ms: warmCpu,
        pdf_bytes: warm.size,
        font_bytes: fontBytes,
        built_worker_bytes: workerBytes,
        built_page_bytes: pageBytes,
        note:
          `${w.n} exports after ${WARMUP} warm-up; CPU of all Chromium processes ${warmCpu.toFixed(0)} ms per export; PDF ${kb(warm.size)} (target ≤ 250 KB: ${warm.size <= 250 * 1024 ? 'ok' : 'MISSED'}); ` +
          `fonts ${fonts.join(' + ')} = ${mb(fontBytes)}, built worker file ${mb(workerBytes)} (fonts inlined as base64), page code ${kb(pageBytes)}; ` +
          `baseline: round trip to the same worker (check-glyphs of a report with no text, p95 ${trip.p95.toFixed(2)} ms)`,
      },
    ];
  } finally {
    await browser?.close();
    await pages.close();
    await separate?.close();
  }
}

runIfMain(import.meta.url, pdfBrowserBench);
