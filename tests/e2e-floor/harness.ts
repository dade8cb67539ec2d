/**
 * The floor browser harness: a real old Chromium (scripts/old-chromium.ts, from the npm registry)
 * driven by puppeteer-core 5.3, a driver of its own age. Playwright cannot drive it: its injected
 * scripts call Element.checkVisibility (Chromium 105+).
 *
 * Each launch uses a profile directory (IndexedDB on disk, kept across a restart) and the built single
 * file from file://, as a clerk opens it from a USB stick. The File System Access pickers are removed
 * (a headless browser cannot answer them), so 保存到文件 and 导出PDF are downloads into a folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser, CDPSession, Page } from 'puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js';
import { type OldChromium, oldChromiumPath } from '../../scripts/old-chromium.ts';
import { CHROMIUM_ARGS } from '../e2e/browser.ts';

export type { Browser, Page };

export interface FloorBrowser {
  browser: Browser;
  version: string;
  close(): Promise<void>;
}

export async function launchOldChromium(
  version: OldChromium,
  userDataDir: string,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<FloorBrowser> {
  const browser = await puppeteer.launch({
    executablePath: oldChromiumPath(version),
    headless: true,
    userDataDir,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1400, height: 900 },
    env: options.env ?? process.env,
  });
  return { browser, version: await browser.version(), close: () => browser.close() };
}

export interface AppPage {
  page: Page;
  cdp: CDPSession;
  /** Uncaught errors and console errors in the page. */
  errors: string[];
  /** Requests to anything but file:, data:, blob:. */
  foreign: string[];
}

/** A tab without the File System Access pickers, downloads going into `downloads`. */
export async function appPage(browser: Browser, downloads: string): Promise<AppPage> {
  const page = await browser.newPage();
  page.setDefaultTimeout(90_000);
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e: Error) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    if (!/^(data|blob|file|about|chrome-extension):/.test(r.url())) foreign.push(r.url());
  });
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const name of ['showSaveFilePicker', 'showOpenFilePicker', 'showDirectoryPicker']) {
      delete w[name];
      delete (Window.prototype as unknown as Record<string, unknown>)[name];
    }
  });
  const cdp = await page.target().createCDPSession();
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  return { page, cdp, errors, foreign };
}

/** Clicks the (first visible) button whose text is exactly `name`, as a clerk would with the mouse. */
export async function clickButton(page: Page, name: string): Promise<void> {
  const handle = await page.waitForFunction(
    (text: string) =>
      Array.from(document.querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === text && b.offsetParent !== null && !b.disabled,
      ),
    {},
    name,
  );
  const button = handle.asElement();
  if (!button) throw new Error(`no button 「${name}」`);
  await button.click();
}

/** Waits until `selector`'s text contains `text` (or matches it) and returns the text. */
export async function waitForText(page: Page, selector: string, text: string | RegExp): Promise<string> {
  const source = typeof text === 'string' ? null : text.source;
  const handle = await page.waitForFunction(
    (sel: string, plain: string | null, pattern: string | null) => {
      const t = (document.querySelector(sel) as HTMLElement | null)?.innerText ?? '';
      return (pattern ? new RegExp(pattern).test(t) : t.includes(plain!)) ? t : false;
    },
    {},
    selector,
    source ? null : (text as string),
    source,
  );
  return (await handle.jsonValue()) as string;
}

export const cellSelector = (id: string) => `[id="cell-${id}"]`;

export const inputValue = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLInputElement | HTMLTextAreaElement).value);

/** A block paste as the grid receives it from Excel/WPS: a paste event carrying text/plain TSV. */
export async function pasteTsv(page: Page, selector: string, tsv: string): Promise<void> {
  await page.click(selector);
  await page.$eval(
    selector,
    (el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text as string);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    tsv,
  );
}

/** The finished download whose name passes `match` (Chromium writes .crdownload until it is done). */
export async function waitForDownload(dir: string, match: (name: string) => boolean): Promise<string> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const done = existsSync(dir)
      ? readdirSync(dir).filter((n) => match(n) && !n.endsWith('.crdownload'))
      : [];
    if (done.length > 0) return done[0]!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no download in ${dir} after 120 s`);
}
