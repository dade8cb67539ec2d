/**
 * Drafts in the browser (issue 3), proven in real Chromium against the mounted app: a killed
 * browser loses no keystroke older than 1 s, two tabs never overwrite each other, 回收站 and
 * 新建下一年度 through the list, a red banner when storage fails, and 历史版本 after a block paste.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, watchRequests } from './browser.ts';
import {
  cell,
  draftIdOf,
  type OwnedChromium,
  pasteInto,
  saveStatus,
  startOwnedChromium,
  typeCell,
  typeSteadily,
  waitForEditor,
} from './drafts-support.ts';

let app: { url: string; close(): Promise<void> };
let browser: Browser;
const profiles: string[] = [];
/** Chromiums started by the crash test, closed in afterAll even when the test fails. */
const owned: OwnedChromium[] = [];

async function startOwned(profile: string): Promise<OwnedChromium> {
  const started = await startOwnedChromium(profile);
  owned.push(started);
  return started;
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const chromium of owned) await chromium.close();
  await browser?.close();
  await app?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

function newProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drafts-e2e-'));
  profiles.push(dir);
  return dir;
}

const OVERVIEW = '一、总体情况';
const overview = (page: Page) => page.getByRole('textbox', { name: OVERVIEW, exact: true });

/** What the clerk types in the crash test: cells of table 3 and a line in 一、总体情况. */
const TYPED_CELLS: Record<string, string> = {
  't3.new.natural': '12',
  't3.new.business': '3',
  't3.granted.natural': '7',
  't3.carriedOut.natural': '5',
};
const TYPED_TEXT = '本年度共收到政府信息公开申请15件，按时答复。';

async function newDraft(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const id = await draftIdOf(page);
  await waitForEditor(page);
  return id;
}

const T3_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
/** Typed without a pause long enough for the 300 ms debounce, until the kill. */
const LATE_TEXT = '本年度依申请公开工作总体平稳，答复均在法定期限内完成，无超期答复情况。';
const PROBLEMS = '五、存在的主要问题及改进情况';

describe('a killed browser (SIGKILL: no pagehide, no beforeunload)', () => {
  it('keeps every keystroke older than 1 s (table 3 and a text section); a draft killed mid-typing opens intact', async () => {
    const profile = newProfile();
    let chromium = await startOwned(profile);
    let page = await chromium.context.newPage();
    const foreign = watchRequests(page, app.url);
    const id = await newDraft(page, app.url);
    for (const [cellId, value] of Object.entries(TYPED_CELLS)) await typeCell(page, cellId, value);
    await overview(page).click();
    await page.keyboard.type(TYPED_TEXT);
    await page.waitForTimeout(1000);
    // Then the clerk types on in another section, a character every 150 ms (never a 300 ms pause),
    // and the machine dies right after the last one.
    await page.getByRole('textbox', { name: PROBLEMS, exact: true }).click();
    const typedAt = await typeSteadily(page, LATE_TEXT, 150);
    const killedAt = Date.now();
    await chromium.kill();

    chromium = await startOwned(profile);
    page = await chromium.context.newPage();
    foreign.push(...watchRequests(page, app.url));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    // The list still has it; it opens from there.
    await page.getByRole('button', { name: /^打开：/ }).click();
    expect(await draftIdOf(page)).toBe(id);
    await waitForEditor(page);
    for (const [cellId, value] of Object.entries(TYPED_CELLS)) {
      expect(await cell(page, cellId).inputValue(), cellId).toBe(value);
    }
    expect(await cell(page, 't3.new.total').inputValue()).toBe('15');
    expect(await overview(page).inputValue()).toBe(TYPED_TEXT);
    // Of the keys typed while the kill came: a prefix survives, nothing garbled, and it holds every
    // key older than 1 s even though the typing never paused.
    const late = await page.getByRole('textbox', { name: PROBLEMS, exact: true }).inputValue();
    expect(LATE_TEXT.startsWith(late)).toBe(true);
    const olderThan1s = typedAt.filter((t) => killedAt - t > 1000).length;
    const lostAge = late.length < typedAt.length ? killedAt - typedAt[late.length]! : 0;
    console.info(
      `[drafts.e2e] typing without pause, killed ${killedAt - typedAt.at(-1)!} ms after the last key: ${late.length} of ${LATE_TEXT.length} characters kept (${olderThan1s} older than 1 s); the newest kept key was ${late.length ? killedAt - typedAt[late.length - 1]! : '-'} ms old, the oldest lost ${lostAge} ms`,
    );
    expect(late.length).toBeGreaterThanOrEqual(olderThan1s);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    // And the reopened draft saves again.
    await typeCell(page, 't3.new.research', '1');
    await expect.poll(() => saveStatus(page)).toMatch(/^已保存 \d\d:\d\d:\d\d$/);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await chromium.close();
  }, 240_000); // two browser starts: slow on a busy machine
});

describe('drafts in one browser', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // A cold vite server on a busy 2-core machine can take long over the first page.
    context.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('two tabs on one draft: the second is read-only and follows live, takes over, nothing is lost', async () => {
    const a = await context.newPage();
    const foreign = watchRequests(a, app.url);
    const id = await newDraft(a, app.url);
    const b = await context.newPage();
    await b.goto(`${app.url}#/draft/${encodeURIComponent(id)}`);
    await waitForEditor(b);
    const takeOver = (page: Page) => page.getByRole('button', { name: '在本页编辑' });
    await takeOver(b).waitFor();
    expect(await cell(b, 't3.new.natural').isDisabled()).toBe(true);
    expect(await overview(b).isDisabled()).toBe(true);
    expect(await takeOver(a).count()).toBe(0);

    // A types; B follows without a reload.
    await typeCell(a, 't3.new.natural', '6');
    await expect.poll(() => cell(b, 't3.new.natural').inputValue()).toBe('6');
    await b.bringToFront();
    await b.screenshot({ path: 'test-results/drafts-read-only.png' });
    await a.bringToFront();

    // A types again and B takes over at once, before A's autosave: A hands over what it has.
    await overview(a).click();
    await a.keyboard.type('甲写的。');
    await takeOver(b).click();
    await takeOver(a).waitFor();
    expect(await cell(a, 't3.new.natural').isDisabled()).toBe(true);
    await expect.poll(() => overview(b).inputValue()).toBe('甲写的。');
    expect(await overview(b).isDisabled()).toBe(false);

    // B types; A follows now.
    await typeCell(b, 't3.new.business', '9');
    await overview(b).click();
    await b.keyboard.press('End');
    await b.keyboard.type('乙补充的。');
    await expect.poll(() => overview(a).inputValue()).toBe('甲写的。乙补充的。');
    await expect.poll(() => saveStatus(b)).toMatch(/^已保存/);

    await a.reload();
    await b.reload();
    for (const page of [a, b]) {
      await waitForEditor(page);
      expect(await cell(page, 't3.new.natural').inputValue()).toBe('6');
      expect(await cell(page, 't3.new.business').inputValue()).toBe('9');
      expect(await overview(page).inputValue()).toBe('甲写的。乙补充的。');
    }
    // After the reload one of them edits, the other is read-only again.
    await expect.poll(async () => (await takeOver(a).count()) + (await takeOver(b).count())).toBe(1);
    // The editing tab closes: the read-only one becomes the editor by itself, and saves.
    const [owner, waiting] = (await takeOver(a).count()) ? [b, a] : [a, b];
    await owner.close();
    await expect.poll(() => takeOver(waiting).count()).toBe(0);
    await typeCell(waiting, 't3.new.research', '2');
    await expect.poll(() => saveStatus(waiting)).toMatch(/^已保存/);
    await waiting.reload();
    await waitForEditor(waiting);
    expect(await cell(waiting, 't3.new.research').inputValue()).toBe('2');
    expect(await overview(waiting).inputValue()).toBe('甲写的。乙补充的。');
    expect(foreign).toEqual([]);
    await waiting.close();
  });

  it('closing the tab right after the last key (pagehide) keeps every keystroke, also with a save under way', async () => {
    // A slow machine (the page's CPU throttled 6×) keeps a save running when the tab closes: a write
    // made in pagehide must not be lost behind it (it was, 3 times in 4, before rescues had their own
    // database). Three rounds.
    for (let round = 1; round <= 3; round++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      const id = await newDraft(page, app.url);
      await typeCell(page, 't3.new.natural', String(20 + round));
      await overview(page).click();
      await page.keyboard.type(`关页前最后一句${round}。`);
      await page.close(); // no wait: the autosave's 300 ms have not passed

      const again = await context.newPage();
      await again.goto(`${app.url}#/draft/${encodeURIComponent(id)}`);
      await waitForEditor(again);
      // The closing page's rescue write is recovered once this page owns the draft (its lock may still
      // be held for a moment by the page that is going away): poll, do not read once.
      await expect
        .poll(() => cell(again, 't3.new.natural').inputValue(), { timeout: 15_000 })
        .toBe(String(20 + round));
      await expect
        .poll(() => overview(again).inputValue(), { timeout: 15_000 })
        .toBe(`关页前最后一句${round}。`);
      await again.close();
    }
  });

  it('回收站, 重命名, 复制, and 新建下一年度 from the sample', async () => {
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('button', { name: '打开示例' }).click();
    const sampleId = await draftIdOf(page);
    await waitForEditor(page);
    // Something to carry over: 2 applications of natural persons pending at the end of 2021.
    await typeCell(page, 't3.carriedOut.natural', '2');
    await expect.poll(() => cell(page, 't3.carriedOut.total').inputValue()).toBe('2');
    const carriedOut: Record<string, string> = {};
    for (const column of T3_COLUMNS) {
      carriedOut[column] = await cell(page, `t3.carriedOut.${column}`).inputValue();
    }
    await expect.poll(() => saveStatus(page)).toMatch(/^已保存/);

    await page.getByRole('button', { name: '草稿列表' }).click();
    const sampleName = '自治区科技厅 2021年度';
    await page.getByRole('button', { name: `新建下一年度：${sampleName}` }).click();
    const nextId = await draftIdOf(page);
    expect(nextId).not.toBe(sampleId);
    await waitForEditor(page);
    expect(await page.getByLabel('报告年度').inputValue()).toBe('2022');
    for (const column of T3_COLUMNS) {
      expect(await cell(page, `t3.carriedIn.${column}`).inputValue(), column).toBe(carriedOut[column]);
      // This year's figures start empty (a total of empty cells shows 0).
      if (column !== 'total')
        expect(await cell(page, `t3.carriedOut.${column}`).inputValue(), column).toBe('');
    }
    // The sample's three text sections are copied and marked 需更新.
    const stale = page.locator('.doc-heading', { hasText: '需更新' });
    expect(await stale.allInnerTexts()).toEqual([
      expect.stringContaining('一、总体情况'),
      expect.stringContaining('五、存在的主要问题及改进情况'),
      expect.stringContaining('六、其他需要报告的事项'),
    ]);
    expect((await overview(page).inputValue()).length).toBeGreaterThan(50);

    await page.getByRole('button', { name: '草稿列表' }).click();
    const nextName = '自治区科技厅 2022年度';
    await page.getByRole('button', { name: `重命名：${nextName}` }).click();
    await page.getByLabel('新名称').fill('2022 年报（初稿）');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '打开：2022 年报（初稿）' }).waitFor();
    await page.getByRole('button', { name: '复制：2022 年报（初稿）' }).click();
    const copy = page.getByRole('button', { name: '打开：2022 年报（初稿）（副本）' });
    await copy.waitFor();

    await page.getByRole('button', { name: '删除：2022 年报（初稿）（副本）' }).click();
    await expect.poll(() => copy.count()).toBe(0);
    await page.getByRole('button', { name: '回收站（1）' }).click();
    await page.screenshot({ path: 'test-results/drafts-trash.png' });
    await page.getByRole('button', { name: '恢复：2022 年报（初稿）（副本）' }).click();
    await page.getByRole('button', { name: '返回草稿列表' }).click();
    await copy.waitFor();
    for (const name of [sampleName, '2022 年报（初稿）']) {
      expect(await page.getByRole('button', { name: `打开：${name}`, exact: true }).count(), name).toBe(1);
    }
    await page.getByRole('button', { name: '回收站（0）' }).waitFor();
    // The copy is a real copy: its 上年结转 is the sample's 结转.
    await copy.click();
    await waitForEditor(page);
    expect(await cell(page, 't3.carriedIn.natural').inputValue()).toBe('2');
    await page.close();
  });

  it('历史版本: a block paste over filled cells keeps 整块粘贴前; preview and restore it', async () => {
    const page = await context.newPage();
    await newDraft(page, app.url);
    await typeCell(page, 't3.new.natural', '1');
    await typeCell(page, 't3.new.business', '2');
    await expect.poll(() => saveStatus(page)).toMatch(/^已保存/);
    await pasteInto(page, 't3.new.natural', '7\t8\n');
    await expect.poll(() => cell(page, 't3.new.business').inputValue()).toBe('8');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('7');

    await page.getByRole('button', { name: '历史版本' }).click();
    const pasted = page.locator('.history-list button', { hasText: '整块粘贴前' });
    await pasted.waitFor();
    await pasted.click();
    const preview = page.getByRole('region', { name: /^预览 .*（只读）$/ });
    await preview.waitFor();
    // What the revision changes: the two pasted cells and their total, old value then current.
    const changed = await preview.innerText();
    expect(changed).toContain('有 3 处不同');
    expect(changed).toMatch(/一、本年新收政府信息公开申请数量·自然人\s+1\s+7/);
    await page.screenshot({ path: 'test-results/drafts-history.png', fullPage: false });
    await page.getByRole('button', { name: '恢复此版本' }).click();
    await page.getByRole('button', { name: '确认恢复此版本' }).click();
    await expect.poll(() => cell(page, 't3.new.natural').inputValue()).toBe('1');
    expect(await cell(page, 't3.new.business').inputValue()).toBe('2');
    await page.locator('.history-list button', { hasText: '恢复历史版本前' }).waitFor();
    // The restored content is what is stored.
    await page.reload();
    await waitForEditor(page);
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('1');
    await page.close();
  });

  it('QuotaExceededError on a write: 保存失败（…）, the red banner, the screen keeps what was typed', async () => {
    const page = await context.newPage();
    await newDraft(page, app.url);
    await typeCell(page, 't3.new.natural', '3');
    await expect.poll(() => saveStatus(page)).toMatch(/^已保存/);
    await page.evaluate(() => {
      const w = window as unknown as { realPut?: unknown };
      w.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await typeCell(page, 't3.new.business', '4');
    await overview(page).click();
    await page.keyboard.type('空间满了也要留在屏幕上。');
    await expect.poll(() => saveStatus(page)).toBe('保存失败（存储空间已满）');
    const banner = page.getByRole('alert').filter({ hasText: '存储空间已满' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('保存到文件');
    expect(await cell(page, 't3.new.business').inputValue()).toBe('4');
    expect(await overview(page).inputValue()).toBe('空间满了也要留在屏幕上。');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/drafts-quota.png' });

    // Space comes back: the next edit saves everything that was kept in memory.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (window as unknown as { realPut: IDBObjectStore['put'] }).realPut;
    });
    await typeCell(page, 't3.new.research', '5');
    await expect.poll(() => saveStatus(page)).toMatch(/^已保存/);
    await page.reload();
    await waitForEditor(page);
    expect(await cell(page, 't3.new.business').inputValue()).toBe('4');
    expect(await overview(page).inputValue()).toBe('空间满了也要留在屏幕上。');
    await page.close();
  });
});

describe('IndexedDB refused', () => {
  it('opens on memory with the red banner, and the clerk can still create a draft and type', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(60_000);
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('refused (test)', 'SecurityError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    const banner = page.getByRole('alert').filter({ hasText: '无法使用浏览器存储' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('保存到文件');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await waitForEditor(page);
    await typeCell(page, 't3.new.natural', '8');
    await overview(page).click();
    await page.keyboard.type('只在内存中。');
    // Kept in memory, and the status line says so instead of 已保存.
    await expect.poll(() => saveStatus(page)).toBe('只在内存中（未存入浏览器，关闭页面即丢失）');
    expect(await cell(page, 't3.new.natural').inputValue()).toBe('8');
    expect(await overview(page).inputValue()).toBe('只在内存中。');
    // On the draft the banner offers 保存到文件.
    expect(await banner.getByRole('button', { name: '保存到文件' }).count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/drafts-no-storage.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a newer version of the tool opened in another tab', () => {
  it('this tab lets it upgrade, says so in the red banner, stops saving and keeps the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await newDraft(page, app.url);
    await typeCell(page, 't3.new.natural', '5');
    await expect.poll(() => saveStatus(page)).toMatch(/^已保存/);

    // The "newer version": the same database, one schema version up, from another tab.
    const newer = await context.newPage();
    await newer.goto(`${app.url}#/`);
    const upgraded = await newer.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('nianbao-tool', 3);
          request.onsuccess = () => resolve(`opened v${request.result.version}`);
          request.onerror = () => resolve(`failed: ${request.error?.name}`);
          request.onblocked = () => resolve('blocked');
        }),
    );
    expect(upgraded).toBe('opened v3');

    const banner = page.getByRole('alert').filter({ hasText: '新版本' });
    await banner.waitFor();
    await typeCell(page, 't3.new.business', '6');
    await expect.poll(() => saveStatus(page)).toMatch(/^保存失败（/);
    expect(await cell(page, 't3.new.business').inputValue()).toBe('6');
    expect(await cell(page, 't3.new.total').inputValue()).toBe('11');
    await context.close();
  });
});
