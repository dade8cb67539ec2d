/**
 * The supported floor, for real: the built single file opened from file:// in Chromium 86
 * (chrome-aws-lambda@5.3.1, fetched through npm by scripts/old-chromium.ts), driven by puppeteer-core
 * 5.3. A clerk's day on an old office PC: 新建 and type, a block paste, the 审核 panel, 保存到文件
 * (a download), 打开示例, 导出PDF (a download), Ctrl+P (print CSS), and the drafts still there after
 * the browser is closed and opened again on the same profile.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTitle, SECTIONS } from '../../src/report/template.ts';
import {
  type AppPage,
  appPage,
  cellSelector,
  clickButton,
  type FloorBrowser,
  inputValue,
  launchOldChromium,
  pasteTsv,
  waitForDownload,
  waitForText,
} from '../e2e-floor/harness.ts';
import { squeeze } from '../pdf/fixtures.ts';
import { pdftotext } from '../pdf/poppler.ts';
import { ensureBuilt, singleFileUrl } from './build-support.ts';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../examples/gx-kjt-2021.json', import.meta.url), 'utf8'),
) as {
  agency: string;
  year: number;
  sections: Record<string, string>;
};
const AGENCY = '某县测试局';
const OUT = 'test-results';

let dir: string;
let profile: string;
let downloads: string;
let floor: FloorBrowser;
let app: AppPage;

const badge = () => waitForText(app.page, '.draft-toolbar .badge', /错误 \d+/);
const count = (text: string, part: string) => text.split(part).length - 1;
/** Chromium 86's PDFs map some hanzi to their Kangxi radical look-alikes (⾃ for 自): compare after NFKC. */
const plain = (text: string) => squeeze(text).normalize('NFKC');

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'nianbao-floor-'));
  profile = join(dir, 'profile');
  downloads = join(dir, 'downloads');
  mkdirSync(downloads);
  mkdirSync(OUT, { recursive: true });
  floor = await launchOldChromium(86, profile);
  app = await appPage(floor.browser, downloads);
}, 300_000);

afterAll(async () => {
  await floor?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Chromium 86 (the supported floor), single file from file://', () => {
  it('is Chromium 86 and shows the draft list with no error', async () => {
    expect(floor.version).toMatch(/^HeadlessChrome\/86\./);
    await app.page.goto(singleFileUrl());
    await clickButton(app.page, '新建');
    await app.page.waitForSelector('.doc-title');
    expect(app.errors).toEqual([]);
  });

  it('新建: typing in 表三 updates the total and the 审核 panel; a block paste fills a block', async () => {
    const { page } = app;
    await page.type('#field-agency', AGENCY);
    await page.click('#field-year', { clickCount: 3 });
    await page.keyboard.type('2021');
    await page.click(cellSelector('t3.new.natural'));
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    expect(await badge()).toMatch(/错误 [1-9]/);
    await waitForText(page, '.findings', '自然人列：一、本年新收政府信息公开申请数量（2）');
    expect(await inputValue(page, cellSelector('t3.new.total'))).toBe('2');

    // 2 rows × 3 columns from a spreadsheet, into 予以公开 / 部分公开 · 自然人…: the table balances.
    await pasteTsv(page, cellSelector('t3.granted.natural'), '1\t0\t0\n1\t0\t0\n');
    await page.waitForFunction(
      (sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '1',
      {},
      cellSelector('t3.partial.natural'),
    );
    expect(await inputValue(page, cellSelector('t3.granted.natural'))).toBe('1');
    await page.waitForFunction(
      () => !/自然人列/.test(document.querySelector('.findings')?.textContent ?? ''),
    );
    expect(app.errors).toEqual([]);
  });

  it('保存到文件 without File System Access: a download holding the typed numbers', async () => {
    await clickButton(app.page, '保存到文件');
    const name = await waitForDownload(downloads, (n) => n.endsWith('.nianbao.json'));
    expect(name).toContain(AGENCY);
    const file = JSON.parse(readFileSync(join(downloads, name), 'utf8')) as {
      report: { agency: string; cells: Record<string, number | null> };
    };
    expect(file.report.agency).toBe(AGENCY);
    expect(file.report.cells['t3.new.natural']).toBe(2);
    expect(file.report.cells['t3.partial.natural']).toBe(1);
  });

  it('打开示例 from the list: the sample with 错误 0', async () => {
    await app.page.goto(singleFileUrl());
    await clickButton(app.page, '打开示例');
    await waitForText(app.page, '.doc-title', SAMPLE.agency);
    expect(await badge()).toMatch(/错误 0/);
    expect(app.errors).toEqual([]);
  });

  it('导出PDF → 生成并下载: a PDF with the report in it', async () => {
    await clickButton(app.page, '导出');
    await clickButton(app.page, '生成并下载');
    const name = await waitForDownload(downloads, (n) => n.endsWith('.pdf'));
    const text = squeeze(pdftotext(join(downloads, name)));
    expect(text).toContain(squeeze(reportTitle(SAMPLE.agency, SAMPLE.year)));
    for (const section of SECTIONS) expect(text).toContain(section.heading);
    expect(text).toContain(squeeze(SAMPLE.sections.overview!).slice(0, 40));
    await clickButton(app.page, '关闭');
  });

  it('Ctrl+P (print CSS): the report alone; each text section printed once, as flowing text', async () => {
    const { page } = app;
    // The print CSS hides every text box: it relies on each one being followed by its print copy.
    expect(
      await page.$$eval('.doc-text', (els) =>
        els.every((el) => el.nextElementSibling?.matches('.doc-print-text')),
      ),
    ).toBe(true);
    await page.emulateMediaType('print');
    const shown = await page.evaluate(() => {
      // Rendered at all: an element inside a display:none one keeps its own display value.
      const rendered = (selector: string) => {
        const el = document.querySelector(selector);
        return el ? el.getClientRects().length > 0 : null;
      };
      const style = (selector: string) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el) : null;
      };
      return {
        topbar: rendered('.topbar'),
        side: rendered('.side'),
        toolbar: rendered('.draft-toolbar'),
        textBox: rendered('.doc-text'),
        printCopy: rendered('.doc-print-text'),
        headingBreak: style('.doc-heading')?.breakAfter,
        tableToolsBreak: style('.table-tools')?.breakAfter,
      };
    });
    expect(shown).toEqual({
      topbar: false,
      side: false,
      toolbar: false,
      textBox: false,
      printCopy: true,
      headingBreak: 'avoid',
      tableToolsBreak: 'avoid',
    });
    const pdf = await page.pdf({ format: 'a4', printBackground: true });
    await page.emulateMediaType('screen');
    const file = join(OUT, 'floor-86-print-css.pdf');
    writeFileSync(file, pdf);
    const text = plain(pdftotext(file));
    for (const chrome of ['草稿列表', '导出PDF', '历史版本', '审核结果'])
      expect(text, chrome).not.toContain(chrome);
    expect(text).toContain(plain(reportTitle(SAMPLE.agency, SAMPLE.year)));
    for (const key of ['overview', 'problems']) {
      const body = plain(SAMPLE.sections[key]!);
      expect(count(text, body.slice(0, 30)), `${key}: start printed once`).toBe(1);
      expect(count(text, body.slice(-20)), `${key}: end printed once`).toBe(1);
    }
  });

  it('after the browser is closed and started again on the same profile, both drafts are there', async () => {
    await floor.close();
    floor = await launchOldChromium(86, profile);
    app = await appPage(floor.browser, downloads);
    await app.page.goto(singleFileUrl());
    const list = await waitForText(app.page, '.draft-table, table', AGENCY);
    expect(list).toContain(SAMPLE.agency);
    const open = await app.page.waitForFunction(
      (agency: string) =>
        Array.from(document.querySelectorAll('tr[data-draft-id]'))
          .find((tr) => tr.textContent?.includes(agency))
          ?.querySelector('button.primary'),
      {},
      AGENCY,
    );
    await open.asElement()!.click();
    await app.page.waitForSelector(cellSelector('t3.new.natural'));
    expect(await inputValue(app.page, cellSelector('t3.new.natural'))).toBe('2');
    expect(await inputValue(app.page, cellSelector('t3.partial.natural'))).toBe('1');
    expect(app.errors).toEqual([]);
  });

  it('打开文件: the saved file opens again (read, checked and migrated in the page; Object.hasOwn polyfilled)', async () => {
    const { page } = app;
    await page.goto(singleFileUrl());
    const saved = await waitForDownload(downloads, (n) => n.endsWith('.nianbao.json'));
    const [chooser] = await Promise.all([page.waitForFileChooser(), clickButton(page, '打开文件')]);
    await chooser.accept([join(downloads, saved)]);
    await waitForText(page, '.doc-title', AGENCY);
    expect(await inputValue(page, cellSelector('t3.new.natural'))).toBe('2');
    expect(app.errors).toEqual([]);
  });
});
