/**
 * The single HTML file's file reader worker (vite.singlefile.config.ts uses this file in place of
 * create-reader-worker.ts): its code (pdf.js, mammoth, CMaps; gzip) sits at the end of the page as
 * 7-bit text (src/platform/embedded-data.ts), put there by scripts/vite/embed-reader-plugin.ts; it
 * is unpacked into a blob: URL when the first .pdf or .docx is opened. Nothing is fetched.
 */
// Makes Vite build the worker into its own file, which the plugin moves into the page; only the
// file's name is used here, to check that the embedded code is this build's.

import { EMBEDDED, readEmbedded } from '../../platform/embedded-data.ts';
import { gunzip } from '../../platform/gunzip.ts';
import workerUrl from './reader-worker.ts?worker&url';

let url: Promise<string> | null = null;

async function codeUrl(): Promise<string> {
  const code = readEmbedded(document, EMBEDDED.reader);
  if (!workerUrl.endsWith(`/${code.attributes.file}`)) throw new Error('页面中缺少本版本的文件读取组件');
  const bytes = await gunzip(code.bytes);
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
}

export async function createReaderWorker(): Promise<Worker> {
  url ??= codeUrl();
  url.catch(() => {
    url = null;
  });
  // Classic, not { type: 'module' }: Chromium refuses module workers from blob: URLs on file://.
  return new Worker(await url);
}
