/**
 * The single HTML file's Word export worker (vite.singlefile.config.ts uses this file in place of
 * create-docx-worker.ts). Its code sits gzip-compressed at the end of the page as 7-bit text, put there
 * by scripts/vite/embed-docx-worker-plugin.ts: it costs the start-up nothing but reading those bytes.
 * On the first 导出Word the page unpacks it into a blob: URL and starts a classic worker from it.
 */
// Makes Vite build the worker into its own file, which the plugin moves into the page; only the
// file's name is used, to check that the embedded code is this build's.
import workerUrl from '../../export/docx/docx-worker.ts?worker&url';
import { EMBEDDED, readEmbedded } from '../../platform/embedded-data.ts';
import { gunzip } from '../../platform/gunzip.ts';

/** Resolves once the page has been parsed to its end, where the embedded data is. */
const pageParsed = () =>
  document.readyState !== 'loading'
    ? Promise.resolve()
    : new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve()));

let loaded: Promise<string> | null = null;

async function readFromPage(): Promise<string> {
  await pageParsed();
  const worker = readEmbedded(document, EMBEDDED.docxWorker);
  if (!workerUrl.endsWith(`/${worker.attributes.file}`)) throw new Error('页面中缺少本版本的 Word 导出组件');
  const code = await gunzip(worker.bytes);
  return URL.createObjectURL(new Blob([code as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
}

export async function loadDocxWorker(): Promise<() => Worker> {
  loaded ??= readFromPage();
  loaded.catch(() => {
    loaded = null;
  });
  const url = await loaded;
  // Classic, not { type: 'module' }: Chromium refuses module workers from blob: URLs on file://.
  return () => new Worker(url);
}
