/**
 * Shared end-to-end harness: Debian's Chromium driven by playwright-core, a vite server for the app,
 * and a request counter (the tool must never touch the network).
 */
import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('找不到 Chromium：请先运行 apt-get install -y chromium（.ci/run 会自动安装）');
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export async function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

/** A vite dev server for the app on a free loopback port. */
export async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  const server: ViteDevServer = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    // Every dependency is found at start-up, also those behind lazy imports and workers: one found
    // later makes Vite optimise again mid-run, and with hmr off a page loading then can be left with
    // outdated module URLs and never start (seen once on a fresh clone, as a draft list that never came).
    optimizeDeps: { entries: ['index.html', 'src/**/*.{ts,tsx}'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not listen');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** Records every request that is not to the app's own origin (or file:, data:, blob:). */
export function watchRequests(page: Page, allowedOrigin: string | null): string[] {
  const foreign: string[] = [];
  page.context().on('request', (req) => {
    const url = req.url();
    if (/^(data|blob|file|about|chrome-extension):/.test(url)) return;
    if (allowedOrigin && url.startsWith(allowedOrigin)) return;
    foreign.push(url);
  });
  return foreign;
}
