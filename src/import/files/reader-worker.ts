/**
 * The file reader's Web Worker: a .pdf (pdf.js 2.16, its legacy build, which runs on Chromium 86;
 * its own worker part runs here in the same thread) or a .docx (mammoth) → HTML for the importer.
 * Loaded only when a clerk opens such a file: the page never carries pdf.js or mammoth before.
 * Runs from a blob: URL and so inherits the page's CSP (no connection anywhere).
 */
import mammoth from 'mammoth';
import * as pdfjs from 'pdfjs-dist-legacy/legacy/build/pdf.js';
import * as pdfjsWorker from 'pdfjs-dist-legacy/legacy/build/pdf.worker.js';
import { extractPdf, type PdfJs } from '../pdf/pdf-extract.ts';
import { pdfPagesToHtml } from '../pdf/pdf-html.ts';
import { browserCMaps } from './cmaps.browser.ts';
import { docxToHtml, type Mammoth } from './docx-html.ts';
import type { ReaderRequest, ReaderResponse } from './reader-protocol.ts';

interface WorkerScope {
  pdfjsWorker?: unknown;
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
// pdf.js looks here for its worker's message handler before it would start a worker of its own.
scope.pdfjsWorker = pdfjsWorker;

async function read(request: ReaderRequest): Promise<ReaderResponse> {
  if (request.kind === 'docx') {
    const docx = await docxToHtml(mammoth as unknown as Mammoth, request.bytes);
    return docx.ok ? { id: request.id, ok: true, html: docx.html } : { id: request.id, ...docx };
  }
  const pdf = await extractPdf(pdfjs as unknown as PdfJs, request.bytes, browserCMaps);
  return pdf.ok ? { id: request.id, ok: true, html: pdfPagesToHtml(pdf.pages) } : { id: request.id, ...pdf };
}

scope.onmessage = (event) => {
  read(event.data).then(
    (response) => scope.postMessage(response),
    () =>
      scope.postMessage({
        id: event.data.id,
        ok: false,
        message: '读取这个文件时出现意外问题。请刷新页面后重试，或在阅读器中复制文字后粘贴。',
      }),
  );
};
