/**
 * Puts src/storage/early-open.ts into every built page as a small classic <script> right after
 * <meta charset> (the CSP meta, added later, goes before it and hashes it): the browser starts
 * opening IndexedDB before it has even read the app's script. See early-open.ts for why.
 *
 * early-open.ts is compiled on its own (it imports nothing), its `export`s dropped, and run as
 * `startEarlyOpen(window)` inside a function, minified (~0.9 KB).
 */
import { readFileSync } from 'node:fs';
import { minifySync } from 'rolldown/utils';
import { type Plugin, transformWithOxc } from 'vite';
import { BUILD_TARGET, htmlTransformPlugin } from './shared.ts';

const SOURCE = new URL('../../src/storage/early-open.ts', import.meta.url);

/** The early-open script as it goes into the page. */
export async function earlyOpenScript(): Promise<string> {
  const source = readFileSync(SOURCE, 'utf8');
  if (/^\s*import\b/m.test(source))
    throw new Error('src/storage/early-open.ts 不能 import 其他模块：它单独内联到页面');
  const { code } = await transformWithOxc(source, 'early-open.ts', { lang: 'ts', target: BUILD_TARGET });
  const program = `(function(){${code.replace(/^export /gm, '')}\nstartEarlyOpen(window);})();`;
  return minifySync('early-open.js', program).code.trim();
}

/** Inserts the script after <meta charset> (and after the browser gate, which must run first). */
export function withEarlyOpen(html: string, script: string): string {
  const charset = /<meta charset="[^"]*"\s*\/?>(\s*<script data-browser-gate>[\s\S]*?<\/script>)?/i.exec(
    html,
  );
  if (!charset) throw new Error('index.html 缺少 <meta charset>');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}\n    <script>${script}</script>${html.slice(at)}`;
}

export function earlyStoragePlugin(): Plugin {
  let script = '';
  return {
    ...htmlTransformPlugin('nianbao:early-storage', (html) => withEarlyOpen(html, script)),
    async buildStart() {
      script = await earlyOpenScript();
    },
  };
}
