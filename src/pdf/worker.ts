/**
 * The PDF worker's entry: `new Worker(new URL('./pdf/worker.ts', import.meta.url), { type: 'module' })`.
 * pdf-lib, fontkit and the fonts load here, on first use, and the page never freezes while exporting.
 */
import { loadBundledFonts, provideBundledFonts } from './font-files.ts';
import { handlePdfRequest } from './worker-handler.ts';
import type {
  PdfWorkerFonts,
  PdfWorkerRequest,
  PdfWorkerResponse,
  UnpackedFontsReply,
  UnpackedFontsRequest,
} from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfWorkerRequest | PdfWorkerFonts | UnpackedFontsRequest>) => void) | null;
  postMessage(message: PdfWorkerResponse | UnpackedFontsReply, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  if (event.data.type === 'bundled-fonts') return provideBundledFonts(event.data.fonts);
  if (event.data.type === 'unpacked-fonts') {
    const { id } = event.data;
    loadBundledFonts().then(
      (fonts) => scope.postMessage({ type: 'unpacked-fonts', id, fonts }),
      () => scope.postMessage({ type: 'unpacked-fonts', id, fonts: null }),
    );
    return;
  }
  void handlePdfRequest(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
