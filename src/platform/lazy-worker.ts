/**
 * The PDF worker, returned at once while its code is still being loaded.
 *
 * Why: the worker's code (pdf-lib, fontkit; in the intranet build also both fonts, ~4 MB) runs from a blob: URL — the only
 * kind of worker Chromium starts from a file:// page, and one that inherits the page's CSP
 * (connect-src 'none'). Loading that code only when the first export starts keeps it out of the
 * page's first paint; requests sent meanwhile are queued and delivered in order.
 *
 * If the code cannot be loaded or the worker dies, every unanswered request gets an error reply in
 * Chinese (the PDF protocol's { type: 'error' }), so the export dialog never waits forever.
 * DOM-free: it needs only a way to load a Worker factory.
 */
import type { PdfWorkerRequest, PdfWorkerResponse } from '../pdf/worker-protocol.ts';

export type WorkerFactory = () => Worker;
type Listener = (event: MessageEvent<PdfWorkerResponse>) => void;

export interface LazyWorker {
  postMessage(message: PdfWorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: Listener): void;
  removeEventListener(type: 'message', listener: Listener): void;
  terminate(): void;
  /** Settles when the real worker has started, or loading it failed (never rejects). */
  readonly ready: Promise<void>;
}

export const WORKER_LOAD_FAILED =
  '无法启动 PDF 导出组件。请刷新页面后重试；如仍不行，请换用 Chromium 86 或更新版本的浏览器（如新版 360、QQ、奇安信浏览器或 Edge）。';
export const WORKER_CRASHED = 'PDF 导出组件意外停止（可能是内存不足）。请关闭其他标签页后重试。';

export function lazyWorker(load: () => Promise<WorkerFactory>): LazyWorker {
  const listeners = new Set<Listener>();
  const queue: [PdfWorkerRequest, Transferable[]][] = [];
  const unanswered = new Set<number>();
  let worker: Worker | null = null;
  let failure: string | null = null;
  let terminated = false;

  const dispatch = (data: PdfWorkerResponse) => {
    if (data.type !== 'progress') unanswered.delete(data.id);
    const event = { data } as MessageEvent<PdfWorkerResponse>;
    for (const listener of listeners) listener(event);
  };
  const failAll = (message: string) => {
    failure = message;
    queue.length = 0;
    for (const id of [...unanswered]) dispatch({ type: 'error', id, message });
  };

  const ready = load()
    .then((create) => {
      if (terminated) return;
      worker = create();
      worker.addEventListener('message', (event: MessageEvent<PdfWorkerResponse>) => dispatch(event.data));
      worker.addEventListener('error', () => failAll(WORKER_CRASHED));
      for (const [message, transfer] of queue.splice(0)) worker.postMessage(message, transfer);
    })
    .catch(() => failAll(WORKER_LOAD_FAILED));

  return {
    ready,
    postMessage(message, transfer = []) {
      if (terminated) return;
      unanswered.add(message.id);
      if (failure) queueMicrotask(() => failAll(failure ?? WORKER_LOAD_FAILED));
      else if (worker) worker.postMessage(message, transfer);
      else queue.push([message, transfer]);
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    terminate() {
      terminated = true;
      queue.length = 0;
      unanswered.clear();
      worker?.terminate();
    },
  };
}
