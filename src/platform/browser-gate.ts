/**
 * Below the floor, a message instead of a white screen. This runs first in <head>, in ANY browser
 * (IE in 兼容模式 included): scripts/vite/browser-gate-plugin.ts compiles it to ES5 on its own
 * (nothing imported, `export` dropped) and inlines it as a classic script in both builds, where the
 * CSP hashes it. Write ES5 APIs only: no includes/startsWith/trim/Array.from/Object.assign (IE 7–8
 * document modes lack even trim and Array#indexOf); the syntax is lowered by TypeScript.
 *
 * Unsupported: Internet Explorer or a browser's IE engine (兼容模式, Edge's IE mode), a Chromium
 * older than 86 (by its user agent, or lacking what Chromium 85 brought), no IndexedDB at all.
 * The advice names the browser (domestic ones by their user-agent tokens) and what to click.
 */

export const MIN_CHROMIUM = 86;

export interface GateScope {
  navigator?: { userAgent?: string };
  document?: { documentMode?: number };
  indexedDB?: unknown;
  /** Chromium 85 brought String.prototype.replaceAll and Promise.any (kernels that hide their version). */
  modernApis?: boolean;
}

export type GateReason = { kind: 'ie' } | { kind: 'old'; version: number | null } | { kind: 'no-indexeddb' };

export function chromiumVersion(userAgent: string): number | null {
  const match = /(?:Chrome|Chromium|HeadlessChrome)\/(\d+)\./.exec(userAgent);
  return match ? Number(match[1]) : null;
}

/** Why this browser cannot run the tool, or null when it can. */
export function unsupportedReason(scope: GateScope): GateReason | null {
  const ua = scope.navigator?.userAgent || '';
  if (/Trident\/|MSIE /.test(ua) || scope.document?.documentMode) return { kind: 'ie' };
  const version = chromiumVersion(ua);
  if ((version !== null && version < MIN_CHROMIUM) || scope.modernApis === false)
    return { kind: 'old', version };
  if (!scope.indexedDB) return { kind: 'no-indexeddb' };
  return null;
}

/** The browser by its user-agent token, as the clerk knows it. */
export function browserName(userAgent: string): string | null {
  const names: [RegExp, string][] = [
    [/Qaxbrowser|QAXBrowser|QianXin/i, '奇安信可信浏览器'],
    [/Kylinbrowser|KylinBrowser/i, '麒麟浏览器'],
    [/360SE|360EE|QIHU 360|360Browser/i, '360 浏览器'],
    [/QQBrowser/i, 'QQ 浏览器'],
    [/MetaSr|SogouMobileBrowser/i, '搜狗浏览器'],
    [/LBBROWSER/i, '猎豹浏览器'],
    [/2345Explorer/i, '2345 浏览器'],
    [/UOSBrowser|uos-browser/i, '统信 UOS 浏览器'],
    [/Edg\/|Edge\//, 'Microsoft Edge'],
  ];
  for (let i = 0; i < names.length; i++) if (names[i]![0].test(userAgent)) return names[i]![1];
  return null;
}

export interface GateMessage {
  title: string;
  lines: string[];
}

const GENERAL =
  '请用 Chromium 86 及以上内核的浏览器打开本工具，例如新版 360 安全浏览器、QQ 浏览器、奇安信可信浏览器（均需“极速模式”）、Microsoft Edge 或 Chrome。';

export function gateMessage(reason: GateReason, userAgent: string): GateMessage {
  const name = browserName(userAgent);
  const lines: string[] = [];
  if (reason.kind === 'ie') {
    if (name === 'Microsoft Edge' || (!name && /Edg\//.test(userAgent))) {
      lines.push('Microsoft Edge 正以“Internet Explorer 模式”打开本页面，本工具无法在此模式下运行。');
      lines.push(
        '请点击地址栏左侧的 IE 图标，选择“退出 Internet Explorer 模式”，或在 Edge 设置中取消本页面的 IE 模式。',
      );
    } else if (name) {
      lines.push(`${name}正处于“兼容模式”（IE 内核），本工具无法在此模式下运行。`);
      lines.push('请点击地址栏右侧的闪电或“e”形图标，切换到“极速模式”，页面会自动重新打开。');
    } else {
      lines.push('当前是 Internet Explorer 或浏览器的“兼容模式”（IE 内核），本工具无法运行。');
      lines.push(
        '如果是 360、QQ、奇安信等浏览器，请点击地址栏右侧的闪电或“e”形图标切换到“极速模式”；否则请换用下列浏览器。',
      );
    }
  } else if (reason.kind === 'old') {
    lines.push(
      reason.version === null
        ? `浏览器内核版本过低，本工具需要 Chromium ${MIN_CHROMIUM} 及以上内核。`
        : `浏览器内核为 Chromium ${reason.version}，低于本工具需要的 ${MIN_CHROMIUM}，无法运行。`,
    );
    if (name === '奇安信可信浏览器')
      lines.push('请升级奇安信可信浏览器到最新版本（可联系单位信息化部门），并使用“极速模式”。');
    else if (name === '麒麟浏览器')
      lines.push('请升级麒麟浏览器，或改用本机已安装的奇安信可信浏览器、Chromium 等新版浏览器。');
    else if (name === '360 浏览器' || name === 'QQ 浏览器' || name === '搜狗浏览器')
      lines.push(`请先确认${name}处于“极速模式”（地址栏右侧的闪电图标）；如仍不行，请升级到最新版本。`);
    else if (name) lines.push(`请把${name}升级到最新版本。`);
  } else {
    lines.push('浏览器不提供浏览器存储，草稿无法保存，本工具无法使用。');
    lines.push('可能是浏览器版本过旧或被单位策略禁用：请换用下列浏览器，或联系单位信息化部门。');
  }
  lines.push(GENERAL);
  lines.push('本工具是一个网页文件，不需要安装：换用合适的浏览器后，重新打开同一个文件即可。');
  return { title: '当前浏览器无法使用本工具', lines };
}

interface GateWindow {
  navigator: { userAgent: string };
  document: Document & { documentMode?: number };
  indexedDB?: unknown;
  addEventListener?: (type: string, listener: () => void) => void;
  attachEvent?: (type: string, listener: () => void) => void;
}

/** Puts the message in front of the page; the app's own element is hidden (it may half-start). */
function show(win: GateWindow, message: GateMessage) {
  const doc = win.document;
  const box = doc.createElement('div');
  box.id = 'browser-gate';
  box.setAttribute('role', 'alert');
  // CSSOM, not a style attribute: the CSP allows no inline style attributes.
  box.style.cssText =
    'max-width:40em;margin:3em auto;padding:1.5em 2em;border:2px solid #b3261e;background:#fff;color:#1a1a1a;font-size:16px;line-height:1.8;font-family:sans-serif';
  const title = doc.createElement('h1');
  title.style.cssText = 'font-size:1.4em;color:#b3261e;margin:0 0 0.6em';
  title.appendChild(doc.createTextNode(message.title));
  box.appendChild(title);
  for (let i = 0; i < message.lines.length; i++) {
    const p = doc.createElement('p');
    p.style.margin = '0.4em 0';
    p.appendChild(doc.createTextNode(message.lines[i]!));
    box.appendChild(p);
  }
  const app = doc.getElementById('app');
  if (app) app.style.display = 'none';
  doc.body.insertBefore(box, doc.body.firstChild);
}

export function runGate(win: GateWindow): void {
  let reason: GateReason | null;
  try {
    let indexedDb: unknown;
    try {
      indexedDb = win.indexedDB;
    } catch (_) {
      indexedDb = undefined;
    }
    const strings = String.prototype as unknown as Record<string, unknown>;
    const promise = (typeof Promise === 'function' ? Promise : {}) as Record<string, unknown>;
    reason = unsupportedReason({
      navigator: win.navigator,
      document: win.document,
      indexedDB: indexedDb,
      modernApis: typeof strings.replaceAll === 'function' && typeof promise.any === 'function',
    });
  } catch (_) {
    return;
  }
  if (!reason) return;
  const message = gateMessage(reason, win.navigator.userAgent || '');
  (win as unknown as Record<string, unknown>).__nianbaoUnsupported = true;
  const ready = () => {
    if (!win.document.getElementById('browser-gate')) show(win, message);
  };
  if (win.document.body && win.document.readyState !== 'loading') ready();
  else if (win.addEventListener) win.document.addEventListener('DOMContentLoaded', ready);
  else if (win.attachEvent) win.attachEvent('onload', ready);
}
