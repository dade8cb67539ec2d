/**
 * Starts the PDF worker. pdf-lib, fontkit and the fonts live in the worker's own chunk, imported on the
 * first export, so the page loads none of them before. The worker runs from a blob: URL
 * (`?worker&inline`) and so inherits the page's CSP: it cannot connect anywhere either.
 * The single HTML file uses create-pdf-worker.single.ts instead (see vite.singlefile.config.ts).
 */
import { lazyWorker } from '../../platform/lazy-worker.ts';

export function createPdfWorker(): Worker {
  // A stand-in with the Worker methods the PDF client uses (WorkerLike in src/pdf/worker-client.ts).
  return lazyWorker(() =>
    import('../../pdf/worker.ts?worker&inline').then(
      ({ default: PdfWorker }) =>
        () =>
          new PdfWorker(),
    ),
  ) as unknown as Worker;
}
