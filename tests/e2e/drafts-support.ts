/**
 * Helpers for the drafts end-to-end test: a Chromium we start ourselves (so we own its process and
 * can SIGKILL it like a crash, with no beforeunload and no clean shutdown), and small page actions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';

export interface OwnedChromium {
  browser: Browser;
  /** The profile's default context (persistent: it is the user-data-dir). */
  context: BrowserContext;
  pid: number;
  /** SIGKILL to the browser's whole process group: no unload, no flush, like a crash. */
  kill(): Promise<void>;
  /** A normal close (the browser saves and quits). */
  close(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Starts Debian's Chromium on `userDataDir` with a DevTools port and connects to it over CDP. */
export async function startOwnedChromium(userDataDir: string): Promise<OwnedChromium> {
  const child = spawn(
    chromiumPath(),
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--window-size=1400,900',
      'about:blank',
    ],
    // Its own process group, so the kill reaches the renderers too, at the same instant.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start');
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools URL from Chromium:\n${seen}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}):\n${seen}`));
    });
  });
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(wsUrl);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default context over CDP');
  context.setDefaultTimeout(60_000);
  return {
    browser,
    context,
    pid,
    async kill() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await waitForExit(child);
      await browser.close().catch(() => {});
    },
    async close() {
      await browser.close().catch(() => {});
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await waitForExit(child);
    },
  };
}

/** The draft id from the page's hash route (#/draft/<id>). */
export async function draftIdOf(page: Page): Promise<string> {
  await page.waitForURL(/#\/draft\//);
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#\/draft\//, ''));
}

export const cell = (page: Page, id: string) => page.locator(`[id="cell-${id}"]`);

/** Clicks a cell and types its value over what it held, with the keyboard, as a clerk would. */
export async function typeCell(page: Page, id: string, text: string): Promise<void> {
  await cell(page, id).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

export const saveStatus = (page: Page) => page.locator('.save-status').innerText();

/** Waits for the editor of an opened draft (its cells are rendered). */
export async function waitForEditor(page: Page): Promise<void> {
  await cell(page, 't3.new.natural').waitFor();
}

/** Pastes TSV into a cell with a synthetic paste event (the grid reads clipboardData). */
export async function pasteInto(page: Page, id: string, tsv: string): Promise<void> {
  await cell(page, id).click();
  await cell(page, id).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
}

/**
 * Types `text` into the focused field at a steady pace, timed inside the page (the DevTools round
 * trip of keyboard.type is slow and uneven on a busy machine). Each character goes through the
 * browser's editing (insertText: beforeinput and input events, like a key or an IME). Resolves
 * when the last character is in, with the time (Date.now) each one went in.
 */
export async function typeSteadily(page: Page, text: string, everyMs: number): Promise<number[]> {
  await page.evaluate(
    ({ text, everyMs }) => {
      const w = window as unknown as { typedAt: number[] };
      w.typedAt = [];
      const chars = [...text];
      const timer = setInterval(() => {
        document.execCommand('insertText', false, chars[w.typedAt.length]);
        w.typedAt.push(Date.now());
        if (w.typedAt.length === chars.length) clearInterval(timer);
      }, everyMs);
    },
    { text, everyMs },
  );
  const count = [...text].length;
  await page.waitForFunction((n) => (window as unknown as { typedAt: number[] }).typedAt.length >= n, count, {
    polling: 20,
  });
  return page.evaluate(() => (window as unknown as { typedAt: number[] }).typedAt);
}
