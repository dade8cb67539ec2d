/**
 * 汇总 in headless Chromium (issue 8): 200 generated draft files (serializeDraft of varied reports)
 * set on the 汇总 screen's file input (AggregateScreen mounted alone, production build of
 * bench/pages/aggregate.{html,ts}), timed in the page from the input's change event to the 200th unit
 * row in the DOM and the next frame produced. Target ≤ 2 s. Each run on a freshly loaded page.
 * Baseline in the same run: the same 200 files set on a plain input that only reads their bytes
 * (File.arrayBuffer of each).
 *   node --import tsx bench/aggregate-browser.bench.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { serializeDraft } from '../src/files/serialize.ts';
import { CELLS } from '../src/report/cells.ts';
import { type Report, reportSchema } from '../src/report/document.ts';
import { withTotals } from '../src/report/totals.ts';
import { buildPages, call, cpuMeter, launchBrowser, machineLoad, openBenchPage } from './lib/browser-page.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';
import type { AggregateBench } from './pages/aggregate.ts';

const FILES = 200;
const WARMUP = 1;
const RUNS = 7;
const SCREEN_INPUT = '选择各单位的年报文件（可多选）';

interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Unit i: the sample under another agency, its figures scaled; some with a wrong hand-typed total
 * (错误), some a second file of the previous unit (duplicate), some of another year, some with
 * texts cut short, so the list shows findings, duplicates and remarks as a real 汇总 does.
 */
function unit(base: Report, i: number): Report {
  const cells = { ...base.cells };
  for (const c of CELLS) {
    const v = cells[c.id];
    if (!c.isTotal && v !== null && v !== undefined)
      cells[c.id] = c.kind === 'amount' ? v : v * (1 + (i % 7));
  }
  const agency = i % 25 === 24 ? `第${i}单位` : `第${i + 1}单位`;
  const year = i % 50 === 49 ? 2020 : base.year;
  const sections = i % 15 === 14 ? { ...base.sections, problems: '', other: '' } : base.sections;
  const report = withTotals({ ...base, id: `unit-${i}`, agency, year, sections, cells });
  if (i % 10 !== 9) return report;
  return { ...report, manualTotals: true, cells: { ...report.cells, 't3.total.natural': 999_999 } };
}

async function unitFiles(): Promise<FilePayload[]> {
  const json = readFileSync(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8');
  const base = reportSchema().parse(JSON.parse(json));
  const files: FilePayload[] = [];
  for (let i = 0; i < FILES; i++) {
    const { bytes } = await serializeDraft(unit(base, i), { now: new Date(Date.UTC(2022, 0, 1 + (i % 28))) });
    files.push({
      name: `unit-${String(i + 1).padStart(3, '0')}.nianbao.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(bytes),
    });
  }
  return files;
}

/** One run on a fresh page: arm, set the files, wait for the page's measurement. */
async function run(
  page: Page,
  cpu: () => Promise<number>,
  url: string,
  files: FilePayload[],
  screen: boolean,
) {
  await openBenchPage(page, url);
  if (screen) await call<AggregateBench, 'armScreen'>(page, 'armScreen', FILES);
  else await call<AggregateBench, 'armBaseline'>(page, 'armBaseline');
  const input = screen ? page.getByLabel(SCREEN_INPUT) : page.locator('#baseline');
  const cpuAt = await cpu();
  const start = performance.now();
  await input.setInputFiles(files);
  const result = await call<AggregateBench, 'result'>(page, 'result');
  const wallMs = performance.now() - start;
  return { ...result, wallMs, cpuMs: (await cpu()) - cpuAt };
}

export default async function aggregateBrowserBench(): Promise<BenchRow[]> {
  const files = await unitFiles();
  const totalBytes = files.reduce((sum, f) => sum + f.buffer.length, 0);
  const pages = await buildPages(['aggregate']);
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const cpu = await cpuMeter(browser);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const url = pages.url('aggregate');
    const screen: Awaited<ReturnType<typeof run>>[] = [];
    const reading: Awaited<ReturnType<typeof run>>[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const s = await run(page, cpu, url, files, true);
      const b = await run(page, cpu, url, files, false);
      if (s.rows < FILES)
        throw new Error(`the screen listed ${s.rows} units, expected ${FILES}: ${s.status}`);
      if (i < WARMUP) continue;
      screen.push(s);
      reading.push(b);
    }
    const a = summarise(screen.map((r) => r.ms));
    const b = summarise(reading.map((r) => r.ms));
    const wall = summarise(screen.map((r) => r.wallMs));
    const cpuScreen = summarise(screen.map((r) => r.cpuMs)).median;
    const cpuReading = summarise(reading.map((r) => r.cpuMs)).median;
    return [
      {
        name: `汇总 screen: ${FILES} draft files → ${FILES} rows painted`,
        median_ms: a.median,
        p95_ms: a.p95,
        max_ms: a.max,
        baseline_ms: b.median,
        baseline_p95_ms: b.p95,
        wall_median_ms: wall.median,
        target: '≤ 2 s',
        cpu_ms: cpuScreen,
        baseline_cpu_ms: cpuReading,
        note:
          `CPU of all Chromium processes median ${cpuScreen.toFixed(0)} ms per run (baseline ${cpuReading.toFixed(0)} ms), file transfer by Playwright included; ` +
          `${a.n} runs after ${WARMUP} warm-up, each on a freshly loaded page; files ${(totalBytes / 1024 / 1024).toFixed(1)} MB (serializeDraft); ` +
          `clock in the page from the input's change event to the ${FILES}th row + next frame; ` +
          `with Playwright's setInputFiles transfer, median ${(wall.median / 1000).toFixed(2)} s; ` +
          `last status 「${screen.at(-1)?.status ?? ''}」; baseline: File.arrayBuffer() of the same files on a plain input; ` +
          `production vite build of bench/pages/aggregate; ${machineLoad()}`,
      },
    ];
  } finally {
    await browser?.close();
    await pages.close();
  }
}

runIfMain(import.meta.url, aggregateBrowserBench);
