/**
 * The single HTML file's PDF worker (vite.singlefile.config.ts uses this file in place of
 * create-pdf-worker.ts). The worker's code (gzip) and the two fonts (gzip) sit at the end of the
 * page as 7-bit text (src/platform/embedded-data.ts), put there by scripts/vite/embed-worker-plugin.ts
 * after the app's own script: they never delay the draft list, and nothing is fetched. On the first
 * export the page unpacks the code into a blob: URL, starts the worker from it and posts it the fonts.
 */

import type { PdfFontBytes } from '../../pdf/fonts.ts';
// Makes Vite build the worker into its own file, which the plugin moves into the page; only the
// file's name is used, to check that the embedded code is this build's.
import workerUrl from '../../pdf/worker.ts?worker&url';
import type { PdfWorkerFonts } from '../../pdf/worker-protocol.ts';
import { EMBEDDED, readEmbedded } from '../../platform/embedded-data.ts';
import { gunzip } from '../../platform/gunzip.ts';
import { lazyWorker } from '../../platform/lazy-worker.ts';

/** Resolves once the page has been parsed to its end, where the embedded data is. */
const pageParsed = () =>
  document.readyState !== 'loading'
    ? Promise.resolve()
    : new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve()));

// Read once for the page's lifetime: every export dialog starts its worker from these.
let loaded: Promise<{ url: string; fonts: PdfFontBytes }> | null = null;

async function readFromPage() {
  await pageParsed();
  const worker = readEmbedded(document, EMBEDDED.worker);
  if (!workerUrl.endsWith(`/${worker.attributes.file}`)) throw new Error('页面中缺少本版本的 PDF 导出组件');
  const code = await gunzip(worker.bytes);
  const fonts = {
    serif: readEmbedded(document, EMBEDDED.serif).bytes,
    sans: readEmbedded(document, EMBEDDED.sans).bytes,
  };
  return {
    url: URL.createObjectURL(new Blob([code as Uint8Array<ArrayBuffer>], { type: 'text/javascript' })),
    fonts,
  };
}

async function loadFromPage() {
  loaded ??= readFromPage();
  loaded.catch(() => {
    loaded = null;
  });
  const { url, fonts } = await loaded;
  // Classic, not { type: 'module' }: Chromium refuses module workers from blob: URLs on file://.
  return () => {
    const worker = new Worker(url);
    // First message, before any request: copied, not transferred (the next worker needs them too).
    worker.postMessage({ type: 'bundled-fonts', fonts } satisfies PdfWorkerFonts);
    return worker;
  };
}

export function createPdfWorker(): Worker {
  return lazyWorker(loadFromPage) as unknown as Worker;
}
