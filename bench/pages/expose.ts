/** The page's side of bench/lib/browser-page.ts: what `call(page, name, …)` runs. */
export type BenchApi = Record<string, (...args: never[]) => Promise<unknown>>;

export function exposeBench(api: BenchApi): void {
  (window as unknown as { bench: BenchApi }).bench = api;
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
}
