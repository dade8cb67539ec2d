/**
 * Helpers for the end-to-end tests of the BUILT tool (offline, CSP, startup bench): one shared build
 * (reused while newer than every source), a tiny static server for the intranet build, persistent
 * Chromium profiles with the pickers removed and every request and CSP violation recorded.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { SINGLE_FILE_NAME } from '../../scripts/vite/shared.ts';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const SINGLE_FILE = join(DIST, SINGLE_FILE_NAME);
export const singleFileUrl = () => pathToFileURL(SINGLE_FILE).href;

const SOURCES = [
  'src',
  'index.html',
  'vite.config.ts',
  'vite.singlefile.config.ts',
  'scripts/vite',
  'public',
  'package.json',
];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds dist/ (intranet) and the single file, unless both are newer than every source. */
export function ensureBuilt(): void {
  const built = [join(DIST, 'index.html'), join(DIST, 'sw.js'), SINGLE_FILE];
  if (built.every(existsSync)) {
    const oldestBuilt = Math.min(...built.map((f) => statSync(f).mtimeMs));
    const newestSource = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
    if (oldestBuilt > newestSource) return;
  }
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // vitest sets NODE_ENV=test, which would build a development bundle (preact's debug paths, 55 KB
  // more): test what `npm run build` ships.
  const options = { cwd: ROOT, stdio: 'inherit' as const, env: { ...process.env, NODE_ENV: 'production' } };
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error'], options);
  execFileSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.singlefile.config.ts', '--logLevel', 'error'],
    options,
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Any static server will do: this one serves a folder on 127.0.0.1 with no special headers at all. */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server did not listen');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface Watched {
  /** Requests to anything but file:, data:, blob:, chrome-extension: (and the allowed origin). */
  foreign: string[];
  /** CSP violations reported in the page: "directive blocked-uri". */
  violations: () => Promise<string[]>;
  errors: string[];
}

/** A persistent profile (IndexedDB survives close and relaunch) without the File System Access pickers. */
export async function launchProfile(dir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const name of ['showSaveFilePicker', 'showOpenFilePicker', 'showDirectoryPicker']) {
      delete w[name];
      delete (Window.prototype as unknown as Record<string, unknown>)[name];
    }
    const seen: string[] = [];
    w.__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return context;
}

/** Watches a page: requests leaving the machine (or the allowed origin), CSP violations, errors. */
export function watch(page: Page, allowedOrigin: string | null = null): Watched {
  const foreign: string[] = [];
  page.context().on('request', (req) => {
    const url = req.url();
    if (/^(data|blob|file|about|chrome-extension):/.test(url)) return;
    if (allowedOrigin && url.startsWith(allowedOrigin)) return;
    foreign.push(url);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    foreign,
    errors,
    violations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}
