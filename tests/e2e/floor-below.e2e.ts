/**
 * Below the floor: a clear message in Chinese instead of a white screen (src/platform/browser-gate.ts,
 * first in <head>). On a real Chromium 81 (chrome-aws-lambda@3.0.4), and in today's Chromium with the
 * user agents of IE, 360 in 兼容模式 and old domestic kernels; both builds; the CSP lets it run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENTS } from '../e2e-floor/agents.ts';
import { appPage, launchOldChromium, waitForText } from '../e2e-floor/harness.ts';
import { launchBrowser } from './browser.ts';
import { DIST, ensureBuilt, serveStatic, singleFileUrl } from './build-support.ts';

const TITLE = '当前浏览器无法使用本工具';

/** Records CSP violations from the first script on. */
function recordViolations() {
  const seen: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
  );
}

let dir: string;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'nianbao-below-'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('below the floor: a message, not a white screen', () => {
  it('real Chromium 81 on the single file: the message names its version and what to use', async () => {
    const old = await launchOldChromium(81, join(dir, 'profile-81'));
    try {
      expect(old.version).toMatch(/^HeadlessChrome\/81\./);
      const { page } = await appPage(old.browser, join(dir, 'downloads'));
      await page.evaluateOnNewDocument(recordViolations);
      await page.goto(singleFileUrl());
      const text = await waitForText(page, '#browser-gate', TITLE);
      expect(text).toContain('浏览器内核为 Chromium 81，低于本工具需要的 86');
      expect(text).toContain('Chromium 86 及以上内核的浏览器');
      expect(await page.$eval('#app', (el) => getComputedStyle(el).display)).toBe('none');
      expect(
        await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      ).toEqual([]);
    } finally {
      await old.close();
    }
  });

  const cases: [string, string, string[]][] = [
    ['IE 11', AGENTS.ie11, ['Internet Explorer 或浏览器的“兼容模式”', '极速模式']],
    ['360 in 兼容模式', AGENTS.se360Compat, ['360 浏览器正处于“兼容模式”（IE 内核）', '切换到“极速模式”']],
    ['Edge in IE mode', AGENTS.edgeIeMode, ['退出 Internet Explorer 模式']],
    ['奇安信 on Chromium 80', AGENTS.qax80, ['Chromium 80', '请升级奇安信可信浏览器到最新版本']],
    ['麒麟 on Chromium 78', AGENTS.kylin78, ['Chromium 78', '请升级麒麟浏览器']],
    ['QQ on Chromium 70', AGENTS.qq70, ['Chromium 70', 'QQ 浏览器处于“极速模式”']],
  ];
  for (const [name, userAgent, expected] of cases) {
    it(`user agent of ${name}: the advice for it, within the CSP`, async () => {
      const context = await browser.newContext({ userAgent });
      await context.addInitScript(recordViolations);
      const page = await context.newPage();
      await page.goto(singleFileUrl());
      const gate = page.locator('#browser-gate');
      await gate.waitFor();
      const text = await gate.innerText();
      expect(text).toContain(TITLE);
      for (const part of expected) expect(text).toContain(part);
      expect(
        await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      ).toEqual([]);
      await context.close();
    });
  }

  it('奇安信 on Chromium 102 and the intranet build over http: no message, the app starts', async () => {
    const server = await serveStatic(DIST);
    try {
      for (const url of [singleFileUrl(), server.url]) {
        const context = await browser.newContext({ userAgent: AGENTS.qax102 });
        const page = await context.newPage();
        await page.goto(url);
        await page.getByRole('button', { name: '新建', exact: true }).waitFor();
        expect(await page.locator('#browser-gate').count()).toBe(0);
        await context.close();
      }
      // The intranet build carries the gate too.
      const context = await browser.newContext({ userAgent: AGENTS.ie11 });
      const page = await context.newPage();
      await page.goto(server.url);
      expect(await page.locator('#browser-gate').innerText()).toContain(TITLE);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
