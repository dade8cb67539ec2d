/**
 * The PDF worker's entry: `new Worker(new URL('./pdf/worker.ts', import.meta.url), { type: 'module' })`.
 * pdf-lib, fontkit and the fonts load here, on first use, and the page never freezes while exporting.
 */
import { handlePdfRequest } from './worker-handler.ts';
import type { PdfWorkerRequest, PdfWorkerResponse } from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfWorkerRequest>) => void) | null;
  postMessage(message: PdfWorkerResponse, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  void handlePdfRequest(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
