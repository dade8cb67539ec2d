/**
 * The PDF worker's entry: `new Worker(new URL('./pdf/worker.ts', import.meta.url), { type: 'module' })`.
 * pdf-lib, fontkit and the fonts load here, on first use, and the page never freezes while exporting.
 */
import { provideBundledFonts } from './font-files.ts';
import { handlePdfRequest } from './worker-handler.ts';
import type { PdfWorkerFonts, PdfWorkerRequest, PdfWorkerResponse } from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfWorkerRequest | PdfWorkerFonts>) => void) | null;
  postMessage(message: PdfWorkerResponse, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  if (event.data.type === 'bundled-fonts') return provideBundledFonts(event.data.fonts);
  void handlePdfRequest(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
