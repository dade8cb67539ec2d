/**
 * 导入往年报告 in real Chromium (issue 7): the sample goes through the real clipboard into the import
 * box, is reviewed side by side, confirmed, and becomes a draft in the list with its published
 * numbers; 新建下一年度 works on it; garbage is refused in Chinese; a web page's HTML with doubtful
 * cells is marked; a 2019-format report is recognised.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CellId, cellDef } from '../../src/report/cells.ts';
import { AGENCY, EXPECTED_CELLS, TEXTS, YEAR } from '../import/fixtures/expected.ts';
import { report2019 } from '../import/fixtures/report-2019.ts';
import { SAMPLE_TEXT, sampleHtml } from '../import/fixtures/variants.ts';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import {
  appContext,
  cellValue,
  copyHtml,
  copyText,
  draftIdOf,
  pasteIntoImportBox,
  screenshot,
} from './import-support.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: { url: string; close(): Promise<void> };
let foreign: string[];
const pageErrors: string[] = [];
/** The draft made from the pasted sample (set by the first test). */
let importedId: string | null = null;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await appContext(browser, app.url);
  page = await context.newPage();
  foreign = watchRequests(page, app.url);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

const nav = (name: string) => page.getByRole('navigation', { name: '导航' }).getByRole('button', { name });
const draftRows = () => page.locator('.draft-table tbody tr');

/** Every value cell of the open editor by id, as shown. */
const editorCells = (): Promise<Record<string, string>> =>
  page
    .locator('input[data-cell]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [(e as HTMLInputElement).dataset.cell!, (e as HTMLInputElement).value]),
      ),
    );

/** A fresh import screen (leaving first, so a review left open by a failed test does not stay). */
async function goImport() {
  await nav('草稿列表').click();
  await nav('导入往年报告').click();
  await page.getByLabel('粘贴年报全文').waitFor();
}

async function waitSaved() {
  await expect.poll(() => page.locator('.save-status').innerText()).toMatch(/已保存/);
}

describe('导入往年报告 in real Chromium', () => {
  it('pastes the sample through the real clipboard, reviews it side by side, confirms it into a draft', async () => {
    await goImport();
    await copyText(page, SAMPLE_TEXT);
    // The clipboard really holds the sample (not a synthetic event).
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SAMPLE_TEXT);
    await pasteIntoImportBox(page);

    const review = page.locator('.import-review');
    await review.waitFor();
    await expect
      .poll(() => page.locator('#import-review-title').innerText())
      .toBe(`核对导入结果：《${AGENCY}${YEAR}年政府信息公开工作年度报告》`);
    expect(await review.locator('.import-summary').innerText()).toContain(
      '2021年格式的报告。未找到 0 处 · 不确定 0 处 · 提示 0 处',
    );
    // Side by side: the source as pasted on one side, the draft's tables and facts on the other.
    const source = await review.locator('.import-sides > :first-child').innerText();
    expect(source).toContain('自治区科技厅2021年');
    expect(source).toContain('结转下年度继续办理');
    const facts = await review.locator('.import-facts').innerText();
    expect(facts).toContain(AGENCY);
    expect(facts).toContain('2021-01-01 至 2021-12-31');
    for (const id of ['t2.normative.valid', 't2.license.decisions', 't3.new.natural', 't3.total.total']) {
      expect(await page.locator(`[id="import-cell-${id}"]`).innerText()).toBe(String(EXPECTED_CELLS[id]));
    }
    // Nothing doubtful in the published sample, and the checks already ran on it.
    expect(await review.locator('.mark-missing, .mark-unsure, .mark-hint').count()).toBe(0);
    expect(await review.locator('.import-clean').first().innerText()).toContain('全部内容都已识别');
    expect(await review.getByText('审核全部通过。').count()).toBe(1);
    await screenshot(page, 'import-review-sample');

    // A double click (a common habit) must make one draft, not two.
    await review.getByRole('button', { name: '确认导入' }).dblclick();
    await expect.poll(() => draftIdOf(page)).not.toBeNull();
    importedId = draftIdOf(page);
    await page.locator('[id="cell-t3.new.natural"]').waitFor();
    expect(await page.getByLabel('机关名称').inputValue()).toBe(AGENCY);
    expect(await page.getByLabel('报告年度').inputValue()).toBe(String(YEAR));
    // Every one of the 200 cells shows its published number (typed by hand in tests/import).
    const shown = await editorCells();
    expect(Object.keys(shown)).toHaveLength(Object.keys(EXPECTED_CELLS).length);
    for (const [id, value] of Object.entries(EXPECTED_CELLS)) {
      const label = cellDef(id as CellId).label;
      expect([label, shown[id]]).toEqual([label, String(value)]);
    }
    expect(await page.locator('.draft-toolbar .badge').innerText()).not.toMatch(/错误 [1-9]/);
    const overview = await page.getByRole('textbox', { name: '一、总体情况' }).inputValue();
    expect(overview.startsWith(TEXTS.overview.first)).toBe(true);
    expect(overview.endsWith(TEXTS.overview.last)).toBe(true);
    await screenshot(page, 'import-editor');

    // The import was kept as a revision.
    await page.getByRole('button', { name: '历史版本' }).click();
    await expect
      .poll(() => page.locator('.history-panel, [aria-label*="历史版本"]').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'import-history');
    // 历史版本 is a sheet over the page: Escape closes it.
    await page.keyboard.press('Escape');

    await nav('草稿列表').click();
    const row = page.locator(`tr[data-draft-id="${importedId}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(AGENCY);
    expect(cells[1]).toBe(String(YEAR));
    expect(cells[3]).toMatch(/错误 0/);
    expect(await draftRows().count()).toBe(1);
    await screenshot(page, 'import-draft-list');
  });

  it('新建下一年度 on the imported draft: 2022, 上年结转 from last year’s 结转下年度继续办理', async () => {
    expect(importedId).not.toBeNull();
    // The published sample carries nothing over; give it something to carry, per column.
    await page
      .locator(`tr[data-draft-id="${importedId}"]`)
      .getByRole('button', { name: /^打开：/ })
      .click();
    await page.locator('[id="cell-t3.carriedOut.natural"]').waitFor();
    await page.locator('[id="cell-t3.carriedOut.natural"]').fill('1');
    await page.locator('[id="cell-t3.carriedOut.research"]').fill('2');
    await page.locator('[id="cell-t3.carriedOut.research"]').press('Tab');
    await expect.poll(() => cellValue(page, 't3.carriedOut.total')).toBe('3');
    await waitSaved();

    await nav('草稿列表').click();
    // The list is read from IndexedDB after the click: count it once the imported draft is shown.
    await page.locator(`tr[data-draft-id="${importedId}"]`).waitFor();
    const before = await draftRows().count();
    await page
      .locator(`tr[data-draft-id="${importedId}"]`)
      .getByRole('button', { name: /^新建下一年度：/ })
      .click();
    await expect.poll(() => [null, importedId].includes(draftIdOf(page))).toBe(false);
    await page.locator('[id="cell-t3.carriedIn.natural"]').waitFor();
    expect(await page.getByLabel('机关名称').inputValue()).toBe(AGENCY);
    expect(await page.getByLabel('报告年度').inputValue()).toBe('2022');
    const shown = await editorCells();
    expect(shown['t3.carriedIn.natural']).toBe('1');
    expect(shown['t3.carriedIn.research']).toBe('2');
    expect(shown['t3.carriedIn.business']).toBe('0');
    expect(shown['t3.carriedIn.total']).toBe('3');
    // This year's own figures start empty: they are still to be counted.
    expect(shown['t3.new.natural']).toBe('');
    expect(shown['t2.normative.valid']).toBe('');
    // Last year's figures are kept: 上年结转 typed differently from 2021's 结转 raises T3-E.
    await page.locator('[id="cell-t3.carriedIn.natural"]').fill('5');
    await page.locator('[id="cell-t3.carriedIn.natural"]').press('Tab');
    await expect
      .poll(() => page.locator('.findings').innerText())
      .toMatch(
        /二、上年结转政府信息公开申请数量·自然人 为 5，但 2021 年报告的.*结转下年度继续办理·自然人 为 1/,
      );
    await screenshot(page, 'import-next-year');

    await nav('草稿列表').click();
    await expect.poll(() => draftRows().count()).toBe(before + 1);
    const years = await page.locator('.draft-table tbody tr td:nth-of-type(2)').allInnerTexts();
    expect(years).toContain('2022');
    expect(years).toContain('2021');
  });

  it('garbage on the clipboard: a clear Chinese message, and no draft', async () => {
    await nav('草稿列表').click();
    await draftRows().first().waitFor();
    const before = await draftRows().count();
    await goImport();
    await copyText(page, '购物清单\n苹果 3 个\n牛奶 2 盒\nlorem ipsum 42');
    await pasteIntoImportBox(page);
    const alert = page.locator('.import-message[role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('没有识别出年度报告的内容');
    expect(await alert.innerText()).toMatch(/请确认粘贴的是年度报告全文/);
    expect(await page.locator('.import-review').count()).toBe(0);
    await screenshot(page, 'import-garbage');
    await nav('草稿列表').click();
    await draftRows().first().waitFor();
    expect(await draftRows().count()).toBe(before);
  });

  it('a .txt file in GB18030 (as Notepad saves it) chosen with 打开文件… reads the same', async () => {
    await goImport();
    await page
      .getByLabel('选择年报文件（.pdf、.docx、.html 或 .txt）')
      .setInputFiles('tests/import/fixtures/gx-kjt-2021-gb18030.txt');
    const review = page.locator('.import-review');
    await review.waitFor();
    expect(await review.locator('.import-sides > :first-child').innerText()).toContain(
      'gx-kjt-2021-gb18030.txt',
    );
    // The fixture is the sample saved as 「ANSI」 with 行政许可's 11 written 「若干」: read, but not guessed.
    expect(await review.locator('.import-summary').innerText()).toContain('未找到 1 处 · 不确定 0 处');
    for (const id of ['t2.normative.valid', 't3.unableNotHeld.natural', 't3.total.total']) {
      expect(await page.locator(`[id="import-cell-${id}"]`).innerText()).toBe(String(EXPECTED_CELLS[id]));
    }
    const license = page.locator('[id="import-cell-t2.license.decisions"]');
    expect(await license.getAttribute('class')).toContain('mark-missing');
    expect(await license.innerText()).toMatch(/^空\n未找到：行政许可·本年处理决定数量/);
    expect(await review.locator('.import-issues').innerText()).toContain('写作“行政许可 若干”');
    expect(await review.locator('.import-sides > :first-child').innerText()).toContain('若干');
    await review.getByRole('button', { name: '重新粘贴' }).click();
    await page.getByLabel('粘贴年报全文').waitFor();
  });

  it('a web page’s HTML: doubtful cells marked, the clerk must tick before confirming', async () => {
    await goImport();
    const html = sampleHtml({
      value: (id, n) =>
        id === 't2.rules.repealed' ? '/' : id === 't2.normative.issued' ? `${n}（其中修订16件）` : String(n),
      label: (t) => t.replace('4.保护第三方合法权益', '4.保护第三人合法权益'),
    });
    await copyHtml(page, html, 'plain text of the page');
    await pasteIntoImportBox(page);
    const review = page.locator('.import-review');
    await review.waitFor();
    // 4.保护第三人… is read as 4.保护第三方…, all 7 cells of the row 不确定; 「/」 and 「26（…）」 are 提示.
    await expect.poll(() => review.locator('.import-summary').innerText()).toContain('不确定 7 处');
    expect(
      await page.locator('[id="import-cell-t3.refusedThirdParty.natural"]').getAttribute('class'),
    ).toContain('mark-unsure');
    expect(await page.locator('[id="import-cell-t2.rules.repealed"]').getAttribute('class')).toContain(
      'mark-hint',
    );
    expect(await page.locator('[id="import-cell-t2.normative.issued"]').innerText()).toMatch(/^26/);
    expect(await review.locator('.review-table .mark-unsure').count()).toBe(7);
    // The issue list names the row once and shows the source.
    expect(await review.locator('.import-issues').innerText()).toMatch(/4\.保护第三人合法权益/);
    // Clicking the doubt shows its cell (focused) and its source line.
    await review.locator('.import-issues .mark-unsure button').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('import-cell-t3.refusedThirdParty.natural');
    await screenshot(page, 'import-review-html-marked');
    const confirm = review.getByRole('button', { name: '确认导入' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'import-review-html');
    await review.getByRole('checkbox', { name: /我已对照原文核对标出的 7 处/ }).check();
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await expect.poll(() => draftIdOf(page)).not.toBeNull();
    await page.locator('[id="cell-t2.normative.issued"]').waitFor();
    expect(await cellValue(page, 't2.normative.issued')).toBe('26');
    expect(await cellValue(page, 't2.rules.repealed')).toBe('0');
    expect(await cellValue(page, 't3.refusedThirdParty.total')).toBe('0');
  });

  it('a 2019-format report is recognised and said so; what does not map is listed as not imported', async () => {
    await goImport();
    await copyText(page, report2019());
    await pasteIntoImportBox(page);
    const review = page.locator('.import-review');
    await review.waitFor();
    await expect.poll(() => review.locator('.import-summary').innerText()).toMatch(/^2019年试行格式的报告/);
    expect(await page.locator('#import-review-title').innerText()).toContain('自治区科技厅2020年');
    expect(await review.locator('.import-issues').innerText()).toMatch(/这是按.*2019年试行格式.*编写的报告/);
    const notImported = await review.locator('.import-not-imported li').allInnerTexts();
    expect(notImported).toHaveLength(2);
    expect(notImported[0]).toMatch(/^表二（主动公开政府信息情况）：2019年格式的栏目与2021年格式不同/);
    expect(notImported[1]).toMatch(/^表三“（六）其他处理”：2019年格式为一行/);
    // Table 3 (outside （六）) and table 4 came in; table 2 is left empty.
    expect(await page.locator('[id="import-cell-t3.new.natural"]').innerText()).toBe('2');
    const t2Cell = page.locator('[id="import-cell-t2.normative.valid"]');
    expect(await t2Cell.innerText()).toMatch(/^空/);
    expect(await t2Cell.getAttribute('class')).toContain('mark-not-imported');
    expect(await review.locator('.review-table .mark-not-imported').count()).toBe(31);
    expect(await review.locator('.import-summary').innerText()).toContain('31 格未导入');
    await page.locator('[id="import-cell-t3.otherNoFee.natural"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-review-2019-not-imported');
    await screenshot(page, 'import-review-2019');
    // Not confirmed: 取消 leaves no draft behind.
    await nav('草稿列表').click();
    await draftRows().first().waitFor();
    const years = await page.locator('.draft-table tbody tr td:nth-of-type(2)').allInnerTexts();
    expect(years).not.toContain('2020');
  });

  it('no page error and no request leaving 127.0.0.1', () => {
    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
