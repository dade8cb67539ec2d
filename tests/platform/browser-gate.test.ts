/**
 * The unsupported-browser gate: which browsers it stops, what it tells each one, that it writes its
 * message into the page, and that what goes into the page is ES5 (it must parse in IE's 兼容模式).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserGateScript } from '../../scripts/vite/browser-gate-plugin.ts';
import { browserName, gateMessage, runGate, unsupportedReason } from '../../src/platform/browser-gate.ts';
import { AGENTS } from '../e2e-floor/agents.ts';

const scope = (userAgent: string, more: Partial<Parameters<typeof unsupportedReason>[0]> = {}) => ({
  navigator: { userAgent },
  document: {},
  indexedDB: {},
  modernApis: true,
  ...more,
});

describe('which browsers the gate stops', () => {
  it('lets Chromium 86 and newer through, domestic ones included', () => {
    for (const ua of [AGENTS.chrome120, AGENTS.chromium86, AGENTS.qax102])
      expect(unsupportedReason(scope(ua))).toBeNull();
  });

  it('stops IE and every IE engine (兼容模式, Edge IE mode, a document mode)', () => {
    for (const ua of [AGENTS.ie11, AGENTS.se360Compat, AGENTS.edgeIeMode])
      expect(unsupportedReason(scope(ua))).toEqual({ kind: 'ie' });
    expect(unsupportedReason(scope(AGENTS.chrome120, { document: { documentMode: 11 } }))).toEqual({
      kind: 'ie',
    });
  });

  it('stops Chromium below 86 by its version, and a kernel hiding its version by what it lacks', () => {
    expect(unsupportedReason(scope(AGENTS.chromium81))).toEqual({ kind: 'old', version: 81 });
    expect(unsupportedReason(scope(AGENTS.kylin78))).toEqual({ kind: 'old', version: 78 });
    expect(unsupportedReason(scope('SomeBrowser/1.0', { modernApis: false }))).toEqual({
      kind: 'old',
      version: null,
    });
  });

  it('stops a browser without IndexedDB', () => {
    expect(unsupportedReason(scope(AGENTS.chrome120, { indexedDB: undefined }))).toEqual({
      kind: 'no-indexeddb',
    });
  });
});

describe('what it tells the clerk', () => {
  it('names domestic browsers by their user-agent tokens', () => {
    expect(browserName(AGENTS.qax80)).toBe('奇安信可信浏览器');
    expect(browserName(AGENTS.kylin78)).toBe('麒麟浏览器');
    expect(browserName(AGENTS.se360Compat)).toBe('360 浏览器');
    expect(browserName(AGENTS.qq70)).toBe('QQ 浏览器');
    expect(browserName(AGENTS.chromium81)).toBeNull();
  });

  it('兼容模式: switch to 极速模式, naming the browser', () => {
    const text = gateMessage({ kind: 'ie' }, AGENTS.se360Compat).lines.join('\n');
    expect(text).toContain('360 浏览器正处于“兼容模式”（IE 内核）');
    expect(text).toContain('切换到“极速模式”');
    expect(gateMessage({ kind: 'ie' }, AGENTS.edgeIeMode).lines.join('\n')).toContain(
      '退出 Internet Explorer 模式',
    );
    expect(gateMessage({ kind: 'ie' }, AGENTS.ie11).lines.join('\n')).toContain('极速模式');
  });

  it('old kernels: the version, and the upgrade for that browser', () => {
    const qax = gateMessage({ kind: 'old', version: 80 }, AGENTS.qax80).lines.join('\n');
    expect(qax).toContain('浏览器内核为 Chromium 80，低于本工具需要的 86');
    expect(qax).toContain('请升级奇安信可信浏览器到最新版本');
    expect(gateMessage({ kind: 'old', version: 78 }, AGENTS.kylin78).lines.join('\n')).toContain(
      '请升级麒麟浏览器',
    );
    expect(gateMessage({ kind: 'old', version: 70 }, AGENTS.qq70).lines.join('\n')).toContain(
      'QQ 浏览器处于“极速模式”',
    );
    const plain = gateMessage({ kind: 'old', version: 81 }, AGENTS.chromium81);
    expect(plain.title).toBe('当前浏览器无法使用本工具');
    expect(plain.lines.join('\n')).toContain('Chromium 86 及以上内核');
  });
});

describe('in the page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('puts the message first in <body> and hides the app', () => {
    document.body.innerHTML = '<div id="app"><p>白屏</p></div>';
    runGate({ navigator: { userAgent: AGENTS.chromium81 }, document, indexedDB: {} } as never);
    const gate = document.getElementById('browser-gate')!;
    expect(gate.getAttribute('role')).toBe('alert');
    expect(document.body.firstElementChild).toBe(gate);
    expect(gate.textContent).toContain('浏览器内核为 Chromium 81');
    expect(document.getElementById('app')!.style.display).toBe('none');
  });

  it('does nothing on a supported browser', () => {
    document.body.innerHTML = '<div id="app"></div>';
    runGate({ navigator: { userAgent: AGENTS.chrome120 }, document, indexedDB: {} } as never);
    expect(document.getElementById('browser-gate')).toBeNull();
    expect(document.getElementById('app')!.style.display).toBe('');
  });

  it('what goes into the page is ES5 (es-check es5), a few KB', () => {
    const script = browserGateScript();
    expect(script.length).toBeLessThan(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-gate-'));
    try {
      const file = join(dir, 'gate.js');
      writeFileSync(file, script);
      const esCheck = join(dirname(createRequire(import.meta.url).resolve('es-check')), 'cli/index.js');
      const out = execFileSync(process.execPath, [esCheck, 'es5', file, '--checkFeatures', '--noColor'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
      expect(out).toMatch(/ES-Check passed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
