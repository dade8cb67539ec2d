/**
 * Start-up of the single HTML file from file:// in headless Chromium: time from navigation start to
 * an interactive draft list (the 「新建」 button present and enabled); and the file's size. Baseline in the same run: an empty Vite page (one button,
 * built to a single file the same way) opened the same way.
 * Each run is a fresh browser context (empty profile), so the draft list is empty.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { BUILD_TARGET } from '../scripts/vite/shared.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { ensureBuilt, SINGLE_FILE } from '../tests/e2e/build-support.ts';
import { runIfMain } from './lib/run-alone.ts';
import { median, p95 } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const RUNS = 9;

/** An empty Vite page with one 「新建」 button, built to one HTML file like the tool. */
async function buildBaseline(dir: string): Promise<string> {
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>空白页</title></head>' +
      '<body><div id="app"></div><script type="module" src="./main.ts"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'main.ts'),
    "const b = document.createElement('button');\nb.textContent = '新建';\ndocument.getElementById('app')!.append(b);\n",
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: 'error',
    plugins: [viteSingleFile()],
    build: { target: BUILD_TARGET, outDir: join(dir, 'dist') },
  });
  return join(dir, 'dist', 'index.html');
}

interface Timing {
  interactive: number;
  firstContentfulPaint: number;
}

/**
 * Opens the file in a fresh context. Interactive: from just before navigation until Playwright sees
 * the enabled button (includes a few ms of DevTools round trips, the same for the baseline).
 */
async function timeOnce(browser: Browser, file: string): Promise<Timing> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const button = page.getByRole('button', { name: '新建', exact: true });
    const start = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
    await button.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    const interactive = performance.now() - start;
    const firstContentfulPaint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    return { interactive, firstContentfulPaint };
  } finally {
    await context.close();
  }
}

export default async function bench(): Promise<BenchRow[]> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-startup-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const baselineFile = await buildBaseline(dir);
    const tool: Timing[] = [];
    const empty: Timing[] = [];
    await timeOnce(browser, SINGLE_FILE); // warm the disk cache and the browser
    for (let i = 0; i < RUNS; i++) {
      empty.push(await timeOnce(browser, baselineFile));
      tool.push(await timeOnce(browser, SINGLE_FILE));
    }
    const bytes = statSync(SINGLE_FILE).size;
    const load = loadavg()[0]!.toFixed(1);
    const of = (list: Timing[], key: keyof Timing) => list.map((t) => t[key]);
    return [
      {
        name: 'single file (file://): navigation → 「新建」 enabled',
        median_ms: median(of(tool, 'interactive')),
        p95_ms: p95(of(tool, 'interactive')),
        baseline_ms: median(of(empty, 'interactive')),
        target: '≤ 800 ms',
        bytes,
        note: `${(bytes / 1e6).toFixed(1)} MB file (PDF worker and fonts embedded after the app); baseline: an empty Vite page with one button, also a single file; ${RUNS} runs each, fresh profile; load average ${load}`,
      },
      {
        name: 'single file (file://): first contentful paint',
        median_ms: median(of(tool, 'firstContentfulPaint')),
        baseline_ms: median(of(empty, 'firstContentfulPaint')),
        note: 'the empty page paints its button as its first content',
      },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, bench);
