/**
 * The page's side of the Word export worker (light: no docx library). The worker is created on the
 * first export from a factory that may itself be loaded on demand, and kept for later exports.
 * A worker that cannot start or dies answers every open request with a Chinese message.
 */
import type { Report } from '../../report/document.ts';
import type { DocxExportSettings, DocxWorkerRequest, DocxWorkerResponse } from './worker-protocol.ts';

export const DOCX_WORKER_FAILED =
  '无法启动 Word 导出组件。请刷新页面后重试；如仍不行，请换用 Chromium 86 或更新版本的浏览器（如新版 360、QQ、奇安信浏览器或 Edge）。';
export const DOCX_WORKER_CRASHED = 'Word 导出组件意外停止（可能是内存不足）。请关闭其他标签页后重试。';

export class DocxExportError extends Error {}

export interface DocxWorkerClient {
  exportDocx(report: Report, settings: DocxExportSettings): Promise<Uint8Array>;
  terminate(): void;
}

export function createDocxWorkerClient(load: () => Promise<() => Worker>): DocxWorkerClient {
  const pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
  let next = 0;
  let worker: Promise<Worker> | null = null;
  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new DocxExportError(message));
    pending.clear();
  };
  const start = () => {
    worker ??= load().then((create) => {
      const w = create();
      w.addEventListener('message', (event: MessageEvent<DocxWorkerResponse>) => {
        const answer = event.data;
        const request = pending.get(answer.id);
        if (!request) return;
        pending.delete(answer.id);
        if (answer.type === 'done') request.resolve(answer.docx);
        else request.reject(new DocxExportError(answer.message));
      });
      w.addEventListener('error', () => {
        failAll(DOCX_WORKER_CRASHED);
        worker = null;
      });
      return w;
    });
    return worker;
  };
  return {
    exportDocx(report, settings) {
      const id = ++next;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        start().then(
          (w) => w.postMessage({ type: 'export-docx', id, report, settings } satisfies DocxWorkerRequest),
          () => {
            worker = null;
            failAll(DOCX_WORKER_FAILED);
          },
        );
      });
    },
    terminate() {
      failAll(DOCX_WORKER_CRASHED);
      void worker?.then((w) => w.terminate());
      worker = null;
    },
  };
}
