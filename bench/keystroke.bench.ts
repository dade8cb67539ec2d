/**
 * Keystroke → next paint in table 3, in headless Chromium, on the production build.
 * Vsync is switched off (--disable-gpu-vsync --disable-frame-rate-limit) so a frame is produced as soon
 * as there is work, and the figure is the app's own cost, not the wait for the next 16.7 ms tick.
 * Baseline in the same run: the same measurement on a page holding a single plain input.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { startProductionApp } from './lib/production-app.ts';
import { summarise } from './lib/stats.ts';

const KEYS = 300;
const WARMUP = 30;

/** Installed before any page script: records keydown.timeStamp → the task after the next frame. */
const PROBE = `
  window.__latencies = [];
  document.addEventListener('keydown', (e) => {
    const start = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }, true);
`;

async function typeAndMeasure(page: Page, selector: string): Promise<number[]> {
  await page.locator(selector).click();
  for (let i = 0; i < KEYS; i++) {
    // Alternate between two values so every keystroke changes the report.
    await page.keyboard.press(i % 2 ? '7' : '3');
    await page.waitForFunction(
      (n) => (window as unknown as { __latencies: number[] }).__latencies.length > n,
      i,
    );
    await page.keyboard.press('Backspace');
    await page.waitForFunction(
      (n) => (window as unknown as { __latencies: number[] }).__latencies.length > n,
      i + 1 + i,
    );
  }
  const all = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
  return all.slice(WARMUP);
}

export default async function keystrokeBench() {
  const server = await startProductionApp();
  const url = server.url;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.getByRole('button', { name: '示例' }).click();
    const app = await typeAndMeasure(page, '[id="cell-t3.new.natural"]');

    const blank = await browser.newPage();
    await blank.setContent('<input id="plain" aria-label="baseline">');
    await blank.evaluate(PROBE);
    const baseline = await typeAndMeasure(blank, '#plain');

    const a = summarise(app);
    const b = summarise(baseline);
    return [
      {
        name: 'keystroke → next paint, table 3 (Chromium, production build)',
        median_ms: a.median,
        p95_ms: a.p95,
        baseline_ms: b.median,
        baseline_p95_ms: b.p95,
        target: 'p95 ≤ 8 ms',
        note: `${app.length} keystrokes; baseline: a page with one plain input`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
