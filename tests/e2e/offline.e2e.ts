/**
 * The built tool with no network: the single HTML file from file://, and the intranet build from a
 * static server on 127.0.0.1, then with that server stopped (the service worker serves everything).
 * Each: create a draft and type, relaunch the browser on the same profile and find it again, save a
 * file (download), export a PDF (download, %PDF-). Not one request leaves the machine, no CSP violation.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST,
  ensureBuilt,
  launchProfile,
  serveStatic,
  singleFileUrl,
  type Watched,
  watch,
} from './build-support.ts';

const profiles: string[] = [];
const newProfileDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-offline-'));
  profiles.push(dir);
  return dir;
};

beforeAll(() => ensureBuilt(), 300_000);
afterAll(async () => {
  for (const dir of profiles) await rm(dir, { recursive: true, force: true });
});

async function open(context: BrowserContext, url: string, allowedOrigin: string | null) {
  const page = context.pages()[0] ?? (await context.newPage());
  const watched = watch(page, allowedOrigin);
  await page.goto(url);
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
  return { page, watched };
}

/** 新建, type the agency, wait for the autosave. */
async function createDraft(page: Page, agency: string) {
  await page.getByRole('button', { name: '新建', exact: true }).click();
  await page.getByLabel('机关名称').fill(agency);
  await expect.poll(() => page.locator('.save-status').innerText(), { timeout: 30_000 }).toMatch(/^已保存/);
}

async function openDraft(page: Page, agency: string) {
  await page.getByRole('button', { name: new RegExp(`^打开：${agency}`) }).click();
  await expect.poll(() => page.getByLabel('机关名称').inputValue()).toBe(agency);
}

/** 保存到文件 (a download: the pickers are removed) holds the typed text. */
async function saveFile(page: Page, agency: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '保存到文件' }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain(agency);
}

/** 导出PDF → 生成并下载: a non-empty PDF. */
async function exportPdf(page: Page) {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: '生成并下载' }).click(),
  ]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBeGreaterThan(10_000);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

async function expectClean(watched: Watched) {
  expect(watched.foreign).toEqual([]);
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
}

describe('the single HTML file from file://, network off', () => {
  it('keeps a draft across a browser restart, saves a file and exports a PDF', async () => {
    const dir = await newProfileDir();
    const agency = '单文件测试局';
    let context = await launchProfile(dir);
    await context.setOffline(true);
    const first = await open(context, singleFileUrl(), null);
    await createDraft(first.page, agency);
    await expectClean(first.watched);
    await context.close();

    context = await launchProfile(dir);
    await context.setOffline(true);
    const again = await open(context, singleFileUrl(), null);
    await openDraft(again.page, agency);
    await saveFile(again.page, agency);
    await exportPdf(again.page);
    await expectClean(again.watched);
    await context.close();
  });
});

describe('the intranet build from a static server, then with it stopped', () => {
  it('works online, then offline from the service worker: draft, file, PDF', async () => {
    const server = await serveStatic(DIST);
    const dir = await newProfileDir();
    const agency = '内网测试局';
    const context = await launchProfile(dir);
    try {
      const { page, watched } = await open(context, server.url, server.url);
      // The first visit installs the offline copy (all files, fonts included) and takes control.
      // <UpdateNotice> registers sw.js; registering it here too is the same registration (same URL
      // and scope), so the test does not depend on where the shell mounts it.
      await page.evaluate(() =>
        navigator.serviceWorker.register('sw.js', { scope: './', updateViaCache: 'none' }),
      );
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 90_000,
      });
      await createDraft(page, agency);
      await expectClean(watched);

      await server.close();
      await context.setOffline(true);
      await page.goto(server.url);
      await page.getByRole('button', { name: '新建', exact: true }).waitFor();
      await openDraft(page, agency);
      await saveFile(page, agency);
      await exportPdf(page);
      await expectClean(watched);
    } finally {
      await context.close();
      await server.close().catch(() => undefined);
    }
  });
});
