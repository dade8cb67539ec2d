/** The contract between bench modules and the runner (see the comment at the top of bench/run.ts). */

/** One measured figure. Times are milliseconds; extra fields are kept and shown in --json output. */
export interface BenchRow {
  name: string;
  median_ms: number;
  p95_ms?: number;
  /** The same kind of figure for a reference measured in the same run (say what it is in `note`). */
  baseline_ms?: number;
  /**
   * What good looks like, as text: 「≤ 0.2 ms」 (the median), 「median ≤ 0.2 ms」, 「p95 ≤ 8 ms」
   * or 「≤ 1 s」. The runner checks targets of these shapes and prints others as they are.
   */
  target?: string;
  note?: string;
  [extra: string]: unknown;
}

/** A bench module's default export. */
export type Bench = () => Promise<BenchRow[]>;
