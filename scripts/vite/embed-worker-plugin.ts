/**
 * Single-file build: moves the PDF worker's code (emitted by `worker.ts?worker&url` in
 * src/ui/export/create-pdf-worker.single.ts) into the page at the end of <body>, in parts of
 * <script type="text/plain" data-part> (the first with id="nianbao-pdf-worker"), and makes the app's module script `async` and
 * places it right after <div id="app">: the app then starts while the browser is still reading the
 * ~12 MB of worker code and fonts behind it. A text/plain script is never run, so CSP ignores it.
 *
 * Must come BEFORE vite-plugin-singlefile in `plugins` (singlefile deletes every .js file it sees).
 */
import type { Plugin } from 'vite';
import { htmlTransformPlugin } from './shared.ts';

export const PDF_WORKER_ELEMENT_ID = 'nianbao-pdf-worker';
const WORKER_FILE = /(^|\/)worker-[\w-]+\.js$/;

/** Text that can sit inside a <script> element unchanged (as vite-plugin-singlefile escapes it). */
export const escapeForScriptElement = (code: string) => code.replace(/<(\/script|!--)/gi, '\\x3C$1');

/** Characters per element: Chromium appends a long script text in pieces, recopying it each time. */
export const WORKER_PART_LENGTH = 60_000;

/**
 * The worker's code as consecutive <script type="text/plain"> elements: the first has the id, the
 * file name (to check it is this build's) and the number of parts; each part has data-part.
 */
export function workerElements(code: string, fileName: string): string {
  const escaped = escapeForScriptElement(code);
  const parts: string[] = [];
  for (let at = 0; at < escaped.length; at += WORKER_PART_LENGTH)
    parts.push(escaped.slice(at, at + WORKER_PART_LENGTH));
  return parts
    .map((part, i) => {
      const first =
        i === 0 ? ` id="${PDF_WORKER_ELEMENT_ID}" data-file="${fileName}" data-parts="${parts.length}"` : '';
      return `<script type="text/plain"${first} data-part="${i}">${part}</script>`;
    })
    .join('\n');
}

export function embedWorkerPlugin(): Plugin {
  return {
    name: 'nianbao:embed-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const workers = Object.keys(bundle).filter((name) => WORKER_FILE.test(name));
        if (workers.length !== 1)
          this.error(
            `单文件版应恰有一个 PDF 导出组件文件，实际找到 ${workers.length} 个：${Object.keys(bundle).join('，')}`,
          );
        const name = workers[0]!;
        const item = bundle[name]!;
        const code = item.type === 'chunk' ? item.code : String(item.source);
        delete bundle[name];
        const html = Object.values(bundle).find((i) => i.type === 'asset' && i.fileName.endsWith('.html'));
        if (html?.type !== 'asset') return this.error('单文件版没有 HTML 页面');
        const elements = workerElements(code, name.split('/').pop()!);
        html.source = String(html.source).replace('</body>', () => `${elements}\n  </body>`);
      },
    },
  };
}

/**
 * After singlefile inlined the app's script into <head>: moves it after <div id="app"> as an async
 * module script, which runs as soon as it is parsed instead of after the whole page.
 */
export function startAppEarly(html: string): string {
  const script = /<script type="module"[^>]*>([\s\S]*?)<\/script>\s*/.exec(html);
  if (!script) throw new Error('单文件版找不到应用脚本');
  const without = html.slice(0, script.index) + html.slice(script.index + script[0].length);
  const app = '<div id="app"></div>';
  if (!without.includes(app)) throw new Error('index.html 缺少 <div id="app"></div>');
  return without.replace(app, () => `${app}\n    <script type="module" async>${script[1]}</script>`);
}

export const startAppEarlyPlugin = (): Plugin =>
  htmlTransformPlugin('nianbao:start-app-early', startAppEarly);
