/**
 * Bench pages in headless Chromium. The pages live in bench/pages/ (an .html and a .ts each); they are
 * built with `vite build` into a temp dir, with the app's own build settings (target, fonts inlined
 * into the PDF worker, one-chunk worker), and served by `vite preview` on a loopback port, so the
 * figures are those of production code, not of the dev server's on-the-fly transforms.
 * A page sets `window.bench` to an object of async functions; `call()` runs one of them in the page,
 * where the clock is read (no DevTools round trip inside a measurement).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { BUILD_TARGET, inlineFonts, workerOptions } from '../../scripts/vite/shared.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser.ts';

export const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

export interface BuiltPages {
  /** The address of a built page, e.g. url('storage') → http://127.0.0.1:PORT/storage.html */
  url(page: string): string;
  outDir: string;
  /** Bytes of every built file whose name passes `match` (to report what a page costs). */
  bytesOf(match: (file: string) => boolean): number;
  /** Stops the server and deletes the build. */
  close(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Production build of the named pages (bench/pages/<name>.html), served on 127.0.0.1. */
export async function buildPages(
  names: readonly string[],
  options: { inlineAssets?: (file: string) => boolean | undefined } = {},
): Promise<BuiltPages> {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-pages-'));
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  try {
    await build({
      configFile: false,
      root: PAGES_DIR,
      base: './',
      logLevel: 'error',
      plugins: [preact()],
      build: {
        outDir,
        emptyOutDir: true,
        target: BUILD_TARGET,
        assetsInlineLimit: options.inlineAssets ?? inlineFonts,
        rolldownOptions: { input: Object.fromEntries(names.map((n) => [n, join(PAGES_DIR, `${n}.html`)])) },
      },
      worker: workerOptions,
    });
    const server = await preview({
      configFile: false,
      root: PAGES_DIR,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('vite preview did not listen');
    return {
      url: (page) => `http://127.0.0.1:${address.port}/${page}.html`,
      outDir,
      bytesOf: (match) =>
        filesUnder(outDir)
          .filter(match)
          .reduce((sum, f) => sum + statSync(f).size, 0),
      async close() {
        await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Headless Debian Chromium with the e2e flags. Incognito-like contexts: IndexedDB lives in memory. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** Chromium on a profile directory, so IndexedDB is written to disk as it is for a clerk. */
export function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Opens a bench page and waits for its `window.bench`; page errors are turned into a thrown Error. */
export async function openBenchPage(page: Page, url: string): Promise<Page> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  try {
    await page.waitForFunction(() => 'bench' in window, null, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`bench page ${url} did not start${errors.length ? `: ${errors.join('; ')}` : ''}`, {
      cause: error,
    });
  }
  return page;
}

type AsyncApi = Record<string, (...args: never[]) => Promise<unknown>>;

/** Runs `window.bench[name](...args)` in the page and returns its (JSON-serialisable) result. */
export function call<Api extends AsyncApi, K extends keyof Api & string>(
  page: Page,
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  return page.evaluate(([n, a]) => (window as unknown as { bench: AsyncApi }).bench[n]!(...(a as never[])), [
    name,
    args,
  ] as const) as Promise<Awaited<ReturnType<Api[K]>>>;
}

/**
 * The machine's 1-minute load average and core count, to print next to tail figures: other work on
 * a shared machine (tests, builds, other browsers) shows up in p95 long before it moves a median.
 */
export function machineLoad(): string {
  return `load avg ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
}

/**
 * CPU time used so far by every process of the browser (ms), from the DevTools protocol
 * (SystemInfo.getProcessInfo, 10 ms ticks). The difference over an operation is what it cost the
 * machine whatever else runs on it, where wall-clock figures grow with the load: on an idle machine
 * a single-threaded operation takes about its CPU time.
 */
export async function cpuMeter(browser: Browser): Promise<() => Promise<number>> {
  const session = await browser.newBrowserCDPSession();
  return async () => {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { cpuTime: number }[];
    };
    return processInfo.reduce((sum, p) => sum + p.cpuTime, 0) * 1000;
  };
}
