/**
 * Helpers for the draft-file end-to-end test: fresh browser profiles without the File System Access
 * API (so saving is a download and opening an <input type=file> chooser), reading downloads, choosing
 * and dropping files, and looking straight into the page's IndexedDB to prove it was left alone.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchRequests } from './browser.ts';

export interface Profile {
  context: BrowserContext;
  page: Page;
  /** Requests that left the app's origin. */
  foreign: string[];
  /** Every request the page made, in order (to spot a stray <img src=x>). */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/**
 * A fresh profile (its own IndexedDB and localStorage) with the pickers removed, and a watch on any
 * <img> or <script> element that appears anywhere in the document after the app has loaded.
 */
export async function freshProfile(browser: Browser, url: string): Promise<Profile> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const name of ['showSaveFilePicker', 'showOpenFilePicker', 'showDirectoryPicker']) {
      delete w[name];
      delete (Window.prototype as unknown as Record<string, unknown>)[name];
    }
    const created: string[] = [];
    w.__createdElements = created;
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of Array.from(r.addedNodes)) {
          if (!(node instanceof Element)) continue;
          for (const el of [node, ...Array.from(node.querySelectorAll('img,script,iframe,object,embed'))])
            if (/^(IMG|SCRIPT|IFRAME|OBJECT|EMBED)$/.test(el.tagName))
              created.push(el.outerHTML.slice(0, 200));
        }
    }).observe(document, { childList: true, subtree: true });
  });
  // Generous: on a busy 2-core machine a fresh profile's first load of the dev server's modules is slow.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  const page = await context.newPage();
  // Intercept file choosers from the start: Playwright turns interception on asynchronously when a
  // listener is added, and a chooser opened before that (Ctrl+O on a busy machine) would go to the
  // headless browser's own dialog, which cancels at once.
  page.on('filechooser', () => undefined);
  const foreign = watchRequests(page, url);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
  return { context, page, foreign, requests, errors };
}

/** <img>/<script>/… elements created in the document since the page loaded (module scripts excluded). */
export async function createdElements(page: Page): Promise<string[]> {
  const all = await page.evaluate(
    () => (window as unknown as { __createdElements: string[] }).__createdElements,
  );
  // vite's dev client injects its own <script type="module"> and style tags while booting.
  return all.filter((html) => !/^<script type="module"/.test(html));
}

export interface SavedFile {
  name: string;
  text: string;
  json: DraftFileJson;
}

/** What the test reads of a draft file (the format itself is src/files/format.ts). */
export interface DraftFileJson {
  type: string;
  fileFormatVersion: number;
  savedAt: string;
  appVersion: string;
  sha256: string;
  report: {
    id: string;
    agency: string;
    year: number | null;
    cells: Record<string, number | null>;
    sections: Record<string, string>;
    preamble: string;
    [key: string]: unknown;
  };
}

/** Runs `trigger` (a click or Ctrl+S) and returns the downloaded draft file. */
export async function saveByDownload(page: Page, trigger: () => Promise<void>): Promise<SavedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) as DraftFileJson };
}

export interface FileToOpen {
  name: string;
  content: string | Buffer;
}

const buffer = (content: string | Buffer) =>
  typeof content === 'string' ? Buffer.from(content, 'utf8') : content;

/** Runs `trigger` (打开文件 or Ctrl+O) and answers the file chooser with `file`. */
export async function openByChooser(
  page: Page,
  trigger: () => Promise<void>,
  file: FileToOpen,
): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: buffer(file.content) });
}

/** A DataTransfer holding files, built in the page (as a real drag from the desktop would carry). */
export async function dataTransferWith(page: Page, ...files: { name: string; text: string }[]) {
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, text } of list) dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, files);
}

/** Every object store of the app's database, as JSON: equal snapshots mean storage was not touched. */
export async function storageSnapshot(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('nianbao-tool');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      stores[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return JSON.stringify(stores);
  });
}

/** Drafts stored (not in the trash), by id. */
export async function storedDraftIds(page: Page): Promise<string[]> {
  const stores = JSON.parse(await storageSnapshot(page)) as { drafts?: { id: string; trashedAt: unknown }[] };
  return (stores.drafts ?? [])
    .filter((d) => !d.trashedAt)
    .map((d) => d.id)
    .sort();
}

/** Every value cell's input, by cell id, as shown. */
export async function cellValues(page: Page): Promise<Record<string, string>> {
  return page
    .locator('input[data-cell]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [(e as HTMLInputElement).dataset.cell!, (e as HTMLInputElement).value]),
      ),
    );
}

/** Every text section's textarea, by its accessible name (the section heading). */
export async function textValues(page: Page): Promise<Record<string, string>> {
  return page
    .locator('textarea')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [e.getAttribute('aria-label') ?? e.id, (e as HTMLTextAreaElement).value]),
      ),
    );
}

/** The draft id in the address (#/draft/<id>), once the editor shows it. */
export async function openDraftId(page: Page): Promise<string> {
  await page.waitForURL(/#\/draft\//);
  await page.locator('[id="cell-t3.new.natural"]').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#\/draft\//, ''));
}

/** Replaces what a cell holds by typing, as a clerk would. */
export async function typeInCell(page: Page, cellId: string, value: string): Promise<void> {
  const cell = page.locator(`[id="cell-${cellId}"]`);
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

/** The report stored in IndexedDB for a draft (what autosave last wrote), or null. */
export async function storedReport(page: Page, id: string): Promise<DraftFileJson['report'] | null> {
  const stores = JSON.parse(await storageSnapshot(page)) as {
    bodies?: { id: string; report: DraftFileJson['report'] }[];
  };
  return stores.bodies?.find((b) => b.id === id)?.report ?? null;
}
