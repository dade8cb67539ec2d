// @vitest-environment node
/**
 * The early-open script that goes into <head>: compiled from src/storage/early-open.ts on its own,
 * placed before every other script and covered by the CSP, and really opening both databases.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { withCsp } from '../../scripts/vite/csp-plugin.ts';
import { earlyOpenScript, withEarlyOpen } from '../../scripts/vite/early-storage-plugin.ts';
import { DB_NAME, EARLY_OPEN_KEY, type EarlyOpen, RESCUE_DB_NAME } from '../../src/storage/early-open.ts';
import { V2_STORES } from '../storage/fixtures.ts';

const page =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>t</title></head>' +
  '<body><div id="app"></div><script type="module">app()</script></body></html>';

describe('early-open script', () => {
  it('is small, plain script (no import/export) for Chromium 86', async () => {
    const script = await earlyOpenScript();
    expect(script.length).toBeLessThan(2000);
    expect(script).not.toMatch(/\b(import|export)\b/);
    expect(script).not.toContain('</script');
    expect(script).toContain(DB_NAME);
    expect(script).toContain(RESCUE_DB_NAME);
  });

  it('runs in a window and starts opening both databases', async () => {
    const script = await earlyOpenScript();
    const window = { indexedDB: new IDBFactory() } as { indexedDB: IDBFactory; [EARLY_OPEN_KEY]?: EarlyOpen };
    new Function('window', script)(window);
    const started = window[EARLY_OPEN_KEY];
    expect(started?.drafts?.request).toBeDefined();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      started!.drafts!.request.addEventListener('success', () => resolve(started!.drafts!.request.result));
      started!.drafts!.request.addEventListener('error', () => reject(started!.drafts!.request.error));
    });
    expect([...db.objectStoreNames].sort()).toEqual(V2_STORES);
  });

  it('comes first in <head>, after the CSP that lists its hash', async () => {
    const script = await earlyOpenScript();
    const html = withCsp(withEarlyOpen(page, script));
    const csp = html.indexOf('Content-Security-Policy');
    const early = html.indexOf(`<script>${script}</script>`);
    expect(csp).toBeGreaterThan(0);
    expect(early).toBeGreaterThan(csp);
    expect(early).toBeLessThan(html.indexOf('<title>'));
    expect(html.match(/'sha256-/g)).toHaveLength(2); // the early script and the app's
  });
});
