/**
 * A dropped or chosen report file in the browser: text and web pages decoded here; .pdf and .docx
 * read by the file reader worker (loaded on first use), which gives HTML for the importer. A
 * browser that cannot run the reader (too old) is told plainly that only pasting works there.
 */
import { decodeReportBytes, isHtmlFileName } from '../decode-text.ts';
import { createReaderWorker } from './create-reader-worker.ts';
import type { ReaderRequest, ReaderResponse } from './reader-protocol.ts';
import { type FileInput, reportFileKind, sizeRefusal } from './report-file.ts';

export type { FileInput } from './report-file.ts';

export const READER_UNAVAILABLE =
  '这个浏览器无法直接打开 PDF 或 Word 文件（浏览器版本过旧或内存不足）。请在阅读器或 Word 中全选、复制文字，再粘贴到导入框中；或换用较新的浏览器。';

let nextId = 1;

function askWorker(request: ReaderRequest): Promise<FileInput> {
  return createReaderWorker().then(
    (worker) =>
      new Promise<FileInput>((resolve) => {
        const done = (result: FileInput) => {
          worker.terminate();
          resolve(result);
        };
        worker.addEventListener('message', (event: MessageEvent<ReaderResponse>) => {
          const answer = event.data;
          if (answer.id !== request.id) return;
          done(
            answer.ok ? { ok: true, input: { html: answer.html } } : { ok: false, message: answer.message },
          );
        });
        worker.addEventListener('error', () => done({ ok: false, message: READER_UNAVAILABLE }));
        worker.postMessage(request, [request.bytes.buffer]);
      }),
    () => ({ ok: false, message: READER_UNAVAILABLE }),
  );
}

export async function readReportFile(file: File): Promise<FileInput> {
  const tooLarge = sizeRefusal(file.name, file.size);
  if (tooLarge) return { ok: false, message: tooLarge };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = reportFileKind(bytes);
  if (kind !== 'text') return askWorker({ id: nextId++, kind, bytes });
  const decoded = decodeReportBytes(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, input: isHtmlFileName(file.name) ? { html: decoded.text } : { text: decoded.text } };
}
