/**
 * Issue 18 item 11 in real Chromium, on the single file from file:// (the only way it is met: there
 * the browser refuses 持久存储): the notice read once (知道了) stays away when the tool is opened again —
 * reloaded, and after the browser is closed and started again on the same profile — while the 存储
 * panel still tells the truth.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADVICE } from '../../src/platform/environment.ts';
import { ensureBuilt, launchProfile, singleFileUrl } from './build-support.ts';
import { SIZES, shot } from './screens-support.ts';

let profile: string;
beforeAll(async () => {
  ensureBuilt();
  profile = await mkdtemp(join(tmpdir(), 'nianbao-notice-'));
}, 300_000);
afterAll(async () => {
  if (profile) await rm(profile, { recursive: true, force: true });
});

const size = SIZES[0]!;

async function openTool(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.goto(singleFileUrl());
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
  return page;
}

const notice = (page: Page) => page.locator('.environment-notice');

it('item 11: the 「持久存储」 notice read once (知道了) does not come back; the 存储 panel still says it', async () => {
  let context = await launchProfile(profile);
  let page = await openTool(context);
  expect(await notice(page).innerText()).toContain(ADVICE.fileNoPersist);
  await shot(page, size, 'start-file-notice');
  await notice(page)
    .getByRole('button', { name: /^知道了/ })
    .click();
  expect(await notice(page).count()).toBe(0);

  // Opened again: reloaded, then the browser closed and started again on the same profile.
  await page.reload();
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
  expect(await notice(page).count()).toBe(0);
  await context.close();
  context = await launchProfile(profile);
  page = await openTool(context);
  expect(await notice(page).count()).toBe(0);

  // The 存储 panel still tells the truth.
  await page.getByRole('navigation', { name: '导航' }).getByRole('button', { name: '存储' }).click();
  const storage = page.getByRole('dialog', { name: '设置/存储' });
  await expect.poll(() => storage.innerText()).toMatch(/持久存储\s*未开启/);
  await context.close();
});
