/**
 * Single-file build: moves the PDF worker's code (emitted by `worker.ts?worker&url` in
 * src/ui/export/create-pdf-worker.single.ts) into the page at the end of <body>, gzip-compressed,
 * with the two fonts, all as 7-bit text in <script type="text/plain"> parts
 * (src/platform/embedded-data.ts); and makes the app's module script `async` and places it right
 * after <div id="app">: the app then starts while the browser is still reading the ~4 MB of worker
 * code and fonts behind it.
 *
 * Must come BEFORE vite-plugin-singlefile in `plugins` (singlefile deletes every .js file it sees).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { FONT_URLS } from '../../src/pdf/font-urls.ts';
import { EMBEDDED, embeddedElements } from '../../src/platform/embedded-data.ts';
import { htmlTransformPlugin } from './shared.ts';

const WORKER_FILE = /(^|\/)worker-[\w-]+\.js$/;

/** The worker's code (gzip) and the fonts (already gzip files) as the page's embedded data. */
export function embeddedWorkerAndFonts(code: string, fileName: string): string {
  return [
    embeddedElements(EMBEDDED.worker, gzipSync(Buffer.from(code, 'utf8'), { level: 9 }), { file: fileName }),
    embeddedElements(EMBEDDED.serif, readFileSync(FONT_URLS.serif)),
    embeddedElements(EMBEDDED.sans, readFileSync(FONT_URLS.sans)),
  ].join('\n');
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
        const elements = embeddedWorkerAndFonts(code, name.split('/').pop()!);
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
