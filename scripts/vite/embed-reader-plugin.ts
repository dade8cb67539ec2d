/**
 * Single-file build: moves the importer's file reader worker (pdf.js, mammoth, CMaps; emitted by
 * `reader-worker.ts?worker&url` in src/import/files/create-reader-worker.single.ts) into the page
 * at the end of <body>, gzip-compressed, as 7-bit text in <script type="text/plain"> parts
 * (src/platform/embedded-data.ts). Like the PDF exporter's code it sits after the app's own script,
 * so it never delays the draft list, and it is unpacked only when a clerk opens a .pdf or .docx.
 *
 * Must come BEFORE vite-plugin-singlefile in `plugins` (singlefile inlines every .js file it sees).
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { EMBEDDED, embeddedElements } from '../../src/platform/embedded-data.ts';

const READER_FILE = /(^|\/)reader-worker-[\w-]+\.js$/;

export function embedReaderPlugin(): Plugin {
  return {
    name: 'nianbao:embed-reader',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const readers = Object.keys(bundle).filter((name) => READER_FILE.test(name));
        if (readers.length !== 1)
          return this.error(
            `单文件版应恰有一个文件读取组件，实际找到 ${readers.length} 个：${Object.keys(bundle).join('，')}`,
          );
        const name = readers[0]!;
        const item = bundle[name]!;
        const code = item.type === 'chunk' ? item.code : String(item.source);
        delete bundle[name];
        const html = Object.values(bundle).find((i) => i.type === 'asset' && i.fileName.endsWith('.html'));
        if (html?.type !== 'asset') return this.error('单文件版没有 HTML 页面');
        const elements = embeddedElements(
          EMBEDDED.reader,
          gzipSync(Buffer.from(code, 'utf8'), { level: 9 }),
          {
            file: name.split('/').pop()!,
          },
        );
        html.source = String(html.source).replace('</body>', () => `${elements}\n  </body>`);
      },
    },
  };
}
