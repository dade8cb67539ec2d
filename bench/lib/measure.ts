/** Timing a synchronous function in Node: warm up, then sample many runs with the monotonic clock. */
import { performance } from 'node:perf_hooks';

export interface MeasureOptions {
  /** Timed samples kept. */
  samples?: number;
  /** Untimed runs first, so the JIT has settled. */
  warmup?: number;
  /**
   * Run the function this many times per sample and divide, for functions too quick for one clock
   * reading (under a few microseconds). Batching hides the tail, so p95 of a batched sample is a
   * p95 of means: keep it 1 for anything whose tail matters.
   */
  batch?: number;
}

/** Milliseconds per call, one number per sample. The function's result is kept alive so it is not optimised away. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): number[] {
  const { samples = 2000, warmup = 200, batch = 1 } = options;
  for (let i = 0; i < warmup * batch; i++) _sink = fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) _sink = fn();
    times.push((performance.now() - start) / batch);
  }
  return times;
}

/** Written after every call: a result stored outside the loop cannot be optimised away. */
let _sink: unknown;
