/**
 * 汇总 in real Chromium (issue 8): 20 units' draft files and a corrupt one through the file input, a
 * draft from the browser's store, the list with checks and duplicates, one unit left out; the per-unit
 * CSV (a download: BOM, official labels, one row per unit); the combined report as a new draft whose
 * tables are the sums of the counted units, and its PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import { parseCsv } from '../../src/aggregate/csv.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { CELLS, cellsOfTable } from '../../src/report/cells.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { withTotals } from '../../src/report/totals.ts';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import { appContext, draftIdOf, screenshot } from './import-support.ts';

const UNITS = 20;
/** Unit 19 is an older copy of unit 3's report (same agency and year): a duplicate, left out by default. */
const DUPLICATE_OF = 3;
/** The unit the clerk leaves out by hand. */
const EXCLUDED = 10;
/** A unit whose table 3 does not balance: listed with 错误. */
const UNBALANCED = 7;
const COMBINED_AGENCY = '南宁市人民政府';

const agencyOf = (i: number) => `南宁市第${i === UNITS - 1 ? DUPLICATE_OF + 1 : i + 1}局`;
const fileNameOf = (i: number) => `${String(i + 1).padStart(2, '0')}-${agencyOf(i)}.nianbao.json`;
const CORRUPT_NAME = '21-损坏的文件.nianbao.json';

/** The sample with this unit's own figures (balanced, unless it is the unbalanced one). */
function unitReport(i: number): Report {
  const base = reportSchema().parse(example);
  const cells = { ...base.cells };
  cells['t3.new.natural'] = 2 + i;
  cells['t3.granted.natural'] = i;
  cells['t3.new.business'] = i % 3;
  cells['t3.partial.business'] = i % 3;
  cells['t3.new.research'] = 1 + (i % 4);
  cells['t3.granted.research'] = 1 + (i % 4) - (i % 2);
  cells['t3.carriedOut.research'] = i % 2;
  if (i === UNBALANCED) cells['t3.new.legal'] = 4;
  cells['t2.normative.valid'] = 81 + i;
  cells['t4.cases.reviewUpheld'] = i % 2;
  return withTotals({ ...base, id: `unit-${i}`, agency: agencyOf(i), cells });
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: { url: string; close(): Promise<void> };
let foreign: string[];
let dir: string;
const pageErrors: string[] = [];
const reports = Array.from({ length: UNITS }, (_, i) => unitReport(i));
const sample = reportSchema().parse(example);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-aggregate-'));
  for (const [i, report] of reports.entries()) {
    // The duplicate was saved a day earlier than the rest.
    const now = new Date(Date.UTC(2022, 0, i === UNITS - 1 ? 10 : 20, 8, i));
    writeFileSync(join(dir, fileNameOf(i)), (await serializeDraft(report, { now })).bytes);
  }
  const whole = (await serializeDraft(reports[0]!)).text;
  writeFileSync(join(dir, CORRUPT_NAME), whole.slice(0, Math.floor(whole.length / 2)));

  app = await startApp();
  browser = await launchBrowser();
  context = await appContext(browser, app.url);
  page = await context.newPage();
  foreign = watchRequests(page, app.url);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const nav = (name: string) => page.getByRole('navigation', { name: '导航' }).getByRole('button', { name });
const unitRow = (name: string) =>
  page
    .locator('.aggregate-table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** The units counted when the test is done choosing: files but the duplicate and the excluded, and the sample. */
const counted = (): Report[] => [
  ...reports.filter((_, i) => i !== UNITS - 1 && i !== EXCLUDED),
  withTotals(sample),
];

describe('汇总 in real Chromium', () => {
  it('lists 20 units and a corrupt file, flags the duplicate, adds a stored draft, leaves one out', async () => {
    // A draft in the browser's store, to add as a unit later.
    await page.getByRole('button', { name: '打开示例' }).click();
    await expect.poll(() => draftIdOf(page)).not.toBeNull();
    await page.locator('[id="cell-t3.new.natural"]').waitFor();

    await nav('汇总').click();
    await page.getByRole('heading', { name: '汇总各单位年报' }).waitFor();
    const files = [...reports.map((_, i) => join(dir, fileNameOf(i))), join(dir, CORRUPT_NAME)];
    expect(files).toHaveLength(21);
    await page.getByLabel('选择各单位的年报文件（可多选）').setInputFiles(files);

    await expect
      .poll(() => page.locator('.aggregate-status').innerText())
      .toBe('已读取 20 个文件，1 个无法读取（见下方列表）。');
    const rows = page.locator('.aggregate-table tbody tr');
    expect(await rows.count()).toBe(UNITS);
    expect(await page.locator('.aggregate-table caption').innerText()).toBe('各单位（20 个，计入 19 个）');
    for (const [i, report] of reports.entries()) {
      const cells = await unitRow(fileNameOf(i)).locator('td').allInnerTexts();
      // 计入, 机关名称, 年度, 格式, 审核, 主要问题, 说明
      expect(cells[1]).toBe(report.agency);
      expect(cells[2]).toBe('2021');
      expect(cells[3]).toBe('草稿文件（第 1 版）');
      // the state of the 审核 with its counts (issue 15)
      expect(cells[4]).toMatch(
        i === UNBALANCED
          ? /^有错误 · 错误 [1-9]\d* \/ 提示 \d+$/
          : /^(?:审核通过|待确认) · 错误 0 \/ 提示 \d+/,
      );
    }
    expect(await unitRow(fileNameOf(UNBALANCED)).locator('.aggregate-findings').innerText()).toMatch(
      /错误：.*社会公益组织|错误：.*法律服务机构/,
    );
    // The corrupt file: listed with its reason, not counted, the others read anyway.
    const failed = page.locator('.aggregate-failed');
    expect(await failed.locator('h3').innerText()).toBe('无法读取的文件（1 个，未计入）');
    const failure = await failed.locator('li').first().innerText();
    expect(failure.startsWith(`${CORRUPT_NAME}：`)).toBe(true);
    expect(failure.length).toBeGreaterThan(CORRUPT_NAME.length + 8);
    // The duplicate pair: both flagged, the older one not counted by default.
    const older = unitRow(fileNameOf(UNITS - 1));
    const newer = unitRow(fileNameOf(DUPLICATE_OF));
    expect(await older.locator('.aggregate-remarks').innerText()).toContain(
      `重复：与「${fileNameOf(DUPLICATE_OF)}」同为同一机关、同一年度。默认只计入保存时间最新的「${fileNameOf(DUPLICATE_OF)}」。`,
    );
    expect(await newer.locator('.aggregate-remarks').innerText()).toContain('默认计入这一份（保存时间最新）');
    expect(await older.getByRole('checkbox').isChecked()).toBe(false);
    expect(await newer.getByRole('checkbox').isChecked()).toBe(true);
    await screenshot(page, 'aggregate-list', true);

    // The browser's own draft (the sample) added as a unit.
    await page.getByRole('button', { name: '加入浏览器中的草稿…' }).click();
    const stored = page.locator('.aggregate-stored');
    await stored.locator('li').first().waitFor();
    await screenshot(page, 'aggregate-stored-picker');
    await stored.getByRole('checkbox').first().check();
    await stored.getByRole('button', { name: '加入所选（1）' }).click();
    await expect.poll(() => rows.count()).toBe(UNITS + 1);
    const storedRow = page.locator('.aggregate-table tbody tr[data-unit-key^="store:"]');
    const storedCells = await storedRow.locator('td').allInnerTexts();
    expect(storedCells.slice(1, 4)).toEqual([sample.agency, '2021', '浏览器中的草稿']);

    await page.getByRole('checkbox', { name: `计入汇总：${fileNameOf(EXCLUDED)}` }).uncheck();
    await expect
      .poll(() => page.locator('.aggregate-table caption').innerText())
      .toBe(`各单位（21 个，计入 ${counted().length} 个）`);
    expect(await unitRow(fileNameOf(EXCLUDED)).getAttribute('class')).toContain('aggregate-excluded');
    const combine = page.locator('.aggregate-combine');
    expect(await combine.innerText()).toContain(`计入 ${counted().length} 个单位，2021 年度`);
    expect(await combine.innerText()).toMatch(/计入的单位中有 1 个审核有错误/);
  });

  it('exports the per-unit CSV as a download: BOM, official labels, one row per counted unit and 合计', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出各单位数据（CSV）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('各单位年报数据-2021.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const [header, ...records] = parseCsv(text);
    expect(header?.slice(0, 5)).toEqual(['来源', '机关名称', '年度', '审核错误', '审核提示']);
    expect(header?.slice(5)).toEqual(CELLS.map((c) => c.label));
    expect(header).toContain('三（七）总计·自然人');
    const units = counted();
    expect(records).toHaveLength(units.length + 1);
    expect(records.map((r) => r[1]).sort()).toEqual([...units.map((u) => u.agency), ''].sort());
    expect(records.map((r) => r[0])).not.toContain(fileNameOf(EXCLUDED));
    expect(records.map((r) => r[0])).not.toContain(fileNameOf(UNITS - 1));
    const newNatural = header!.indexOf('一、本年新收政府信息公开申请数量·自然人');
    expect(newNatural).toBeGreaterThan(4);
    const row3 = records.find((r) => r[0] === fileNameOf(DUPLICATE_OF))!;
    expect(row3[newNatural]).toBe(String(reports[DUPLICATE_OF]!.cells['t3.new.natural']));
    const total = records.at(-1)!;
    expect(total[0]).toBe('合计');
    expect(Number(total[newNatural])).toBe(units.reduce((s, u) => s + (u.cells['t3.new.natural'] ?? 0), 0));
    await expect
      .poll(() => page.locator('.aggregate-message').innerText())
      .toContain('已导出「各单位年报数据-2021.csv」');
  });

  it('makes the combined report: a new draft whose tables are the sums, and exports its PDF', async () => {
    await page.getByLabel(/汇总报告的机关名称/).fill(COMBINED_AGENCY);
    // A double click must make one combined draft, not two (checked in the draft list below).
    await page.getByRole('button', { name: '生成汇总报告' }).dblclick();
    await expect.poll(() => draftIdOf(page)).not.toBeNull();
    await page.locator('[id="cell-t3.total.total"]').waitFor();
    expect(await page.getByLabel('机关名称').inputValue()).toBe(COMBINED_AGENCY);
    expect(await page.getByLabel('报告年度').inputValue()).toBe('2021');

    const shown = await page
      .locator('input[data-cell]')
      .evaluateAll((els) =>
        Object.fromEntries(
          els.map((e) => [(e as HTMLInputElement).dataset.cell!, (e as HTMLInputElement).value]),
        ),
      );
    const units = counted();
    for (const table of ['t2', 't3', 't4'] as const) {
      for (const cell of cellsOfTable(table)) {
        const sum = units.reduce((s, u) => s + (u.cells[cell.id] ?? 0), 0);
        expect([cell.label, shown[cell.id]]).toEqual([cell.label, String(sum)]);
      }
    }
    // Hand check of one cell: 2+i over i in 0..18 without 10, plus the sample's 2.
    const byHand = Array.from({ length: 19 }, (_, i) => i)
      .filter((i) => i !== EXCLUDED)
      .reduce((s, i) => s + 2 + i, 2);
    expect(shown['t3.new.natural']).toBe(String(byHand));
    // The texts are not summed: the combined report's own are still to write.
    expect(await page.getByRole('textbox', { name: '一、总体情况' }).inputValue()).toBe('');
    await page.locator('#heading-t3').scrollIntoViewIfNeeded();
    await screenshot(page, 'aggregate-combined-draft');

    await page.getByRole('button', { name: '导出', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '生成并下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${COMBINED_AGENCY}-2021年度政府信息公开工作年度报告`),
    );
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(10_000);
    writeFileSync('test-results/aggregate-combined.pdf', pdf);
    // poppler reads it: the combined report's title, several pages, its summed figures.
    const info = execFileSync('pdfinfo', ['test-results/aggregate-combined.pdf'], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Title:\\s+${COMBINED_AGENCY}2021年政府信息公开工作年度报告`));
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['test-results/aggregate-combined.pdf', '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(text).toContain(`一、本年新收政府信息公开申请数量（${shown['t3.new.total']}）`);
    await expect.poll(() => page.locator('.export-progress').innerText()).toContain('已开始下载');
    await screenshot(page, 'aggregate-pdf-exported');
    // The export panel is a sheet over the page: Escape closes it.
    await page.keyboard.press('Escape');
    await page.locator('.export-dialog').waitFor({ state: 'detached' });
  });

  it('stored two drafts in all: the sample and one combined report', async () => {
    await nav('草稿列表').click();
    await page.locator('.draft-table tbody tr').first().waitFor();
    const agencies = await page.locator('.draft-table tbody tr td:nth-of-type(1)').allInnerTexts();
    expect(agencies.sort()).toEqual([COMBINED_AGENCY, sample.agency].sort());
  });

  it('takes a whole folder: its .json files, other files skipped and said so', async () => {
    writeFileSync(join(dir, '说明.txt'), '各单位报送的年报草稿');
    await nav('汇总').click();
    // The units of the earlier tests are still listed after the trip to the editor; start afresh.
    expect(await page.locator('.aggregate-table tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '清空列表' }).click();
    await page.getByLabel('选择存放各单位年报文件的文件夹').setInputFiles(dir);
    await expect
      .poll(() => page.locator('.aggregate-status').innerText())
      .toBe('已读取 20 个文件，1 个无法读取（见下方列表）。文件夹中另有 1 个不是 .json 的文件，已略过。');
    expect(await page.locator('.aggregate-table tbody tr').count()).toBe(UNITS);
    // Units are named by their path inside the folder.
    const folder = dir.split('/').at(-1)!;
    expect(await unitRow(`${folder}/${fileNameOf(0)}`).count()).toBe(1);
    expect(await page.locator('.aggregate-failed li').first().innerText()).toMatch(
      new RegExp(`^${folder}/${CORRUPT_NAME}：`),
    );
  });

  it('no page error and no request leaving 127.0.0.1', () => {
    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
