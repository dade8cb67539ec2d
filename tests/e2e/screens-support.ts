/**
 * Helpers for the screen tests of issue 18 (tests/e2e/screens-*.e2e.ts): the office screens they run
 * at, pages in a fresh profile at those sizes, and what a clerk can see — a box inside the window and
 * not covered by anything (document.elementFromPoint).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';

export interface ScreenSize {
  /** For test names and screenshot files. */
  name: string;
  tag: string;
  /** The CSS viewport: the screen divided by the device scale (1366×768 at 125 % is 1093×614). */
  width: number;
  height: number;
  scale: number;
}

/** The most common office laptop, a desktop screen, and the laptop at Windows' 125 % and 150 %. */
export const SIZES: readonly ScreenSize[] = [
  { name: '1366×768', tag: '1366', width: 1366, height: 768, scale: 1 },
  { name: '1920×1080', tag: '1920', width: 1920, height: 1080, scale: 1 },
  { name: '1366×768 at 125%', tag: '1366-125', width: 1093, height: 614, scale: 1.25 },
  { name: '1366×768 at 150%', tag: '1366-150', width: 911, height: 512, scale: 1.5 },
];

/** A page in a fresh profile (its own storage) at `size`, on the app's start page. */
export async function pageAt(browser: Browser, url: string, size: ScreenSize): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
  });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
  return page;
}

/** Script errors the page has thrown so far. */
export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

/** 打开示例 from the start page: the sample report (2021) in the editor. */
export async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '打开示例' }).click();
  await page.getByLabel('机关名称').waitFor();
}

/** Where screenshots go for a person to look at (never committed): SCREENS_DIR, else test-results/screens. */
const SHOTS = process.env.SCREENS_DIR ?? 'test-results/screens';

/** A screenshot of the window for a person to look at. */
export async function shot(page: Page, size: ScreenSize, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${size.tag}-${name}.png` });
}

export interface Seen {
  /** Entirely inside the window. */
  inside: boolean;
  /** What is on top at the box's centre is the box itself (or inside it). */
  onTop: boolean;
  /** What is on top there, when it is not the box (for the failure message). */
  coveredBy: string;
  top: number;
  bottom: number;
}

/** Whether the clerk can see the element: inside the window, and not under any other element. */
export function seen(locator: Locator): Promise<Seen> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 12);
    const y = box.top + Math.min(box.height / 2, 10);
    const hit = document.elementFromPoint(x, y);
    const onTop = hit !== null && (hit === el || el.contains(hit));
    const name = (e: Element | null) =>
      e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}` : 'nothing';
    return {
      inside: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      onTop,
      coveredBy: onTop ? '' : name(hit),
      top: Math.round(box.top),
      bottom: Math.round(box.bottom),
    };
  });
}

/** The expectation of `seen`: inside the window and on top (the failure names what covers it). */
export const visibleToClerk = { inside: true, onTop: true, coveredBy: '' };

/** The bottom of the bar stuck to the top of the window (the draft's toolbar, or the app's bar). */
export const barBottom = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const bar = document.querySelector('.draft-sticky') ?? document.querySelector('.topbar');
    return bar ? Math.round(bar.getBoundingClientRect().bottom) : 0;
  });

/** Lines the element's own text takes on screen (distinct line boxes of its direct text nodes). */
export function linesOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const tops = new Set<number>();
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 1) tops.add(Math.round(rect.top));
    }
    return tops.size;
  });
}

/** The id (data-cell) of the focused cell, or the focused element's id, or its tag. */
export const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset?.cell ?? (el?.id || el?.tagName || '');
  });
