/**
 * Helpers for the PDF end-to-end test: drive the 导出PDF / 打印 dialog of the mounted app, keep what
 * the browser produced in test-results/, read the stored draft back, and export the same report in
 * Node to compare. The PDF checks themselves are the Node tests' (tests/pdf/poppler.ts, extract.ts).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { exportReportPdf } from '../../src/pdf/export.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { bundledFonts } from '../pdf/fixtures.ts';
import { decodePng } from '../pdf/png.ts';
import { readBytes, renderPages } from '../pdf/poppler.ts';

export const OUT = 'test-results';
/** For waits on the export worker: its first start loads pdf-lib and the fonts, slow on a busy machine. */
export const SLOW = { timeout: 90_000 } as const;

export type ApprovalChoice = '不加' | '加在报告前' | '加在报告后';

/**
 * Records every text the export dialog's status line (role=status) shows, however briefly: the
 * progress labels come and go within a second, too fast to be sure of catching them by polling.
 */
export function recordExportStatus(): void {
  const seen: string[] = [];
  (window as unknown as { __exportStatus: string[] }).__exportStatus = seen;
  const read = () => {
    const el = document.querySelector('.export-dialog [role="status"]');
    const text = el?.textContent?.trim() ?? '';
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  };
  new MutationObserver(read).observe(document, { subtree: true, childList: true, characterData: true });
}

export async function exportStatusSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __exportStatus: string[] };
    return w.__exportStatus.splice(0);
  });
}

/** From the start page: 「打开示例」, then wait for the editor on the new draft. Returns the draft id. */
export async function openSample(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: '打开示例' }).click();
  await page.waitForURL(/#\/draft\//);
  await page.locator('.doc-title').waitFor();
  await page.locator('.draft-toolbar .badge').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/draft/', ''));
}

/** The draft as stored in IndexedDB: its report (what the fingerprint is of) and when it was saved. */
export async function storedDraft(page: Page, draftId: string): Promise<{ report: Report; savedAt: Date }> {
  const stored = await page.evaluate(
    (id) =>
      new Promise<{ report: unknown; savedAt: number }>((resolve, reject) => {
        const open = indexedDB.open('nianbao-tool');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['drafts', 'bodies']);
          const row = tx.objectStore('drafts').get(id);
          const body = tx.objectStore('bodies').get(id);
          tx.oncomplete = () => {
            resolve({ report: body.result?.report, savedAt: row.result?.savedAt });
            open.result.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    draftId,
  );
  return { report: reportSchema().parse(stored.report), savedAt: new Date(stored.savedAt) };
}

/** A time as the PDF footer prints it: to the minute. */
export const toMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

/** The draft toolbar's 导出PDF or 打印 panel, opened if it is not. */
export async function openExportPanel(page: Page, intent: 'download' | 'print') {
  const button = page
    .locator('.draft-toolbar')
    .getByRole('button', { name: intent === 'print' ? '打印' : '导出', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') {
    // The other panel is a sheet over the page: close it first, as a clerk would.
    if (await page.locator('.export-dialog').count()) await closeExportPanel(page);
    await button.click();
  }
  const dialog = page.getByRole('dialog', {
    name: intent === 'print' ? '打印报告' : '导出 PDF · Word · 网页',
  });
  await dialog.waitFor();
  return dialog;
}

/** The 导出PDF panel ready for a new export: opened, or reset with 重新生成 after the last one. */
export async function freshExportPanel(page: Page) {
  const dialog = await openExportPanel(page, 'download');
  const again = dialog.getByRole('button', { name: '重新生成' });
  if (await again.isVisible()) await again.click();
  return dialog;
}

export async function closeExportPanel(page: Page) {
  await page.locator('.export-dialog').getByRole('button', { name: '关闭' }).last().click();
  await page.locator('.export-dialog').waitFor({ state: 'detached' });
}

/** Keeps a download in test-results/ under the name the browser suggested, prefixed by `tag`. */
export async function keepDownload(download: Download, tag: string): Promise<{ name: string; file: string }> {
  mkdirSync(OUT, { recursive: true });
  const name = download.suggestedFilename();
  const file = `${OUT}/pdf-${tag}.pdf`;
  await download.saveAs(file);
  return { name, file };
}

/** pdffonts' own table, for the report (emb / sub / uni columns as it prints them). */
export function fontColumns(raw: string): { name: string; emb: string; sub: string; uni: string }[] {
  return raw
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2) as [string, string, string];
      return { name: cols[0]!, emb, sub, uni };
    });
}

/** 「文件指纹 x · 保存于 2022-01-20 10:30（北京时间）」 from the footer, as export options. */
export function footerSettings(text: string): { fingerprint: string; savedAt: Date } {
  const m = /文件指纹 (\S+) · 保存于 (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)（北京时间）/.exec(text);
  if (!m) throw new Error(`no fingerprint footer in: ${text.slice(0, 200)}`);
  const [, fingerprint, y, mo, d, h, mi] = m;
  return { fingerprint: fingerprint!, savedAt: new Date(Date.UTC(+y!, +mo! - 1, +d!, +h! - 8, +mi!)) };
}

/** The PDF's creation date (second precision), as pdfinfo reads it. */
export function creationDate(file: string): Date {
  const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  const m = /^CreationDate:\s+(\S+)$/m.exec(info);
  if (!m) throw new Error(`no CreationDate in ${file}`);
  return new Date(m[1]!);
}

/** The same report exported in Node, with the settings the browser used. */
export async function nodeExport(
  report: Report,
  settings: { fingerprint: string; savedAt: Date; createdAt: Date },
  approvalSheet: 'before' | 'after' | null = null,
): Promise<Uint8Array> {
  return exportReportPdf(report, { fonts: bundledFonts(), ...settings, approvalSheet });
}

/** Renders one page under an empty fontconfig and keeps the PNG as test-results/pdf-<tag>.png. */
export function renderKept(file: string, pageNo: number, dpi: number, tag: string): string {
  const rendered = renderPages(file, dpi, pageNo, pageNo);
  expect(rendered.stderr).toBe('');
  expect(rendered.files).toHaveLength(1);
  const kept = `${OUT}/pdf-${tag}.png`;
  copyFileSync(rendered.files[0]!, kept);
  return kept;
}

/** Share of dark pixels: a page whose text failed to render is nearly white. */
export function ink(png: string): number {
  const { pixels } = decodePng(readBytes(png));
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

/** Share of pixels that differ by more than a quarter of the grey range (same size required). */
export function pixelDifference(a: string, b: string): number {
  const x = decodePng(readBytes(a));
  const y = decodePng(readBytes(b));
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let changed = 0;
  for (let i = 0; i < x.pixels.length; i++) if (Math.abs(x.pixels[i]! - y.pixels[i]!) > 64) changed++;
  return changed / x.pixels.length;
}

export function writeKept(bytes: Uint8Array, tag: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/pdf-${tag}.pdf`;
  writeFileSync(file, bytes);
  return file;
}

/** Types into a cell of the grid the way a clerk does: click, type over, Enter. */
export async function typeCell(page: Page, cellId: string, value: string): Promise<void> {
  const cell = page.locator(`[id="cell-${cellId}"]`);
  await cell.click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await expect.poll(() => cell.inputValue(), SLOW).toBe(value);
}
