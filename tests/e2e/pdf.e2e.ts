/**
 * Issue 5 end to end, in Debian's Chromium against the mounted app: 打开示例 → 导出PDF → the
 * download checked with the Node tests' tools (qpdf, pdffonts, pdftotext, pdftoppm under an empty
 * fontconfig, pdf.js) and compared with the same report exported in Node; the draft watermark and
 * findings while a 错误 remains; the 审签单 before and after; missing glyphs; 打印 (the viewer tab);
 * the dialog's progress; and the print CSS of the on-screen report.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/pdf/export.ts';
import { paragraphsOf } from '../../src/pdf/text/paragraphs.ts';
import { CELLS } from '../../src/report/cells.ts';
import type { Report } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { reportTitle, SECTIONS } from '../../src/report/template.ts';
import { pdfFingerprint } from '../../src/ui/export/usePdfExport.ts';
import { bodyText, cellMismatches, pdfjsItems } from '../pdf/extract.ts';
import { bundledFonts, squeeze } from '../pdf/fixtures.ts';
import { pdftotext, pdftotextWords, qpdfCheck, readBytes } from '../pdf/poppler.ts';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import {
  type ApprovalChoice,
  closeExportPanel,
  creationDate,
  exportStatusSeen,
  fontColumns,
  footerSettings,
  freshExportPanel,
  ink,
  keepDownload,
  nodeExport,
  OUT,
  openExportPanel,
  openSample,
  pixelDifference,
  recordExportStatus,
  renderKept,
  SLOW,
  storedDraft,
  toMinute,
  typeCell,
  writeKept,
} from './pdf-support.ts';

const NAME = '自治区科技厅-2021年度政府信息公开工作年度报告';
const WATERMARK = '草稿 · 审核未通过';
const REFERENCE_PAGE1 = new URL('../pdf/reference/sample-1.png', import.meta.url).pathname;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: { url: string; close(): Promise<void> };
let draftId: string;
let foreign: string[];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.addInitScript(recordExportStatus);
  // Generous: the first export loads pdf-lib and the fonts into a fresh worker, slow on a busy machine.
  context.setDefaultTimeout(90_000);
  page = await context.newPage();
  foreign = watchRequests(page, app.url);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  draftId = await openSample(page, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/**
 * 导出PDF with the 审签单 choice → 生成并下载 → the download kept as test-results/pdf-<tag>.pdf. The
 * panel stays open (重新生成 for the next export), as a clerk would use it: its worker stays warm.
 */
async function download(tag: string, approval: ApprovalChoice = '不加') {
  const dialog = await freshExportPanel(page);
  await dialog.getByRole('radio', { name: approval }).check();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '生成并下载' }).click(),
  ]);
  const kept = await keepDownload(file, tag);
  await expect.poll(() => dialog.getByRole('status').innerText(), SLOW).toContain('已开始下载');
  const statuses = await exportStatusSeen(page);
  return { ...kept, statuses, pages: pdftotext(kept.file).split('\f').slice(0, -1) };
}

const badge = () => page.locator('.draft-toolbar .badge').innerText();

describe('PDF export in real Chromium', () => {
  let clean: Awaited<ReturnType<typeof download>>;
  let report: Report;

  it('打开示例 → 导出PDF → 生成并下载: a sound PDF named after the report, with progress shown', async () => {
    expect(await badge()).toMatch(/错误 0/);
    const dialog = await openExportPanel(page, 'download');
    await expect(dialog).toBeDefined();
    expect(await dialog.innerText()).toContain('审核通过，导出的是正式版本（无水印）');
    clean = await download('sample');
    expect(clean.name).toBe(`${NAME}.pdf`);

    // The dialog said what it was doing while the worker ran: the glyph check, then the export stages.
    console.info('export status texts seen:', JSON.stringify(clean.statuses));
    expect(clean.statuses.some((s) => s.startsWith('正在检查字形'))).toBe(true);
    expect(clean.statuses.some((s) => /排版|嵌入字体|绘制第 \d+ 页|生成文件|正在准备导出/.test(s))).toBe(
      true,
    );
    expect(clean.statuses.at(-1)).toMatch(
      new RegExp(`^已生成「${NAME}\\.pdf」（.+，文件指纹 [0-9a-f]{16}）。已开始下载。$`),
    );

    const check = qpdfCheck(clean.file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);

    const fonts = fontColumns(execFileSync('pdffonts', [clean.file], { encoding: 'utf8' }));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-\d+$/, '')).sort()).toEqual([
      'NotoSansCJKsc-Regular',
      'NotoSerifCJKsc-Regular',
    ]);
    for (const font of fonts) expect(font).toMatchObject({ emb: 'yes', uni: 'yes' });
    console.info('pdffonts (browser):', JSON.stringify(fonts));
  });

  it('gives back the report text, every table label and number in its cell, and the draft’s fingerprint', async () => {
    const stored = await storedDraft(page, draftId);
    report = stored.report;
    const text = squeeze(bodyText(clean.pages.join('\f')).join(''));
    expect(text).toContain(squeeze(reportTitle(report.agency, report.year)));
    for (const section of SECTIONS) expect(text).toContain(section.heading);
    const paragraphs = [report.preamble, ...Object.values(report.sections)]
      .flatMap(paragraphsOf)
      .map((p) => squeeze(p.runs.map((r) => r.text).join('')));
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);

    // The footer carries the stored draft's own hash, and the time it was saved.
    const footer = footerSettings(clean.pages[0]!);
    expect(footer.fingerprint).toBe(await pdfFingerprint(report));
    expect(footer.savedAt).toEqual(toMinute(stored.savedAt));
    clean.pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页，共 ${clean.pages.length} 页`);
    });

    // Every table label and number, read back from inside its cell's rectangle.
    const { pages } = prepareDocument(report, { fonts: bundledFonts(), ...footer });
    expect(pages).toHaveLength(clean.pages.length);
    const cells = pages.flatMap((p) => p.tables.flatMap((t) => t.cells));
    expect(cells.filter((c) => c.role === 'value')).toHaveLength(CELLS.length);
    const words = pdftotextWords(clean.file).map((w) => ({
      page: w.page,
      text: w.text,
      x: (w.x + w.x2) / 2,
      y: (w.y + w.y2) / 2,
    }));
    expect(cellMismatches(pages, words)).toEqual([]);
  });

  it('is the very file Node makes of the same report; its pages render under an empty fontconfig like the references', async () => {
    // Same report (read back from the browser's storage), fingerprint, save time and creation date.
    const settings = { ...footerSettings(clean.pages[0]!), createdAt: creationDate(clean.file) };
    const node = writeKept(await nodeExport(report, settings), 'sample-node');
    expect(pdftotext(node).split('\f').slice(0, -1)).toEqual(clean.pages);
    const browserBytes = readBytes(clean.file);
    expect(browserBytes.length).toBeLessThan(250 * 1024);
    expect(Buffer.from(browserBytes).equals(Buffer.from(readBytes(node)))).toBe(true);
    console.info(
      `sample PDF: ${clean.pages.length} pages, ${browserBytes.length} B, byte-identical to Node's`,
    );

    // Page 1 against the Node tests' reference image (only the footer's fingerprint and time differ).
    const page1 = renderKept(clean.file, 1, 50, 'sample-page1');
    expect(ink(page1)).toBeGreaterThan(0.01);
    const differs = pixelDifference(page1, REFERENCE_PAGE1);
    console.info(
      `page 1 vs tests/pdf/reference/sample-1.png: ${(differs * 100).toFixed(3)} % of pixels differ`,
    );
    expect(differs).toBeLessThan(0.005);
    // Table 3's page too: the widest table, 10.5 pt.
    const t3 = clean.pages.findIndex((p) => p.includes('三、收到和处理政府信息公开申请情况')) + 1;
    expect(ink(renderKept(clean.file, t3, 60, 'sample-table3'))).toBeGreaterThan(0.01);
  });

  it('puts the 审签单 first (加在报告前) or last (加在报告后)', async () => {
    const before = await download('approval-before', '加在报告前');
    const after = await download('approval-after', '加在报告后');
    expect(before.pages).toHaveLength(clean.pages.length + 1);
    expect(after.pages).toHaveLength(clean.pages.length + 1);
    const isSheet = (text: string) =>
      ['审签单', '起草人', '审核人', '签发人', '日期'].every((label) => squeeze(text).includes(label));
    expect(isSheet(before.pages[0]!)).toBe(true);
    expect(isSheet(before.pages[1]!)).toBe(false);
    expect(isSheet(after.pages.at(-1)!)).toBe(true);
    expect(isSheet(after.pages[0]!)).toBe(false);
    // The sheet names the report; the report itself (title, preamble, 一、…) starts on page 2.
    const preambleStart = squeeze(report.preamble).slice(0, 20);
    expect(squeeze(before.pages[0]!)).not.toContain(preambleStart);
    expect(squeeze(before.pages[1]!)).toContain(preambleStart);
    expect(squeeze(after.pages[0]!)).toContain(preambleStart);
    expect(after.pages.at(-2)).toContain('六、其他需要报告的事项');
    renderKept(before.file, 1, 60, 'approval-sheet');
  });

  it('打印 → 生成并打开 opens the PDF in a new tab (blob: URL) with the same document', async () => {
    const dialog = await openExportPanel(page, 'print');
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      dialog.getByRole('button', { name: '生成并打开' }).click(),
    ]);
    await expect.poll(() => popup.url(), SLOW).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    const url = popup.url();
    // The blob belongs to the app's origin: read the bytes back from the opener.
    const bytes = await page.evaluate(async (u) => {
      const response = await fetch(u);
      return {
        type: response.headers.get('content-type'),
        bytes: Array.from(new Uint8Array(await response.arrayBuffer())),
      };
    }, url);
    expect(bytes.type).toBe('application/pdf');
    const file = writeKept(new Uint8Array(bytes.bytes), 'print');
    expect(qpdfCheck(file).ok).toBe(true);
    expect(pdftotext(file).split('\f').slice(0, -1).length).toBe(clean.pages.length);
    expect(await dialog.getByRole('status').innerText()).toContain('已在新标签页中打开');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await popup.waitForLoadState('load').catch(() => undefined);
    await popup.screenshot({ path: `${OUT}/pdf-print-tab.png` });
    await popup.close();
    await closeExportPanel(page);
  });

  it('the on-screen report prints (Ctrl+P, print CSS) without toolbar, nav or 审核 panel', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = writeKept(pdf, 'print-css');
    const text = pdftotext(file);
    const squeezed = squeeze(text);
    for (const chrome of [
      '草稿列表',
      '导入往年报告',
      '打开文件',
      '撤销',
      '导出PDF',
      '历史版本',
      '审核结果',
      '已保存',
    ]) {
      expect(squeezed, chrome).not.toContain(chrome);
    }
    expect(squeezed).toContain(squeeze(reportTitle(report.agency, report.year)));
    for (const section of SECTIONS) expect(squeezed).toContain(section.heading);
    for (const label of ['本年新收政府信息公开申请数量', '行政复议', '主动公开政府信息情况']) {
      expect(squeezed).toContain(label);
    }
    // The text sections print whole, not cut at the text box's height.
    for (const key of ['overview', 'problems'] as const) {
      const last = paragraphsOf(report.sections[key]).at(-1)!;
      expect(squeezed).toContain(squeeze(last.runs.map((r) => r.text).join('')).slice(-20));
    }
    const pages = text.split('\f').slice(0, -1).map(squeeze);
    console.info(`print CSS: ${pages.length} pages, ${pdf.length} B`);
    // The text flows: 一、总体情况 starts on page 1 under the preamble (a text box would move whole to
    // page 2, leaving page 1 half blank, and be sliced through a line at each page edge).
    expect(pages[0]).toContain(squeeze(report.sections.overview).slice(0, 30));
    // Table 3 continued on the next page repeats its header rows.
    const t3 = pages.findIndex((p) => p.includes('三、收到和处理政府信息公开申请情况'));
    const t4 = pages.findIndex((p) => p.includes('四、政府信息公开行政复议、行政诉讼情况'));
    expect(t4).toBeGreaterThan(t3);
    for (let i = t3; i < t4; i++) expect(pages[i], `page ${i + 1}`).toContain('申请人情况');
    expect(ink(renderKept(file, 1, 50, 'print-css-page1'))).toBeGreaterThan(0.005);
    renderKept(file, 2, 50, 'print-css-page2');
  });

  it('while a 错误 remains: the dialog warns, every page carries the watermark, page 1 lists the findings', async () => {
    await typeCell(page, 't3.granted.natural', '5');
    await expect.poll(badge, SLOW).toMatch(/错误 [1-9]/);
    const dialog = await openExportPanel(page, 'download');
    const warning = await dialog.getByRole('alert').innerText();
    expect(warning).toContain('每一页都会带「草稿 · 审核未通过」水印');
    expect(warning).toContain('首页列出未解决的问题');
    await dialog.screenshot({ path: `${OUT}/pdf-dialog-draft.png` });
    const draft = await download('draft');
    expect(draft.name).toBe(`${NAME}-草稿.pdf`);

    await expect.poll(() => page.locator('.save-status').innerText(), SLOW).toMatch(/^已保存/);
    const { report: broken, savedAt } = await storedDraft(page, draftId);
    // Edited just before: the export saved the edit first and prints that save's fingerprint and time.
    expect(footerSettings(draft.pages[0]!)).toEqual({
      fingerprint: await pdfFingerprint(broken),
      savedAt: toMinute(savedAt),
    });
    const errors = evaluate(broken).filter((f) => f.severity === '错误');
    expect(errors.map((e) => e.ruleId)).toContain('T3-A');
    // pdf.js keeps the diagonal watermark a text item of its own (pdftotext mixes it into the lines).
    const { items } = await pdfjsItems(readBytes(draft.file));
    const first = squeeze(
      items
        .filter((i) => i.page === 1 && i.text !== WATERMARK)
        .map((i) => i.text)
        .join(''),
    );
    expect(first).toContain('审核未通过（草稿）');
    for (const error of errors) expect(first).toContain(squeeze(error.message));
    expect(draft.pages.length).toBeGreaterThan(clean.pages.length - 1);
    for (let n = 1; n <= draft.pages.length; n++) {
      const texts = items.filter((i) => i.page === n).map((i) => i.text);
      expect(texts, `page ${n}`).toContain(WATERMARK);
    }
    renderKept(draft.file, 1, 60, 'draft-page1');

    // Fixed: the export is the clean version again (the export sheet closed to reach the table).
    await closeExportPanel(page);
    await typeCell(page, 't3.granted.natural', '0');
    await expect.poll(badge, SLOW).toMatch(/错误 0/);
    const fixed = await download('fixed');
    expect(fixed.name).toBe(`${NAME}.pdf`);
    expect(fixed.pages.join('')).not.toContain('草稿');
    expect(fixed.pages.length).toBe(clean.pages.length);
  });

  it('a character no font has: listed with where it occurs, 返回修改 or 用编码标出并继续 → 〔U+20000〕', async () => {
    const problems = page.getByRole('textbox', { name: '五、存在的主要问题及改进情况' });
    await problems.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('另有生僻字𠀀。');
    await expect.poll(() => problems.inputValue(), SLOW).toContain('𠀀');

    let dialog = await freshExportPanel(page);
    await dialog.getByRole('button', { name: '生成并下载' }).click();
    const missing = dialog.locator('.export-missing');
    await expect
      .poll(() => missing.innerText(), SLOW)
      .toContain('「𠀀」（U+20000）出现在：五、存在的主要问题及改进情况');
    await dialog.screenshot({ path: `${OUT}/pdf-dialog-missing-glyphs.png` });
    await dialog.getByRole('button', { name: '返回修改' }).click();
    await page.locator('.export-dialog').waitFor({ state: 'detached' });

    dialog = await openExportPanel(page, 'download');
    await dialog.getByRole('button', { name: '生成并下载' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '用编码标出并继续' }).click(),
    ]);
    const kept = await keepDownload(file, 'missing-glyph');
    expect(qpdfCheck(kept.file).ok).toBe(true);
    const text = squeeze(pdftotext(kept.file));
    expect(text).toContain('另有生僻字〔U+20000〕。');
    expect(text).not.toContain('𠀀');
    await closeExportPanel(page);
  });

  it('left no page error and sent no request beyond the app', () => {
    expect(pageErrors).toEqual([]);
    // Chromium's own PDF viewer (the 打印 tab) loads its chrome:// resources; nothing else may load.
    expect(foreign.filter((url) => !url.startsWith('chrome://'))).toEqual([]);
  });
});
