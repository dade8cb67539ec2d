/**
 * Keystroke → next paint in the editor, in headless Chromium, on the production build: a cell of
 * 表三, the end of a 3 000-character 一、总体情况, and a block paste of 7 × 25 numbers (all of 表三)
 * → next paint. Each unthrottled and with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate,
 * standing in for an old office PC). Baseline in the same run, at the same throttling: the same
 * measurement on a page holding one plain input.
 * Vsync is switched off (--disable-gpu-vsync --disable-frame-rate-limit) so a frame is produced as soon
 * as there is work, and the figure is the app's own cost, not the wait for the next 16.7 ms tick.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { machineLoad } from './lib/browser-page.ts';
import { startProductionApp } from './lib/production-app.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const KEYS = 120;
const WARMUP = 20;
const PASTES = 30;
const PASTE_WARMUP = 5;

/** Installed before any page script: records keydown.timeStamp → the task after the next frame. */
export const PROBE = `
  window.__latencies = [];
  window.__afterNextFrame = (start) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
    channel.port2.postMessage(0);
  });
  document.addEventListener('keydown', (e) => window.__afterNextFrame(e.timeStamp), true);
`;

type ProbeWindow = { __latencies: number[]; __afterNextFrame(start: number): void };
const recorded = (page: Page, n: number) =>
  page.waitForFunction((count) => (window as unknown as ProbeWindow).__latencies.length >= count, n);

/** Keystrokes into the focused field: a digit then Backspace, so every key changes the report. */
async function typeAndMeasure(page: Page, selector: string, keys = KEYS): Promise<number[]> {
  await page.locator(selector).click();
  if (selector.includes('field-')) await page.keyboard.press('Control+End');
  // Let that key's own measurement land before the count starts.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await page.evaluate(() => {
    (window as unknown as ProbeWindow).__latencies = [];
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 2 ? '7' : '3');
    await recorded(page, 2 * i + 1);
    await page.keyboard.press('Backspace');
    await recorded(page, 2 * i + 2);
  }
  const all = await page.evaluate(() => (window as unknown as ProbeWindow).__latencies);
  return all.slice(2 * WARMUP);
}

/** 7 × 25 numbers pasted onto 表三 from its first cell, alternating two blocks so each paste changes it. */
async function pasteAndMeasure(page: Page): Promise<number[]> {
  const block = (n: number) =>
    `${Array.from({ length: 25 }, (_, r) => Array.from({ length: 7 }, (_, c) => (r + c + n) % 9).join('\t')).join('\n')}\n`;
  await page.locator('[id="cell-t3.new.natural"]').click();
  await page.evaluate(() => {
    (window as unknown as ProbeWindow).__latencies = [];
  });
  for (let i = 0; i < PASTES; i++) {
    await page.locator('[id="cell-t3.new.natural"]').evaluate(
      (el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const start = performance.now();
        el.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
        (window as unknown as ProbeWindow).__afterNextFrame(start);
      },
      block(i % 2),
    );
    await recorded(page, i + 1);
  }
  // The paste was applied, not refused with a notice: the last block's first value is in its cell.
  const first = await page.locator('[id="cell-t3.new.natural"]').inputValue();
  if (first !== String((PASTES - 1) % 2))
    throw new Error(`block paste not applied: 表三 first cell holds ${first}`);
  const all = await page.evaluate(() => (window as unknown as ProbeWindow).__latencies);
  return all.slice(PASTE_WARMUP);
}

/** The 3 000-character 一、总体情况: the sample's text, repeated. */
async function longOverview(page: Page): Promise<void> {
  const box = page.locator('#field-overview');
  const text = await box.inputValue();
  await box.fill(text.repeat(Math.ceil(3000 / text.length)).slice(0, 3000));
}

async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

function row(name: string, app: number[], base: number[], target: string, note: string): BenchRow {
  const a = summarise(app);
  const b = summarise(base);
  return {
    name,
    median_ms: a.median,
    p95_ms: a.p95,
    baseline_ms: b.median,
    baseline_p95_ms: b.p95,
    target,
    note: `${note}; baseline: one plain input, same throttling; ${machineLoad()}`,
  };
}

async function measure(browser: Browser, url: string, rate: number): Promise<BenchRow[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.getByRole('button', { name: '打开示例' }).click();
    await page.locator('[id="cell-t3.new.natural"]').waitFor();
    await longOverview(page);
    await throttle(page, rate);
    const cell = await typeAndMeasure(page, '[id="cell-t3.new.natural"]');
    const text = await typeAndMeasure(page, '#field-overview');
    const paste = await pasteAndMeasure(page);

    const blank = await context.newPage();
    await blank.setContent('<input id="plain" aria-label="baseline">');
    await blank.evaluate(PROBE);
    await throttle(blank, rate);
    const base = await typeAndMeasure(blank, '#plain');

    const at = rate === 1 ? 'unthrottled' : `CPU ${rate}× slower`;
    const [keyTarget, pasteTarget] = rate === 1 ? ['p95 ≤ 8 ms', '—'] : ['p95 ≤ 16 ms', 'p95 ≤ 50 ms'];
    return [
      row(`表三 cell, ${at}`, cell, base, keyTarget, `${cell.length} keystrokes`),
      row(`一、总体情况 (3 000 characters), ${at}`, text, base, keyTarget, `${text.length} keystrokes`),
      row(`block paste 7×25 into 表三, ${at}`, paste, base, pasteTarget, `${paste.length} pastes`),
    ];
  } finally {
    await context.close();
  }
}

export default async function keystrokeBench(): Promise<BenchRow[]> {
  const server = await startProductionApp();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    return [...(await measure(browser, server.url, 1)), ...(await measure(browser, server.url, 4))];
  } finally {
    await browser.close();
    await server.close();
  }
}

runIfMain(import.meta.url, keystrokeBench);
