/** Printing bench results as a plain-text table, and checking rows against their targets. */
import type { BenchRow } from './types.ts';

export type TargetStatus = 'met' | 'missed' | 'unchecked';

const TARGET = /^\s*(median|p95)?\s*(?:≤|<=)\s*([\d.]+)\s*(ms|s)\s*(median|p95)?\s*$/i;

/** 「≤ 0.2 ms」, 「median ≤ 0.2 ms」, 「≤ 0.2 ms median」, 「p95 ≤ 8 ms」, 「≤ 1 s」 are checked; other text is not. */
export function targetStatus(row: BenchRow): TargetStatus {
  const match = row.target ? TARGET.exec(row.target) : null;
  if (!match) return 'unchecked';
  const stat = (match[1] ?? match[4] ?? 'median').toLowerCase();
  const limit = Number(match[2]) * (match[3]!.toLowerCase() === 's' ? 1000 : 1);
  const value = stat === 'p95' ? row.p95_ms : row.median_ms;
  if (value === undefined || !Number.isFinite(limit)) return 'unchecked';
  return value <= limit ? 'met' : 'missed';
}

/** Milliseconds with about three significant digits: 0.0123, 0.184, 4.56, 37.2, 1250. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(3);
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

const STATUS: Record<TargetStatus, string> = { met: 'ok', missed: 'MISSED', unchecked: '' };

export interface ResultEntry {
  /** The bench file the row came from ('' when a file runs alone). */
  file: string;
  row: BenchRow;
}

/** One line per row; the note, which can be long, goes last and unpadded. */
export function formatRows(entries: readonly ResultEntry[]): string {
  const header = ['file', 'name', 'median ms', 'p95 ms', 'baseline ms', '× baseline', 'target', '', 'note'];
  const lines = entries.map(({ file, row }) => [
    file,
    row.name,
    formatMs(row.median_ms),
    formatMs(row.p95_ms),
    formatMs(row.baseline_ms),
    row.baseline_ms ? `${(row.median_ms / row.baseline_ms).toFixed(1)}×` : '—',
    row.target ?? '',
    STATUS[targetStatus(row)],
    row.note ?? '',
  ]);
  const table = [header, ...lines];
  const numeric = new Set([2, 3, 4, 5]);
  const widths = header.map((_, c) => Math.max(...table.map((line) => displayWidth(line[c]!))));
  const showFile = entries.some((e) => e.file);
  return table
    .map((line) =>
      line
        .map((cell, c) => (c === line.length - 1 ? cell : pad(cell, widths[c]!, numeric.has(c))))
        .filter((_, c) => showFile || c > 0)
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
