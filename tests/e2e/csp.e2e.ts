/**
 * The CSP of the BUILT pages refuses every way out: fetch (https, data:), XHR, WebSocket, a remote
 * image, a remote script, a form post, eval — in the single file from file:// and in the intranet build.
 * The page's own inline script (allowed by its hash) ran: the draft list is there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuilt, launchProfile, serveStatic, singleFileUrl } from './build-support.ts';

let profile: string;
beforeAll(async () => {
  ensureBuilt();
  profile = await mkdtemp(join(tmpdir(), 'nianbao-csp-'));
}, 300_000);
afterAll(async () => {
  await rm(profile, { recursive: true, force: true });
});

/** Tries every way out from the page; each entry says whether it was refused. */
function attempts(page: Page) {
  return page.evaluate(async () => {
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => false,
        () => true,
      );
    const event = (make: (done: (refused: boolean) => void) => void) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 3000);
        make((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const result = {
      fetchHttps: await refused(fetch('https://example.com/collect')),
      fetchLoopback: await refused(fetch('http://127.0.0.1:9/')),
      fetchData: await refused(fetch('data:text/plain,hi')),
      xhr: await event((done) => {
        const xhr = new XMLHttpRequest();
        xhr.onerror = () => done(true);
        xhr.onload = () => done(false);
        try {
          xhr.open('GET', 'https://example.com/x');
          xhr.send();
        } catch {
          done(true);
        }
      }),
      webSocket: await event((done) => {
        try {
          const ws = new WebSocket('wss://example.com/');
          ws.onerror = () => done(true);
          ws.onopen = () => done(false);
        } catch {
          done(true);
        }
      }),
      image: await event((done) => {
        const img = new Image();
        img.onerror = () => done(true);
        img.onload = () => done(false);
        img.src = 'https://example.com/pixel.png';
      }),
      script: await event((done) => {
        const s = document.createElement('script');
        s.onerror = () => done(true);
        s.onload = () => done(false);
        s.src = 'https://example.com/x.js';
        document.head.append(s);
      }),
      evalRefused: (() => {
        try {
          // biome-ignore lint/security/noGlobalEval: proving the CSP refuses it
          eval('1');
          return false;
        } catch {
          return true;
        }
      })(),
    };
    // sendBeacon answers true once queued; the CSP refuses it later (a connect-src violation, no request).
    navigator.sendBeacon('https://example.com/beacon', 'x');
    await new Promise((r) => setTimeout(r, 300));
    return { result, violations: [...new Set(violations)].sort() };
  });
}

async function check(url: string, allowedOrigin: string | null) {
  const context = await launchProfile(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const leaving: string[] = [];
  page.on('requestfinished', (r) => {
    if (!/^(data|blob|file):/.test(r.url()) && !(allowedOrigin && r.url().startsWith(allowedOrigin)))
      leaving.push(r.url());
  });
  try {
    await page.goto(url);
    await page.getByRole('button', { name: '新建', exact: true }).waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
    const { result, violations } = await attempts(page);
    expect(result).toEqual({
      fetchHttps: true,
      fetchLoopback: true,
      fetchData: true,
      xhr: true,
      webSocket: true,
      image: true,
      script: true,
      evalRefused: true,
    });
    expect(violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem']));
    expect(leaving).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('the Content-Security-Policy of the built tool', () => {
  it('refuses every connection from the single file (file://)', async () => {
    await check(singleFileUrl(), null);
  });

  it('refuses every connection from the intranet build, its own server included', async () => {
    const server = await serveStatic(DIST);
    try {
      await check(server.url, server.url);
    } finally {
      await server.close();
    }
  });
});
