/**
 * 导入往年报告 from the files clerks really have (issue 16), in real Chromium: the office's .docx and
 * the published PDF dropped on the import screen, reviewed beside their source, confirmed into a
 * draft with every published number; and the single HTML file from file:// reading a PDF with its
 * embedded reader, with no request leaving the page and nothing refused by its CSP.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import { ensureBuilt, launchProfile, singleFileUrl, watch } from './build-support.ts';
import { appContext, copyText, draftIdOf, pasteIntoImportBox, screenshot } from './import-support.ts';

const CORPUS = 'tests/import/corpus';
const expectedOf = (report: string) =>
  (
    JSON.parse(readFileSync(join(CORPUS, report, 'expected.json'), 'utf8')) as {
      cells: Record<string, number>;
    }
  ).cells;

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Drops a file on the import box as a clerk drags it from the desktop (a real drop event with a DataTransfer). */
async function dropFile(page: Page, path: string, name: string) {
  const base64 = readFileSync(path).toString('base64');
  const type = MIME[name.split('.').pop()!] ?? '';
  const transfer = await page.evaluateHandle(
    ([data, fileName, mime]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], fileName, { type: mime }));
      return dt;
    },
    [base64, name, type] as const,
  );
  await page.locator('.import-input').dispatchEvent('drop', { dataTransfer: transfer });
}

/** The review's value cells, by cell id. */
const reviewCells = (page: Page): Promise<Record<string, string>> =>
  page
    .locator('td.review-value')
    .evaluateAll((tds) =>
      Object.fromEntries(
        tds.map((td) => [td.id.replace(/^import-cell-/, ''), (td.firstChild?.textContent ?? '').trim()]),
      ),
    );

async function expectReviewOf(page: Page, report: string, origin: RegExp) {
  const review = page.locator('.import-review');
  await review.waitFor({ timeout: 60_000 });
  expect(await review.locator('.import-source h3').innerText()).toMatch(origin);
  expect(await review.locator('.import-summary').innerText()).toContain(
    '未找到 0 处 · 不确定 0 处 · 提示 0 处 · 勾稽关系不符 0 项',
  );
  const shown = await reviewCells(page);
  const expected = expectedOf(report);
  for (const [id, value] of Object.entries(expected)) expect([id, shown[id]]).toEqual([id, String(value)]);
}

describe('opening .docx and .pdf files on the import screen (dev server)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: { url: string; close(): Promise<void> };
  let foreign: string[];
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await appContext(browser, app.url);
    page = await context.newPage();
    foreign = watchRequests(page, app.url);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await page.getByRole('button', { name: '新建', exact: true }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  const goImport = async () => {
    const nav = page.getByRole('navigation', { name: '导航' });
    await nav.getByRole('button', { name: '草稿列表' }).click();
    await nav.getByRole('button', { name: '导入往年报告' }).click();
    await page.getByLabel('粘贴年报全文').waitFor();
  };

  it('drops the office’s .docx, reviews it beside its text, and confirms it into a draft', async () => {
    await goImport();
    await dropFile(page, join(CORPUS, 'city-office-2021/report.docx'), '2021年报.docx');
    await expectReviewOf(page, 'city-office-2021', /2021年报\.docx，Word 文件的文字/);
    await screenshot(page, 'import-docx-review');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => draftIdOf(page)).not.toBeNull();
    await page.locator('[id="cell-t3.new.natural"]').waitFor();
    expect(await page.locator('[id="cell-t3.new.natural"]').inputValue()).toBe('1268');
    expect(await page.locator('[id="cell-t4.cases.reviewTotal"]').inputValue()).toBe('55');
    expect(await page.getByLabel('机关名称').inputValue()).toBe('南宁市人民政府办公室');
  });

  it('drops the published PDF (narrow paper, a table broken by pages), reviews and confirms it', async () => {
    await goImport();
    await dropFile(page, join(CORPUS, 'city-police-2022/narrow.pdf'), '柳州市公安局2022年报.pdf');
    await expectReviewOf(
      page,
      'city-police-2022',
      /柳州市公安局2022年报\.pdf，PDF 的文字，表格按页面上的位置重建/,
    );
    // The source beside the tables is the PDF's page text, tables rebuilt row by row.
    expect(await page.locator('.import-source').innerText()).toContain('四、结转下年度继续办理');
    await screenshot(page, 'import-pdf-review');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => draftIdOf(page)).not.toBeNull();
    await page.locator('[id="cell-t2.fees.amount"]').waitFor();
    expect(await page.locator('[id="cell-t2.fees.amount"]').inputValue()).toBe('1036.2075');
    expect(await page.locator('[id="cell-t3.carriedOut.total"]').inputValue()).toBe(
      String(expectedOf('city-police-2022')['t3.carriedOut.total']),
    );
  });

  it('drops a PDF printed from Word (header rows on every page, numbers wrapped in narrow cells): exact', async () => {
    await goImport();
    await dropFile(page, join(CORPUS, 'city-office-2021/word.pdf'), '南宁市政府办2021年报.pdf');
    await expectReviewOf(
      page,
      'city-office-2021',
      /南宁市政府办2021年报\.pdf，PDF 的文字，表格按页面上的位置重建/,
    );
    // 「1268」 was printed as 「126」 over 「8」 in its narrow cell; the header was printed on each page once.
    const source = await page.locator('.import-source').innerText();
    expect(source).toContain('1268');
    expect(source.split('申请人情况').length - 1).toBe(1);
    await screenshot(page, 'import-word-pdf-review');
  });

  it('refuses a paste far larger than any report at once, leaving the box empty (issue 14)', async () => {
    await goImport();
    await copyText(page, '\t行政许可\n\t11\n\n'.repeat(200_000));
    await pasteIntoImportBox(page);
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^内容过长（约 \d+ 万字）/);
    expect(await page.getByLabel('粘贴年报全文').inputValue()).toBe('');
  });

  it('says in Chinese why a broken PDF cannot be read, and stays on the import box', async () => {
    await goImport();
    await page.getByLabel('选择年报文件（.pdf、.docx、.html 或 .txt）').setInputFiles({
      name: '坏的.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n这不是完整的 PDF'),
    });
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^坏的\.pdf：无法读取这个 PDF 文件/);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the single HTML file from file:// reads a PDF with its embedded reader', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(() => {
    ensureBuilt();
    profile = mkdtempSync(join(tmpdir(), 'nianbao-import-files-'));
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('imports the sample’s PDF exactly, fetching nothing and breaking no CSP rule', async () => {
    context = await launchProfile(profile);
    const page = await context.newPage();
    const watched = watch(page);
    await page.goto(singleFileUrl());
    await page.getByRole('button', { name: '导入往年报告' }).first().click();
    await page.getByLabel('粘贴年报全文').waitFor();
    await dropFile(page, join(CORPUS, 'gx-kjt-2021/a4.pdf'), '2021年报.pdf');
    await expectReviewOf(page, 'gx-kjt-2021', /2021年报\.pdf，PDF 的文字/);
    expect(watched.foreign).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(await watched.violations()).toEqual([]);
  });
});
