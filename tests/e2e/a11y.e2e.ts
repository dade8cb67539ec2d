/**
 * axe-core in real Chromium (layout, so colour contrast too) on every screen of the app: start page,
 * editor with the sample, 导入往年报告, 汇总, 存储, 关于. No serious or critical violation allowed.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp } from './browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let app: { url: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Serious and critical violations on the page as it is now: "rule: target, target …". */
async function seriousViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

const nav = (name: string) => page.getByRole('button', { name, exact: true });

describe('accessibility of every screen (axe-core, real Chromium)', () => {
  it('start page (草稿列表)', async () => {
    expect(await seriousViolations()).toEqual([]);
  });

  it('editor with the sample report', async () => {
    await page.getByRole('button', { name: '打开示例' }).click();
    await page.getByLabel('机关名称').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('导入往年报告', async () => {
    await nav('导入往年报告').click();
    await page.waitForURL(/#\/import/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('汇总', async () => {
    await nav('汇总').click();
    await page.waitForURL(/#\/aggregate/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('存储', async () => {
    await nav('草稿列表').click();
    await nav('存储').click();
    await page.getByRole('heading', { name: '设置/存储' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('关于', async ({ skip }) => {
    // 存储 is a sheet over the page: closed first, as a clerk would.
    await page.keyboard.press('Escape');
    await nav('草稿列表').click();
    if ((await nav('关于').count()) === 0) skip('the shell has no 「关于」 button yet');
    await nav('关于').click();
    await page.getByRole('heading', { name: '关于信息公开年报填报工具' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });
});
