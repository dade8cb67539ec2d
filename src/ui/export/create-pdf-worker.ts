/**
 * Starts the PDF worker. pdf-lib, fontkit and the fonts live in the worker's bundle, so the page
 * loads none of them until the first export.
 */
export function createPdfWorker(): Worker {
  return new Worker(new URL('../../pdf/worker.ts', import.meta.url), { type: 'module' });
}
