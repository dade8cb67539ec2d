/**
 * Single-file build: moves the Word export worker's code (emitted by `docx-worker.ts?worker&url` in
 * src/ui/export/create-docx-worker.single.ts) into the page at the end of <body>, gzip-compressed, as
 * 7-bit text in <script type="text/plain"> parts (src/platform/embedded-data.ts), like the PDF
 * worker's. The docx library thus never enters the app's own script, whose size is start-up time.
 *
 * Must come BEFORE vite-plugin-singlefile in `plugins` (singlefile deletes every .js file it sees).
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { EMBEDDED, embeddedElements } from '../../src/platform/embedded-data.ts';

const DOCX_WORKER_FILE = /(^|\/)docx-worker-[\w-]+\.js$/;

export function embedDocxWorkerPlugin(): Plugin {
  return {
    name: 'nianbao:embed-docx-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const workers = Object.keys(bundle).filter((name) => DOCX_WORKER_FILE.test(name));
        if (workers.length !== 1)
          this.error(
            `单文件版应恰有一个 Word 导出组件文件，实际找到 ${workers.length} 个：${Object.keys(bundle).join('，')}`,
          );
        const name = workers[0]!;
        const item = bundle[name]!;
        const code = item.type === 'chunk' ? item.code : String(item.source);
        delete bundle[name];
        const html = Object.values(bundle).find((i) => i.type === 'asset' && i.fileName.endsWith('.html'));
        if (html?.type !== 'asset') return this.error('单文件版没有 HTML 页面');
        const elements = embeddedElements(
          EMBEDDED.docxWorker,
          gzipSync(Buffer.from(code, 'utf8'), { level: 9 }),
          { file: name.split('/').pop()! },
        );
        html.source = String(html.source).replace('</body>', () => `${elements}\n  </body>`);
      },
    },
  };
}
