import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, watchRequests } from './browser.ts';

// Table 3 of the sample (广西科技厅 2021), typed by hand from ../shared/samples/gx-kjt-2021.txt:
// the non-zero leaf cells; every other leaf cell of the table is 0.
const SAMPLE_T3: Record<string, number> = {
  't3.new.natural': 2,
  't3.new.research': 1,
  't3.granted.research': 1,
  't3.partial.natural': 1,
  't3.unableNotHeld.natural': 1,
};

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

const badge = (page: Page) => page.locator('.draft-toolbar .badge').innerText();

describe('editor in real Chromium', () => {
  it('types the sample table 3 and sees the checks react, with no request leaving the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const foreign = watchRequests(page, app.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await page.getByRole('button', { name: '新建' }).click();
    await page.getByLabel('机关名称').fill('自治区科技厅');
    await page.getByLabel('报告年度').fill('2021');

    const leafInputs = page.locator('.grid-t3 input[data-cell]:not([readonly])');
    const ids = await leafInputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.cell!));
    expect(ids.length).toBe(24 * 6);

    // First the 新收 row alone: the table cannot balance yet, T3-A names the column and the fix.
    await page.locator('[id="cell-t3.new.natural"]').click();
    await page.keyboard.type('2');
    await expect.poll(() => badge(page)).toMatch(/错误 [1-9]/);
    await expect
      .poll(() => page.locator('.findings').innerText())
      .toContain(
        '自然人列：一、本年新收政府信息公开申请数量（2）加二、上年结转政府信息公开申请数量（0）之和为 2',
      );
    expect(await page.locator('[id="cell-t3.new.total"]').inputValue()).toBe('2');

    for (const id of ids) {
      await page.locator(`[id="cell-${id}"]`).click();
      await page.keyboard.type(String(SAMPLE_T3[id] ?? 0));
    }
    expect(await page.locator('[id="cell-t3.new.total"]').inputValue()).toBe('3');
    expect(await page.locator('[id="cell-t3.total.total"]').inputValue()).toBe('3');
    expect(await page.locator('.grid-t3 .cell-error').count()).toBe(0);
    expect(await page.locator('.findings').innerText()).not.toContain('T3-A');

    // Break it again: one more 予以公开 without a new application.
    await page.locator('[id="cell-t3.granted.natural"]').click();
    await page.keyboard.type('1');
    await expect.poll(() => page.locator('.grid-t3 .cell-error').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.findings').innerText())
      // T3-A names every cell that could restore the balance, not one of them (issue 15).
      .toMatch(/自然人列：.*以下任一处改正都能使本列平衡.*一、本年新收政府信息公开申请数量 为 \d+/);

    mkdirSync('test-results', { recursive: true });
    await page.locator('#heading-t3').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/editor-table3.png' });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
