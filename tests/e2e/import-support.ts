/**
 * Helpers for the 导入往年报告 and 汇总 end-to-end tests: a browser context that may use the real
 * clipboard and has plain downloads / file inputs instead of File System Access pickers, pasting
 * through the real clipboard, and reading a cell of the editor.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * A context on the app's origin with clipboard access granted and the File System Access pickers
 * removed, so that saves are downloads and opens are `<input type=file>` (what a test can drive).
 */
export async function appContext(browser: Browser, appUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl).origin });
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showSaveFilePicker;
    delete w.showOpenFilePicker;
    delete w.showDirectoryPicker;
  });
  return context;
}

/** Puts plain text on the system clipboard, as a clerk's 复制 in another program would. */
export async function copyText(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

/** Puts a web page's selection on the clipboard: text/html with its tables, and text/plain. */
export async function copyHtml(page: Page, html: string, plain: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate(
    ([h, t]) =>
      navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([h], { type: 'text/html' }),
          'text/plain': new Blob([t], { type: 'text/plain' }),
        }),
      ]),
    [html, plain] as const,
  );
}

/** Focuses the import box and pastes with the keyboard (a real paste event from the clipboard). */
export async function pasteIntoImportBox(page: Page): Promise<void> {
  const box = page.getByLabel('粘贴年报全文');
  await box.click();
  await box.press('Control+V');
}

/** The value shown in the editor's input for a cell id (e.g. t3.new.natural). */
export const cellValue = (page: Page, id: string): Promise<string> =>
  page.locator(`[id="cell-${id}"]`).inputValue();

/** The id in the URL of the open draft (#/draft/<id>), or null. */
export function draftIdOf(page: Page): string | null {
  const m = /#\/draft\/(.+)$/.exec(new URL(page.url()).hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage });
}
