/**
 * The clerk's first 导出PDF in the real app (production build, headless Chromium), from the click on
 * 生成并下载 to the download: clicked at once after opening a draft (cold worker: the worker's code and
 * the fonts are loaded and unpacked on the spot), and after 8 s on the draft (the app has warmed the
 * worker in the background meanwhile). Both builds: the intranet one (dist/, served; the fonts inside
 * the worker's script) and the single HTML file from file:// (worker code and fonts in the page).
 * Baseline in the same run: a second export in the same page.
 */
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { ensureBuilt, SINGLE_FILE } from '../tests/e2e/build-support.ts';
import { startProductionApp } from './lib/production-app.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const RUNS = Number(process.env.FIRST_EXPORT_RUNS ?? 3);
const ON_DRAFT_MS = 8000;

/** One fresh profile: open the sample, wait, export twice; the times of both exports. */
async function exportTwice(browser: Browser, url: string, waitMs: number): Promise<[number, number]> {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: '打开示例' }).click();
    await page.getByRole('button', { name: '导出PDF' }).waitFor();
    await page.waitForTimeout(waitMs);
    await page.getByRole('button', { name: '导出PDF' }).click();
    const times: number[] = [];
    for (const button of ['生成并下载', '再次下载']) {
      if (button === '再次下载') await page.getByRole('button', { name: '重新生成' }).click();
      const download = page.waitForEvent('download', { timeout: 120_000 }).catch((error: Error) => {
        throw new Error(
          `${button === '生成并下载' ? 'first' : 'second'} export gave no download: ${error.message}`,
        );
      });
      const start = Date.now();
      await page.getByRole('button', { name: '生成并下载' }).click();
      await download;
      times.push(Date.now() - start);
    }
    return [times[0]!, times[1]!];
  } finally {
    await context.close();
  }
}

export default async function firstExportBench(): Promise<BenchRow[]> {
  const app = await startProductionApp();
  const url = app.url;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const rows: BenchRow[] = [];
    ensureBuilt();
    const builds = [
      { name: 'intranet build', url },
      { name: 'single file', url: pathToFileURL(SINGLE_FILE).href },
    ];
    for (const build of builds) {
      const cold: number[] = [];
      const warmed: number[] = [];
      const second: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [first, again] = await exportTwice(browser, build.url, 0);
        cold.push(first);
        second.push(again);
        warmed.push((await exportTwice(browser, build.url, ON_DRAFT_MS))[0]);
      }
      const baseline = summarise(second).median;
      const row = (name: string, values: number[], note: string): BenchRow => {
        const s = summarise(values);
        return { name, median_ms: s.median, p95_ms: s.p95, baseline_ms: baseline, target: '≤ 1 s', note };
      };
      rows.push(
        row(
          `${build.name}: first 导出PDF, clicked at once after opening a draft`,
          cold,
          `${RUNS} fresh profiles; cold worker`,
        ),
        row(
          `${build.name}: first 导出PDF after ${ON_DRAFT_MS / 1000} s on the draft`,
          warmed,
          `${RUNS} fresh profiles; worker warmed in the background; baseline: a second export in the same page`,
        ),
      );
    }
    return rows;
  } finally {
    await browser.close();
    await app.close();
  }
}

runIfMain(import.meta.url, firstExportBench);
