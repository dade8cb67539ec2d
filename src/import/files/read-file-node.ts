/**
 * A report file in Node (the command line): .pdf and .docx through their readers, in this thread;
 * text and web pages as before. Gives what importReport takes, or a Chinese message.
 */
import { createRequire } from 'node:module';
import { decodeReportBytes, isHtmlFileName } from '../decode-text.ts';
import { pdfPagesToHtml } from '../pdf/pdf-html.ts';
import { readPdfNode } from '../pdf/pdf-node.ts';
import { docxToHtml, type Mammoth } from './docx-html.ts';
import { type FileInput, reportFileKind, sizeRefusalOfKind } from './report-file.ts';

const require = createRequire(import.meta.url);

export async function readReportFileNode(name: string, bytes: Uint8Array): Promise<FileInput> {
  const kind = reportFileKind(bytes);
  const tooLarge = sizeRefusalOfKind(kind, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  if (kind === 'pdf') {
    const pdf = await readPdfNode(bytes);
    return pdf.ok ? { ok: true, input: { html: pdfPagesToHtml(pdf.pages) } } : pdf;
  }
  if (kind === 'docx') {
    const docx = await docxToHtml(require('mammoth') as Mammoth, bytes);
    return docx.ok ? { ok: true, input: { html: docx.html } } : docx;
  }
  const decoded = decodeReportBytes(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, input: isHtmlFileName(name) ? { html: decoded.text } : { text: decoded.text } };
}
