import { readFileSync } from 'node:fs';

/**
 * The hostile inputs of issue 14 for the importer, built in memory: deep nesting, tables of
 * huge rowspan/colspan, a plain table and a text far larger than any report.
 */

/** 5 000 nested elements around a heading (≈55 KB): a recursive walk overflows the stack. */
export function nestedHtml(depth = 5000): string {
  return `${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}`;
}

/** A table whose every cell spans 1000 rows and 100 columns, `bytes` long. */
export function spanTableHtml(bytes: number): string {
  const cell = '<td rowspan="1000" colspan="100">1</td>';
  const row = `<tr>${cell.repeat(10)}</tr>`;
  return `<table>${row.repeat(Math.max(1, Math.floor(bytes / row.length)))}</table>`;
}

/** A plain table of `bytes` (two number cells a row). */
export function plainTableHtml(bytes: number): string {
  const row = '<tr><td>行政许可</td><td>11</td></tr>';
  return `<table>${row.repeat(Math.floor(bytes / row.length))}</table>`;
}

/** Pasted text of `bytes` (a report's line over and over). */
export function hugeText(bytes: number): string {
  const line = '\t行政许可\n\t11\n\n';
  return line.repeat(Math.floor(bytes / line.length));
}

const SAMPLE = new URL('../../tests/import/fixtures/gx-kjt-2021.txt', import.meta.url);

export const HOSTILE_CASES = {
  /** The baseline: the sample report's text, as a clerk pastes it. */
  sample: () => ({ text: readFileSync(SAMPLE, 'utf8') }),
  'nested 5000 (55 KB html)': () => ({ html: nestedHtml() }),
  'spans 341 KB html': () => ({ html: spanTableHtml(341_000) }),
  'spans 1.9 MB html (just under the limit)': () => ({ html: spanTableHtml(1_900_000) }),
  'spans 3 MB html': () => ({ html: spanTableHtml(3_000_000) }),
  'plain table 50 MB html': () => ({ html: plainTableHtml(50_000_000) }),
  'text 50 MB': () => ({ text: hugeText(50_000_000) }),
} as const;

export type HostileCase = keyof typeof HOSTILE_CASES;
