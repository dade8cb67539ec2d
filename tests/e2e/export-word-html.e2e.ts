/**
 * Issue 19 end to end in Debian's Chromium: 打开示例 → 导出 → Word downloads a .docx that mammoth
 * reads without a warning and the importer reads back whole; 网页 downloads the page and the fragment,
 * and 复制网页内容 puts the fragment on the clipboard as text/html (and text/plain); DOMPurify in the
 * real browser removes nothing from it. Then the single HTML file from file:// with the network off:
 * its embedded Word worker exports under the page's CSP.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/import-report.ts';
import { actualBack, docxToHtml, expectedBack, sample } from '../export/fixtures.ts';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import { ensureBuilt, launchProfile, singleFileUrl, watch } from './build-support.ts';
import { openSample } from './pdf-support.ts';

const NAME = '自治区科技厅-2021年度政府信息公开工作年度报告';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: { url: string; close(): Promise<void> };
let foreign: string[];
const pageErrors: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  // Generous: the first export loads the docx library into a fresh worker, slow on a busy machine.
  context.setDefaultTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  page = await context.newPage();
  foreign = watchRequests(page, app.url);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openSample(page, app.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function exportDialog(p: Page) {
  const toolbar = p.locator('.draft-toolbar').getByRole('button', { name: '导出', exact: true });
  if ((await toolbar.getAttribute('aria-pressed')) !== 'true') await toolbar.click();
  const dialog = p.getByRole('dialog', { name: '导出 PDF · Word · 网页' });
  await dialog.waitFor();
  return dialog;
}

async function downloaded(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

describe('导出Word and 导出网页 in the app', () => {
  it('导出Word: a .docx named after the report that reads back whole', async () => {
    const dialog = await exportDialog(page);
    await dialog.getByLabel('Word（.docx，公文流转）').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '生成并下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${NAME}.docx`);
    const bytes = await downloaded(download);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const { html, messages } = await docxToHtml(new Uint8Array(bytes));
    expect(messages).toEqual([]);
    const back = importReport({ html });
    expect(back.ok && actualBack(back.report)).toEqual(expectedBack(sample()));
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/已生成「.*\.docx」/);
  });

  it('导出网页: the page and the fragment download, and read back whole', async () => {
    const dialog = await exportDialog(page);
    await dialog.getByLabel('网页（发布到网站）').check();
    // No 审签单 on a web page: its choice is not shown (real CSS, where a class could override [hidden]).
    await expect
      .poll(() => dialog.getByText('审签单（起草人、审核人、签发人、日期）').isVisible())
      .toBe(false);
    for (const [button, name] of [
      ['下载网页文件', `${NAME}.html`],
      ['下载网页片段', `${NAME}-网页片段.html`],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: button }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const html = (await downloaded(download)).toString('utf8');
      const back = importReport({ html });
      expect(back.ok && actualBack(back.report)).toEqual(expectedBack(sample()));
    }
  });

  it('复制网页内容 puts the fragment on the clipboard as text/html and text/plain', async () => {
    const dialog = await exportDialog(page);
    await dialog.getByLabel('网页（发布到网站）').check();
    await dialog.getByRole('button', { name: '复制网页内容' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('已复制网页内容');
    const clipboard = await page.evaluate(async () => {
      const out: Record<string, string> = {};
      for (const item of await navigator.clipboard.read())
        for (const type of item.types) out[type] = await (await item.getType(type)).text();
      return out;
    });
    expect(clipboard['text/html']).toContain(
      '<h1 style="text-align:center">自治区科技厅2021年政府信息公开工作年度报告</h1>',
    );
    expect(clipboard['text/html']).toContain('rowspan="3"');
    expect(clipboard['text/plain']).toContain('行政规范性文件\t26\t4\t81');
    const back = importReport({ html: clipboard['text/html'] });
    expect(back.ok && actualBack(back.report)).toEqual(expectedBack(sample()));
  });

  it('DOMPurify in the real browser removes nothing from the fragment', async () => {
    const dialog = await exportDialog(page);
    await dialog.getByLabel('网页（发布到网站）').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载网页片段' }).click(),
    ]);
    const fragment = (await downloaded(download)).toString('utf8');
    const blank = await context.newPage();
    try {
      const purify = createRequire(import.meta.url).resolve('dompurify/dist/purify.min.js');
      await blank.addScriptTag({ content: await readFile(purify, 'utf8') });
      const result = await blank.evaluate((html) => {
        const purifier = (
          window as unknown as { DOMPurify: { sanitize(h: string): string; removed: unknown[] } }
        ).DOMPurify;
        const template = document.createElement('template');
        template.innerHTML = html;
        const clean = purifier.sanitize(html);
        return { same: clean === template.innerHTML, removed: purifier.removed.length };
      }, fragment);
      expect(result).toEqual({ same: true, removed: 0 });
    } finally {
      await blank.close();
    }
  });

  it('the dialog with each format has no serious accessibility violation (axe-core)', async () => {
    const dialog = await exportDialog(page);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    for (const label of ['PDF（打印、归档）', 'Word（.docx，公文流转）', '网页（发布到网站）']) {
      await dialog.getByLabel(label).check();
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const result = await axe.run('.export-dialog', { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      });
      expect(violations, label).toEqual([]);
    }
  });

  it('asked nothing of the network and raised no error', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the single HTML file from file://, network off', () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = await mkdtemp(join(tmpdir(), 'nianbao-word-'));
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('导出Word runs the embedded worker under the page’s CSP: a whole .docx', async () => {
    const single = await launchProfile(dir);
    try {
      await single.setOffline(true);
      const p = single.pages()[0] ?? (await single.newPage());
      const watched = watch(p, null);
      await p.goto(singleFileUrl());
      await p.getByRole('button', { name: '打开示例' }).click();
      await p.waitForURL(/#\/draft\//);
      const dialog = await exportDialog(p);
      await dialog.getByLabel('Word（.docx，公文流转）').check();
      const [download] = await Promise.all([
        p.waitForEvent('download', { timeout: 120_000 }),
        dialog.getByRole('button', { name: '生成并下载' }).click(),
      ]);
      const { html, messages } = await docxToHtml(new Uint8Array(await downloaded(download)));
      expect(messages).toEqual([]);
      const back = importReport({ html });
      expect(back.ok && actualBack(back.report)).toEqual(expectedBack(sample()));
      expect(watched.foreign).toEqual([]);
      expect(await watched.violations()).toEqual([]);
      expect(watched.errors).toEqual([]);
    } finally {
      await single.close();
    }
  }, 300_000);
});
