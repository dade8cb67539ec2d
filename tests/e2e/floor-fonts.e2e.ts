/**
 * Ctrl+P on a machine without any Chinese font (fontconfig limited to DejaVu): the page borrows the
 * PDF exporter's bundled serif font (src/platform/print-font-fallback.ts), so the printout has every
 * hanzi. Both builds; within the CSP. With the system's fonts, nothing is borrowed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTitle } from '../../src/report/template.ts';
import { squeeze } from '../pdf/fixtures.ts';
import { pdftotext } from '../pdf/poppler.ts';
import { CHROMIUM_ARGS, chromiumPath, launchBrowser } from './browser.ts';
import { DIST, ensureBuilt, serveStatic, singleFileUrl } from './build-support.ts';

let dir: string;
let bare: Browser;
let usual: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'nianbao-nofont-'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  bare = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: conf },
  });
  usual = await launchBrowser();
  server = await serveStatic(DIST);
}, 300_000);

afterAll(async () => {
  await bare?.close();
  await usual?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openSample(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(90_000);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByRole('button', { name: '打开示例' }).click();
  await page.locator('.doc-title').waitFor();
  return { page, errors, close: () => context.close() };
}

const decided = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset.printFont).then((h) => h.jsonValue());

describe('Ctrl+P without any Chinese font on the machine', () => {
  for (const build of ['single file', 'intranet build'] as const) {
    it(`${build}: the bundled serif font prints every hanzi`, async () => {
      const url = build === 'single file' ? singleFileUrl() : server.url;
      const { page, errors, close } = await openSample(bare, url);
      expect(await decided(page)).toBe('bundled');
      await page.emulateMedia({ media: 'print' });
      mkdirSync('test-results', { recursive: true });
      const file = `test-results/print-without-cjk-fonts-${build === 'single file' ? 'single' : 'intranet'}.pdf`;
      writeFileSync(file, await page.pdf({ format: 'A4' }));
      const text = squeeze(pdftotext(file)).normalize('NFKC');
      expect(text).toContain(reportTitle('自治区科技厅', 2021));
      expect(text).toContain('本年度报告根据《中华人民共和国政府信息公开条例》'.normalize('NFKC'));
      // Real glyphs, not the same empty box for every hanzi, in the fonts the title, a heading, the
      // text and the toolbar are drawn with (pdftotext alone would not tell: boxes keep their text).
      const drawn = await page.evaluate(() =>
        ['.doc-title', '.doc-heading', '.doc-text', '.draft-toolbar button'].map((selector) => {
          const font = getComputedStyle(document.querySelector(selector)!).font;
          const canvas = document.createElement('canvas');
          canvas.width = 60;
          canvas.height = 60;
          const context = canvas.getContext('2d')!;
          const picture = (text: string) => {
            context.clearRect(0, 0, 60, 60);
            context.font = font;
            context.textBaseline = 'top';
            context.fillText(text, 2, 2);
            return Array.from(context.getImageData(0, 0, 60, 60).data).join(',');
          };
          return picture('自') !== picture('报');
        }),
      );
      expect(drawn).toEqual([true, true, true, true]);
      expect(
        await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      ).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('with the system’s Chinese fonts, nothing is borrowed', async () => {
    const { page, close } = await openSample(usual, singleFileUrl());
    expect(await decided(page)).toBe('system');
    expect(await page.evaluate(() => [...document.fonts].map((f) => f.family))).not.toContain(
      'Nianbao Serif',
    );
    await close();
  });
});
