/**
 * Issue 18 in real Chromium, around the editor: the draft list at every office screen size (item 13),
 * and at 1366×768 what comes after an import (item 4), 新建下一年度 twice (5), a copy's name (10),
 * 新建's cursor (12), paragraph-by-paragraph 同比 (14), and the small things: a report dropped beside
 * the import box (a), a section checked as 「已核对，沿用」 (b), no 「IndexedDB」 shown (c), 「导出」
 * named for Word too (d).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp } from './browser.ts';
import { focused, pageAt, pageErrors, SIZES, seen, shot, visibleToClerk } from './screens-support.ts';

let browser: Browser;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const SAMPLE_TEXT = readFileSync(join(import.meta.dirname, '../import/fixtures/gx-kjt-2021.txt'), 'utf8');
const SAMPLE_DOCX = join(import.meta.dirname, '../import/corpus/gx-kjt-2021/report.docx');

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '导航' }).getByRole('button', { name, exact: true });

async function toList(page: Page) {
  await nav(page, '草稿列表').click();
  await page.getByRole('heading', { name: '草稿列表' }).waitFor();
  // The rows are read from IndexedDB after the heading shows: wait for them before counting.
  await page.getByText('正在读取草稿…').waitFor({ state: 'detached' });
}

const rows = (page: Page) => page.locator('.draft-table tbody tr');

/** Words of the element's text (split at spaces) that are broken across two lines. */
function brokenWords(locator: Locator): Promise<string[]> {
  return locator.evaluate((el) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

describe.each(SIZES)('item 13: the draft list at $name', (size) => {
  let page: Page;

  beforeAll(async () => {
    page = await pageAt(browser, app.url, size);
    await page.getByRole('button', { name: '打开示例' }).click();
    await page.getByLabel('机关名称').waitFor();
    await toList(page);
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByLabel('机关名称').fill('广西壮族自治区科学技术厅');
    await page.getByLabel('报告年度').fill('2022');
    await toList(page);
    await page.waitForFunction(() => document.querySelectorAll('.draft-table tbody tr').length === 2);
  });

  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await page?.context().close();
  });

  it('keeps names, dates, 错误/提示 and sizes whole, and each row’s buttons on one line', async () => {
    await shot(page, size, 'draft-list');
    // The table stays inside its card (no row runs out of it, to be scrolled sideways).
    const [table, card] = await Promise.all([
      page.locator('.draft-table').boundingBox(),
      page.locator('.draft-list').boundingBox(),
    ]);
    expect(table!.x + table!.width).toBeLessThanOrEqual(card!.x + card!.width);
    for (const row of await rows(page).all()) {
      const buttons = await row.locator('.draft-actions button').evaluateAll((bs) =>
        bs.map((b) => {
          const r = b.getBoundingClientRect();
          const line = Number.parseFloat(getComputedStyle(b).lineHeight) || 20;
          return { top: Math.round(r.top), oneLine: r.height < line * 1.9, text: b.textContent };
        }),
      );
      expect(new Set(buttons.map((b) => b.top)).size).toBe(1);
      // Every button in the window, none cut off at its right edge.
      expect(await seen(row.locator('.draft-actions button').last())).toMatchObject(visibleToClerk);
      expect(buttons.filter((b) => !b.oneLine)).toEqual([]);
      for (const part of ['th.draft-name', '.draft-agency', '.draft-saved', '.review-badge', '.draft-size'])
        for (const el of await row.locator(part).all())
          if (await el.isVisible()) expect([part, await brokenWords(el)]).toEqual([part, []]);
    }
  });
});

/** How far the page runs out of the window sideways (0: nothing to scroll to the right). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(SIZES)('the other screens at $name', (size) => {
  let page: Page;

  beforeAll(async () => {
    page = await pageAt(browser, app.url, size);
  });

  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await page?.context().close();
  });

  it('导入往年报告 and its 核对 screen fit the window: 确认导入 in reach, nothing to scroll sideways', async () => {
    await nav(page, '导入往年报告').click();
    await page.getByLabel('粘贴年报全文').fill(SAMPLE_TEXT);
    await shot(page, size, 'import');
    expect(await sideways(page)).toBe(0);
    await page.getByRole('button', { name: '识别' }).click();
    await page.locator('.import-review').waitFor();
    expect(await seen(page.locator('#import-review-title'))).toMatchObject(visibleToClerk);
    await shot(page, size, 'import-review');
    expect(await sideways(page)).toBe(0);
    const confirm = page.getByRole('button', { name: '确认导入' });
    await confirm.scrollIntoViewIfNeeded();
    expect(await seen(confirm)).toMatchObject(visibleToClerk);
    await confirm.click();
    await page.getByLabel('机关名称').waitFor();
  });

  it('the editor’s text sections, the 审核 panel folded and open, 历史版本 and 同比 fit the window', async () => {
    await page.locator('#field-overview').scrollIntoViewIfNeeded();
    await shot(page, size, 'editor-text');
    expect(await sideways(page)).toBe(0);
    // Folded to its rail and open again: either way the counts or the heading are in view.
    for (let i = 0; i < 2; i++) {
      const fold = page.locator('.side-fold');
      if (await fold.isVisible()) {
        await fold.click();
        expect(await seen(page.locator('.side-unfold'))).toMatchObject(visibleToClerk);
        await shot(page, size, 'panel-folded');
      } else {
        await page.locator('.side-unfold').click();
        expect(await seen(page.locator('#findings-title'))).toMatchObject(visibleToClerk);
        await shot(page, size, 'panel-open');
      }
      expect(await sideways(page)).toBe(0);
    }
    for (const [name, file] of [
      ['历史版本', 'history'],
      ['同比', 'compare'],
    ] as const) {
      await page.locator('.draft-toolbar').getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await seen(dialog.getByRole('heading', { level: 2 }).first())).toMatchObject(visibleToClerk);
      await shot(page, size, file);
      expect(await sideways(page)).toBe(0);
      await page.keyboard.press('Escape');
    }
  });

  it('汇总 fits the window', async () => {
    await nav(page, '汇总').click();
    await page.locator('#aggregate-title').waitFor();
    expect(await seen(page.locator('#aggregate-title'))).toMatchObject(visibleToClerk);
    await shot(page, size, 'aggregate');
    expect(await sideways(page)).toBe(0);
  });
});

describe('after an import, next year, copies and the small things (1366×768)', () => {
  let page: Page;
  const size = SIZES[0]!;

  beforeAll(async () => {
    page = await pageAt(browser, app.url, size);
  });

  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await page?.context().close();
  });

  it('item 12: 新建 puts the cursor in 机关名称', async () => {
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByLabel('机关名称').waitFor();
    await expect.poll(() => focused(page)).toBe('field-agency');
    await page.keyboard.type('某县教育局');
    expect(await page.getByLabel('机关名称').inputValue()).toBe('某县教育局');
  });

  it('item 4: after 确认导入 the editor offers 新建下一年度 and says why; it makes and opens 2022', async () => {
    await nav(page, '导入往年报告').click();
    await page.getByLabel('粘贴年报全文').fill(SAMPLE_TEXT);
    await page.getByRole('button', { name: '识别' }).click();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByLabel('机关名称').waitFor();
    const offer = page.getByRole('note', { name: '2022 年度报告' });
    expect(await offer.innerText()).toMatch(
      /已导入 2021 年度报告。要填写 2022 年度报告，请从本报告“新建下一年度”/,
    );
    expect(await offer.innerText()).toMatch(/上年结转.*同比/s);
    const make = offer.getByRole('button', { name: '新建下一年度（2022 年）' });
    expect(await seen(make)).toMatchObject(visibleToClerk);
    await shot(page, size, 'after-import');
    await make.click();
    await expect.poll(() => page.locator('.doc-title').innerText()).toMatch(/2022年/);
  });

  it('item 5: 新建下一年度 again says 2022 exists and offers to open it; three clicks make no second draft', async () => {
    await toList(page);
    const before = await rows(page).count();
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: '新建下一年度：自治区科技厅 2021年度' }).click();
      await page.getByRole('alert').waitFor();
    }
    const ask = page.getByRole('alert');
    expect(await ask.innerText()).toMatch(/已有 2022 年度的草稿“自治区科技厅 2022年度”/);
    expect(await rows(page).count()).toBe(before);
    await shot(page, size, 'next-year-exists');
    await ask.getByRole('button', { name: '打开已有的草稿' }).click();
    await expect.poll(() => page.locator('.doc-title').innerText()).toMatch(/2022年/);
    await toList(page);
    expect(await rows(page).count()).toBe(before);

    // item 4, in the editor of a past year's report: 2022 exists, so it offers to open it.
    await page.getByRole('button', { name: '打开：自治区科技厅 2021年度' }).click();
    const offer = page.getByRole('note', { name: '2022 年度报告' });
    await offer.waitFor();
    expect(await offer.innerText()).toMatch(
      /这是 2021 年度的报告。已有 2022 年度的草稿“自治区科技厅 2022年度”/,
    );
    const open = offer.getByRole('button', { name: '打开 2022 年度草稿' });
    expect(await seen(open)).toMatchObject(visibleToClerk);
    await open.click();
    await expect.poll(() => page.locator('.doc-title').innerText()).toMatch(/2022年/);
    await toList(page);
    expect(await rows(page).count()).toBe(before);
  });

  it('item b: a section confirmed 「已核对，沿用」 says so on its heading instead of 「需更新」', async () => {
    await page.getByRole('button', { name: '打开：自治区科技厅 2022年度' }).click();
    const heading = page.locator('#field-problems-heading');
    await heading.waitFor();
    expect(await heading.innerText()).toContain('需更新');
    const item = page.locator('.finding-error', {
      hasText: '五、存在的主要问题及改进情况 还是从上年报告复制来的文字',
    });
    await item.getByRole('button', { name: '已核对，沿用', exact: true }).click();
    await page.keyboard.type('本年问题与上年相同，经核对沿用');
    await item.locator('form').getByRole('button', { name: '已核对，沿用', exact: true }).click();
    await expect.poll(() => heading.innerText()).toContain('已核对，沿用上年');
    expect(await heading.innerText()).not.toContain('需更新');
    await heading.scrollIntoViewIfNeeded();
    await shot(page, size, 'stale-checked');
  });

  it('item 14: 同比 lines the paragraphs up, and a number edited in one reads 「只改了数字」 with both numbers marked', async () => {
    const overview = page.locator('#field-overview');
    const text = await overview.inputValue();
    expect(text).toContain('536');
    await overview.fill(text.replace('536', '612'));
    await page.locator('.draft-toolbar').getByRole('button', { name: '同比' }).click();
    const section = page.getByRole('dialog').getByRole('region', { name: '一、总体情况' });
    await section.waitFor();
    expect(await section.innerText()).toMatch(/与上年相似度 100%（只比措辞，不计数字）/);
    expect(await section.innerText()).toMatch(/只改了数字 1 段/);
    const table = section.getByRole('table', { name: /^一、总体情况 逐段对照（共 \d+ 段）$/ });
    const paragraphs = text.split('\n').filter((l) => l.trim()).length;
    expect(await table.locator('tbody tr').count()).toBe(paragraphs);
    const changed = table.locator('tbody tr', { has: page.locator('ins') });
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('ins').innerText()).toContain('612');
    expect(await changed.locator('del').innerText()).toContain('536');
    await changed.scrollIntoViewIfNeeded();
    await shot(page, size, 'compare-paragraphs');
    await page.keyboard.press('Escape');
  });

  it('item 10: a copy is named by its own report: after 机关名称 is changed, the list says so', async () => {
    await toList(page);
    await page.getByRole('button', { name: '复制：自治区科技厅 2022年度' }).click();
    await page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
    // The copy is the newest: first in the list.
    await rows(page)
      .first()
      .getByRole('button', { name: /^打开：/ })
      .click();
    await page.getByLabel('机关名称').fill('自治区财政厅');
    await toList(page);
    await expect
      .poll(() => page.locator('.draft-table th.draft-name').allInnerTexts())
      .toContain('自治区财政厅 2022年度');
    expect(await page.locator('.draft-table th.draft-name').allInnerTexts()).toContain(
      '自治区科技厅 2022年度',
    );
  });

  it('item a: a report dropped anywhere on 导入往年报告 is imported (not opened as a draft file)', async () => {
    await nav(page, '导入往年报告').click();
    await page.getByLabel('粘贴年报全文').waitFor();
    const transfer = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], '2021年报.docx', { type: 'application/octet-stream' }));
      return dt;
    }, readFileSync(SAMPLE_DOCX).toString('base64'));
    // On the page's heading, outside the import box.
    await page.locator('.topbar').dispatchEvent('dragenter', { dataTransfer: transfer });
    expect(await page.locator('.file-drop-overlay').innerText()).toContain('导入这份年报');
    await page.locator('.topbar').dispatchEvent('drop', { dataTransfer: transfer });
    await page.locator('.import-review').waitFor();
    expect(await page.locator('.import-source').innerText()).toMatch(/2021年报\.docx，Word 文件的文字/);
    expect(await page.locator('.file-notice').count()).toBe(0);
    await page.getByRole('button', { name: '取消' }).last().click();
  });

  it('item c and d: 存储 and 关于 say 浏览器存储, never 「IndexedDB」; 导出 is named for Word and 网页 too', async () => {
    await nav(page, '存储').click();
    const storage = page.getByRole('dialog', { name: '设置/存储' });
    await expect.poll(() => storage.innerText()).toContain('浏览器存储');
    expect(await storage.innerText()).not.toContain('IndexedDB');
    await page.keyboard.press('Escape');
    await nav(page, '关于').click();
    const about = page.getByRole('dialog', { name: '关于信息公开年报填报工具' });
    expect(await about.innerText()).toContain('浏览器存储');
    expect(await about.innerText()).not.toMatch(/IndexedDB|Web Worker/);
    await page.keyboard.press('Escape');

    await rows(page)
      .first()
      .getByRole('button', { name: /^打开：/ })
      .click();
    const exportButton = page.locator('.draft-toolbar').getByRole('button', { name: '导出', exact: true });
    expect(await exportButton.getAttribute('title')).toMatch(/PDF.*Word.*网页/);
    await exportButton.click();
    expect(await page.getByRole('dialog').getByRole('radio').allInnerTexts()).toBeDefined();
    expect(await page.getByRole('dialog').locator('legend', { hasText: '格式' }).count()).toBe(1);
    await page.keyboard.press('Escape');
  });
});
