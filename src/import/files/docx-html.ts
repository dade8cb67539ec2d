/**
 * The office's own Word file (.docx) → HTML for the importer, read by mammoth, which keeps a
 * table's merged cells as colspan/rowspan (w:gridSpan, w:vMerge). Images are left out (a report's
 * seal or chart is no part of what is imported, and would only make the HTML large); the HTML is
 * never shown, only read as text (html-text.ts), so nothing in it can run. The mammoth module is
 * passed in: a Web Worker in the browser, Node for the command line.
 */
import { MAX_UNPACKED_BYTES, unpackedSize } from './zip-check.ts';

/** What of mammoth is used here. */
export interface Mammoth {
  convertToHtml(
    input: { arrayBuffer: ArrayBuffer; buffer: Uint8Array },
    options?: Record<string, unknown>,
  ): Promise<{ value: string }>;
  images: { imgElement(f: (image: unknown) => Promise<Record<string, string>>): unknown };
}

export type DocxHtml = { ok: true; html: string } | { ok: false; message: string };

export async function docxToHtml(mammoth: Mammoth, bytes: Uint8Array): Promise<DocxHtml> {
  const size = unpackedSize(bytes);
  if (size === null) {
    return {
      ok: false,
      message:
        '无法读取这个 Word 文件（文件不完整或不是 .docx 格式）。请用 Word 或 WPS 打开后另存为 .docx 再试。',
    };
  }
  if (size > MAX_UNPACKED_BYTES) {
    return {
      ok: false,
      message: '这个 Word 文件解开后过大，不像是一份年度报告。请确认选择的是上一年度的年报文件。',
    };
  }
  try {
    const copy = bytes.slice();
    const result = await mammoth.convertToHtml(
      // The browser build reads arrayBuffer, the Node one buffer.
      { arrayBuffer: copy.buffer as ArrayBuffer, buffer: copy },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    return { ok: true, html: result.value.replace(/<img[^>]*>/g, '') };
  } catch {
    return {
      ok: false,
      message:
        '无法读取这个 Word 文件（文件可能已损坏或设有密码）。请用 Word 或 WPS 打开后另存为 .docx 再试。',
    };
  }
}
