/**
 * Bench page for bench/aggregate-browser.bench.ts: the 汇总 screen (AggregateScreen) mounted alone,
 * and a plain file input that only reads the files' bytes (the baseline). A run is armed first; the
 * clock starts at the file input's change event (capture phase, before the screen's own handler)
 * and stops when the expected number of unit rows is in the DOM and the next frame has been produced.
 */
import { h, render } from 'preact';
import { AggregateScreen } from '../../src/ui/aggregate/AggregateScreen.tsx';
import { exposeBench, nextPaint } from './expose.ts';

render(
  h(AggregateScreen, { onCreateDraft: () => {}, onClose: () => {} }),
  document.getElementById('screen')!,
);

interface RunResult {
  ms: number;
  rows: number;
  status: string;
}

let started = 0;
let finish: ((result: RunResult) => void) | null = null;
let outcome: Promise<RunResult> | null = null;

window.addEventListener(
  'change',
  (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') started = performance.now();
  },
  true,
);

const rowCount = () => document.querySelectorAll('.aggregate-table tbody tr').length;
const statusText = () => document.querySelector('.aggregate-status')?.textContent ?? '';

/** Baseline: what any reading of the picked files costs at least, File.arrayBuffer() of each. */
const baseline = document.getElementById('baseline') as HTMLInputElement;
baseline.addEventListener('change', async () => {
  const files = [...(baseline.files ?? [])];
  const buffers = await Promise.all(files.map((f) => f.arrayBuffer()));
  const bytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  finish?.({ ms: performance.now() - started, rows: files.length, status: `${bytes} bytes` });
});

const api = {
  /** Prepares one run of the screen: resolves `result()` once `rows` unit rows are painted. */
  async armScreen(rows: number) {
    outcome = new Promise((resolve) => {
      finish = resolve;
    });
    const observer = new MutationObserver(() => {
      if (rowCount() < rows) return;
      observer.disconnect();
      void nextPaint().then((at) => finish?.({ ms: at - started, rows: rowCount(), status: statusText() }));
    });
    observer.observe(document.getElementById('screen')!, { childList: true, subtree: true });
  },

  /** Prepares one run of the baseline input. */
  async armBaseline() {
    outcome = new Promise((resolve) => {
      finish = resolve;
    });
  },

  async result() {
    if (!outcome) throw new Error('arm a run first');
    return outcome;
  },
};

export type AggregateBench = typeof api;
exposeBench(api);
