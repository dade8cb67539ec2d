/**
 * Issue 15 end to end, in Debian's Chromium against the mounted app: 打开示例 → 草稿列表 → 新建下一年度
 * → 导出PDF at once gives a draft whose first page lists what is open (the copied texts are 错误: 需更新;
 * the blank tables 提示); with the texts rewritten it is a 待确认 draft (「草稿 · 提示未确认」); with table 3
 * filled and the remaining 提示 confirmed with a 说明 the PDF is clean and its 审签单 lists the confirmed
 * 提示 with their 说明. The draft list shows each state. Pages are kept as PNG in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfjsItems } from '../pdf/extract.ts';
import { squeeze } from '../pdf/fixtures.ts';
import { pdftotext, readBytes } from '../pdf/poppler.ts';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import {
  freshExportPanel,
  ink,
  keepDownload,
  OUT,
  openSample,
  recordExportStatus,
  renderKept,
  SLOW,
  typeCell,
} from './pdf-support.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: { url: string; close(): Promise<void> };
let foreign: string[];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.addInitScript(recordExportStatus);
  context.setDefaultTimeout(90_000);
  page = await context.newPage();
  foreign = watchRequests(page, app.url);
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const badge = () => page.locator('.draft-toolbar .review-badge').innerText();
const saved = () => expect.poll(() => page.locator('.save-status').innerText(), SLOW).toMatch(/^已保存/);
/** The 审核 panel's entry for a finding whose message contains `text`. */
const finding = (text: string): Locator => page.locator('.findings li', { hasText: text }).first();

/** 导出PDF (with the 审签单 choice) → 生成并下载; the file kept as test-results/pdf-<tag>.pdf. */
async function exportPdf(tag: string, approval: '不加' | '加在报告后' = '不加') {
  const dialog = await freshExportPanel(page);
  const said = await dialog.innerText();
  await dialog.getByRole('radio', { name: approval }).check();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '生成并下载' }).click(),
  ]);
  const kept = await keepDownload(file, tag);
  await expect.poll(() => dialog.getByRole('status').innerText(), SLOW).toContain('已开始下载');
  // The export panel is a sheet over the report: closed, as a clerk does, before editing on.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const { items } = await pdfjsItems(readBytes(kept.file));
  const pages = pdftotext(kept.file).split('\f').slice(0, -1);
  /** A page's text without the diagonal watermark (pdftotext mixes it into the lines). */
  const pageText = (n: number, watermark: string) =>
    squeeze(
      items
        .filter((i) => i.page === n && i.text !== watermark)
        .map((i) => i.text)
        .join(''),
    );
  return { ...kept, said, items, pages, pageText };
}

async function confirm(entry: Locator, note: string) {
  await entry.getByRole('button', { name: /^(确认无误|已核对，沿用)$/ }).click();
  await entry.getByLabel(/说明（必填）/).fill(note);
  await entry.getByRole('button', { name: /^(确认无误|已核对，沿用)$/ }).click();
}

describe('review states in real Chromium (issue 15)', () => {
  let nextName: string;

  it('打开示例 → 草稿列表 → 新建下一年度: the list and the toolbar show each state', async () => {
    await openSample(page, app.url);
    expect(await badge()).toMatch(/^审核通过/);
    await page.getByRole('button', { name: '草稿列表' }).click();
    const sampleRow = page.locator('tr', { hasText: '自治区科技厅 2021年度' });
    expect(await sampleRow.locator('.review-badge').innerText()).toMatch(/^审核通过 · 错误 0 \/ 提示 0/);
    await page.getByRole('button', { name: '新建下一年度：自治区科技厅 2021年度' }).click();
    await page.waitForURL(/#\/draft\//);
    await page.locator('.doc-title').waitFor();
    nextName = '自治区科技厅 2022年度';
    // The copied texts are 错误 (需更新); the three tables, blank where last year's had figures, 提示.
    await expect.poll(badge).toMatch(/^有错误 · 错误 3 \/ 提示 3/);
    expect(await page.locator('.findings').innerText()).not.toMatch(/TEXT-STALE|EMPTY/);
  });

  it('导出PDF at once: a draft, its first page listing the open 错误 and 提示', async () => {
    const pdf = await exportPdf('review-next-year');
    expect(pdf.said).toContain('审核还有 3 个错误、3 条提示未确认');
    expect(pdf.name).toMatch(/-草稿\.pdf$/);
    const first = pdf.pageText(1, '草稿 · 审核未通过');
    expect(first).toContain('审核未通过（草稿）');
    expect(first).toContain(squeeze('一、总体情况 还是从上年报告复制来的文字（需更新）'));
    expect(first).toContain(squeeze('尚未确认的提示（3 条'));
    expect(first).toContain(squeeze('表三（收到和处理政府信息公开申请情况）整张表还没有填写'));
    for (let n = 1; n <= pdf.pages.length; n++)
      expect(pdf.items.filter((i) => i.page === n).map((i) => i.text)).toContain('草稿 · 审核未通过');
    expect(ink(renderKept(pdf.file, 1, 80, 'review-next-year-page1'))).toBeGreaterThan(0.005);
  });

  it('the texts rewritten: 待确认, a draft marked 「草稿 · 提示未确认」 listing the open 提示 on page 1', async () => {
    await page
      .getByRole('textbox', { name: '一、总体情况' })
      .fill('2022年，我厅共收到政府信息公开申请2件，予以公开1件，无法提供1件，均在法定期限内答复。');
    await page
      .getByRole('textbox', { name: '五、存在的主要问题及改进情况' })
      .fill('2022年我厅政务公开工作存在的主要问题是政策解读形式还不够丰富，下一步将加强图解和视频解读。');
    await page.getByRole('textbox', { name: '六、其他需要报告的事项' }).fill('本年度未收取信息处理费。');
    // The three blank tables, and the three figures the new text quotes that table 3 does not have yet.
    await expect.poll(badge).toMatch(/^待确认 · 错误 0 \/ 提示 6/);
    const pdf = await exportPdf('review-unconfirmed');
    expect(pdf.said).toContain('审核没有错误，但还有 6 条提示未确认');
    const first = pdf.pageText(1, '草稿 · 提示未确认');
    expect(first).toContain('提示未确认（草稿）');
    expect(first).toContain(squeeze('本稿审核没有错误，但有 6 条提示尚未核实确认'));
    expect(first).toContain(squeeze('表四（政府信息公开行政复议、行政诉讼情况）整张表还没有填写'));
    expect(first).toContain(squeeze('一、总体情况 写“我厅共收到政府信息公开申请2件”（2 件），但表三'));
    for (let n = 1; n <= pdf.pages.length; n++) {
      const texts = pdf.items.filter((i) => i.page === n).map((i) => i.text);
      expect(texts, `page ${n}`).toContain('草稿 · 提示未确认');
      expect(texts, `page ${n}`).toContain('草稿 · 提示未确认：尚有 6 条提示未确认，不得作为正式文本');
    }
    renderKept(pdf.file, 1, 80, 'review-unconfirmed-page1');
  });

  it('table 3 filled, 空白格填 0 for tables 2 and 3, the rest confirmed with a 说明: 审核通过', async () => {
    await typeCell(page, 't3.new.natural', '2');
    await typeCell(page, 't3.granted.natural', '1');
    await typeCell(page, 't3.unableNotHeld.natural', '1');
    await finding('表三有').getByRole('button', { name: '空白格填 0' }).click();
    await expect.poll(() => page.locator('[id="cell-t3.refusedSecret.business"]').inputValue()).toBe('0');
    await finding('表二（主动公开政府信息情况）整张表还没有填写')
      .getByRole('button', { name: '空白格填 0' })
      .click();
    // 现行有效件数 0 after 81 last year, nothing repealed: a 提示 (T2-A) the clerk confirms.
    const validCount = finding('行政规范性文件·现行有效件数 为 0');
    await validCount.waitFor();
    await confirm(validCount, '本年开展规范性文件集中清理，原有文件均已宣布失效，现行有效件数为0');
    await confirm(
      finding('表四（政府信息公开行政复议、行政诉讼情况）整张表还没有填写'),
      '本年未发生因政府信息公开引起的行政复议、行政诉讼',
    );
    await expect.poll(badge).toBe('审核通过 · 错误 0 / 提示 0（已确认 2）');
    expect(await page.locator('.confirmed-findings summary').innerText()).toContain('已确认的提示（2 条');
  });

  it('the PDF is clean, and its 审签单 lists the confirmed 提示 with their 说明', async () => {
    await saved();
    const pdf = await exportPdf('review-passed', '加在报告后');
    expect(pdf.said).toContain('审核通过，导出的是正式版本（无水印）；已确认的 2 条提示及其说明列在审签单上');
    expect(pdf.name).not.toContain('草稿');
    expect(pdf.pages.join('')).not.toContain('草稿');
    const sheetNo = pdf.pages.findIndex((p) => squeeze(p).includes('签发人')) + 1;
    expect(sheetNo).toBe(pdf.pages.length);
    const sheet = pdf.pageText(sheetNo, '');
    expect(sheet).toContain(squeeze('审核结果审核通过'));
    expect(sheet).toContain(squeeze('已确认提示'));
    expect(sheet).toContain(squeeze('行政规范性文件·现行有效件数 为 0'));
    expect(sheet).toContain(
      squeeze('说明：本年开展规范性文件集中清理，原有文件均已宣布失效，现行有效件数为0'),
    );
    expect(sheet).toContain(squeeze('说明：本年未发生因政府信息公开引起的行政复议、行政诉讼'));
    renderKept(pdf.file, sheetNo, 80, 'review-passed-sheet');
    renderKept(pdf.file, 1, 80, 'review-passed-page1');
  });

  it('the draft list shows the next-year draft 审核通过 with its confirmations', async () => {
    await page.getByRole('button', { name: '草稿列表' }).click();
    const row = page.locator('tr', { hasText: nextName });
    await expect
      .poll(() => row.locator('.review-badge').innerText())
      .toBe('审核通过 · 错误 0 / 提示 0（已确认 2）');
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
