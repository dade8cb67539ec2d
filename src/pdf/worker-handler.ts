/**
 * What the PDF worker does with one request, apart from the worker global itself (worker.ts), so that
 * it runs and is tested in Node too. Errors become messages in Chinese, never stack traces.
 */
import { exportReportPdf } from './export.ts';
import { loadBundledFonts, type ReadUrl } from './font-files.ts';
import type { PdfFontBytes } from './fonts.ts';
import { findMissingGlyphs, MissingGlyphsError } from './missing-glyphs.ts';
import type { PdfWorkerRequest, PdfWorkerResponse } from './worker-protocol.ts';

export type Post = (message: PdfWorkerResponse, transfer?: Transferable[]) => void;

const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : '生成 PDF 时出现意外问题，请重试。';

export async function handlePdfRequest(
  request: PdfWorkerRequest,
  post: Post,
  readFont?: ReadUrl,
): Promise<void> {
  const { id } = request;
  try {
    const fonts: PdfFontBytes = request.fonts ?? (await loadBundledFonts(readFont));
    if (request.type === 'check-glyphs') {
      post({ type: 'glyphs', id, missing: findMissingGlyphs(request.report, fonts) });
      return;
    }
    const pdf = await exportReportPdf(request.report, {
      ...request.settings,
      fonts,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
    });
    post({ type: 'done', id, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    post({
      type: 'error',
      id,
      message: messageOf(error),
      ...(error instanceof MissingGlyphsError ? { missing: [...error.missing] } : {}),
    });
  }
}
