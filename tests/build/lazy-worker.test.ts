// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PdfWorkerRequest, PdfWorkerResponse } from '../../src/pdf/worker-protocol.ts';
import {
  lazyWorker,
  WORKER_CRASHED,
  WORKER_LOAD_FAILED,
  type WorkerFactory,
} from '../../src/platform/lazy-worker.ts';

/** A worker that answers every request with its id, and can crash. */
class EchoWorker extends EventTarget {
  readonly received: PdfWorkerRequest[] = [];
  terminated = false;
  postMessage(message: PdfWorkerRequest) {
    this.received.push(message);
    queueMicrotask(() =>
      this.dispatchEvent(
        Object.assign(new Event('message'), { data: { type: 'glyphs', id: message.id, missing: [] } }),
      ),
    );
  }
  crash() {
    this.dispatchEvent(new Event('error'));
  }
  terminate() {
    this.terminated = true;
  }
}

const request = (id: number): PdfWorkerRequest => ({ type: 'check-glyphs', id, report: {} as never });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const collect = (worker: ReturnType<typeof lazyWorker>) => {
  const replies: PdfWorkerResponse[] = [];
  worker.addEventListener('message', (e) => replies.push(e.data));
  return replies;
};

describe('lazyWorker', () => {
  it('queues requests until the code has loaded, then delivers them in order', async () => {
    const echo = new EchoWorker();
    const load = deferred<WorkerFactory>();
    const worker = lazyWorker(() => load.promise);
    const replies = collect(worker);
    worker.postMessage(request(1));
    worker.postMessage(request(2));
    await Promise.resolve();
    expect(replies).toEqual([]);
    load.resolve(() => echo as unknown as Worker);
    await worker.ready;
    await new Promise((r) => setTimeout(r, 0));
    expect(echo.received.map((m) => m.id)).toEqual([1, 2]);
    expect(replies.map((r) => r.id)).toEqual([1, 2]);
  });

  it('answers every request with an error in Chinese when the code cannot load', async () => {
    const worker = lazyWorker(() => Promise.reject(new Error('blocked')));
    const replies = collect(worker);
    worker.postMessage(request(1));
    await worker.ready;
    worker.postMessage(request(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(replies).toEqual([
      { type: 'error', id: 1, message: WORKER_LOAD_FAILED },
      { type: 'error', id: 2, message: WORKER_LOAD_FAILED },
    ]);
  });

  it('a crash fails only the requests still unanswered', async () => {
    const echo = new EchoWorker();
    const worker = lazyWorker(async () => () => echo as unknown as Worker);
    const replies = collect(worker);
    worker.postMessage(request(1));
    await worker.ready;
    await new Promise((r) => setTimeout(r, 0));
    echo.postMessage = (m) => void echo.received.push(m); // the worker stops answering
    worker.postMessage(request(2));
    echo.crash();
    expect(replies).toEqual([
      { type: 'glyphs', id: 1, missing: [] },
      { type: 'error', id: 2, message: WORKER_CRASHED },
    ]);
  });

  it('terminate stops the real worker, and a late load starts nothing', async () => {
    const echo = new EchoWorker();
    const load = deferred<WorkerFactory>();
    let created = 0;
    const worker = lazyWorker(() => load.promise);
    worker.terminate();
    load.resolve(() => {
      created++;
      return echo as unknown as Worker;
    });
    await worker.ready;
    expect(created).toBe(0);
  });
});
