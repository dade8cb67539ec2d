/**
 * The single HTML file's PDF worker (vite.singlefile.config.ts uses this file in place of
 * create-pdf-worker.ts). The worker's code sits at the end of the page in parts of
 * <script type="text/plain" data-part> (the first id="nianbao-pdf-worker"), put there by
 * scripts/vite/embed-worker-plugin.ts,
 * after the app's own script: the ~12 MB of fonts never delay the draft list, and nothing is fetched.
 */

// Makes Vite build the worker into its own file, which the plugin moves into the page; only the
// file's name is used, to check that the embedded code is this build's.
import workerUrl from '../../pdf/worker.ts?worker&url';
import { lazyWorker } from '../../platform/lazy-worker.ts';

/** The id of the element that holds the worker's code (the build plugin uses the same id). */
export const PDF_WORKER_ELEMENT_ID = 'nianbao-pdf-worker';

/** Resolves once the page has been parsed to its end, where the worker's code is. */
const pageParsed = () =>
  document.readyState !== 'loading'
    ? Promise.resolve()
    : new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve()));

// One blob for the page's lifetime: every export dialog starts its worker from it.
let blobUrl: string | null = null;

async function loadFromPage() {
  await pageParsed();
  if (!blobUrl) {
    const element = document.getElementById(PDF_WORKER_ELEMENT_ID);
    const parts = Array.from(document.querySelectorAll<HTMLElement>('script[type="text/plain"][data-part]'));
    const complete =
      parts.length === Number(element?.dataset.parts) && parts.every((p, i) => p.dataset.part === String(i));
    const code = parts.map((part) => part.textContent ?? '').join('');
    if (!element || !complete || !code || !workerUrl.endsWith(`/${element.dataset.file}`)) {
      throw new Error('页面中缺少本版本的 PDF 导出组件');
    }
    blobUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  }
  const url = blobUrl;
  // Classic, not { type: 'module' }: Chromium refuses module workers from blob: URLs on file://.
  return () => new Worker(url);
}

export function createPdfWorker(): Worker {
  return lazyWorker(loadFromPage) as unknown as Worker;
}
