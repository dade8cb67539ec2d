/**
 * Inlines src/platform/browser-gate.ts as the first script of every page, compiled to ES5 so that it
 * runs in any browser, IE's 兼容模式 included (the app itself needs Chromium 86: the gate says so
 * instead of a white screen). index.html names the file in a classic <script src> right after
 * <meta charset>; this replaces that tag with the inline code, in the dev server and both builds.
 * The CSP plugin (later in `plugins`) hashes it like every inline script.
 *
 * TypeScript lowers the syntax (const, arrows, template literals); the source keeps to ES5 APIs.
 * Not minified: a minifier may print newer syntax (`??`) where it sees fit. ~5 KB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

const SOURCE = join(import.meta.dirname, '../../src/platform/browser-gate.ts');
export const GATE_TAG = /<script src="\/src\/platform\/browser-gate\.ts"><\/script>/;

/** The gate as it goes into the page: ES5, no exports, run at once on `window`. */
export function browserGateScript(): string {
  const source = readFileSync(SOURCE, 'utf8');
  if (/^\s*import\b/m.test(source))
    throw new Error('src/platform/browser-gate.ts 不能 import 其他模块：它单独内联到页面');
  const { outputText } = ts.transpileModule(source.replace(/^export /gm, ''), {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, removeComments: true },
  });
  return `(function(){${outputText.trim()}\nrunGate(window);})();`;
}

export function withBrowserGate(html: string, script: string): string {
  if (!GATE_TAG.test(html)) throw new Error('index.html 缺少 <script src="/src/platform/browser-gate.ts">');
  return html.replace(GATE_TAG, () => `<script data-browser-gate>${script}</script>`);
}

export function browserGatePlugin(): Plugin {
  return {
    name: 'nianbao:browser-gate',
    transformIndexHtml: { order: 'pre', handler: (html) => withBrowserGate(html, browserGateScript()) },
  };
}
