/**
 * One official table read from its stream of cells (table-tokens.ts), driven by the template: a run
 * of labels is resolved to a row (label-match.ts), then the cells that follow are that row's
 * values in the official column order. Rows may come in any order and be missing; what was read,
 * and everything odd on the way (numbers under no known row, a row twice, extra numbers), is
 * returned for the assembly to turn into cells and issues.
 */

import type { BlockDef, TableDef } from '../report/template.ts';
import { type LabelMatch, matchLabel } from './label-match.ts';
import { normaliseLabel } from './normalise.ts';
import type { Token } from './table-tokens.ts';
import { columnHeaderKeys, type RowTarget, rowTargets } from './template-labels.ts';

export interface RunRead {
  /** The label text as written (parts joined with a space), for showing as source. */
  label: string;
  /** The cells after the label, at most one per column. */
  cells: Token[];
  line: number;
}

export interface RowRead extends RunRead {
  target: RowTarget;
  /** Normalised header text seen before this row since the previous one. */
  headerBefore: string;
  loose: boolean;
  /** Normalised text written after the label, before the numbers. */
  after: string;
  /** Numbers after the row's last column, before the next label. */
  extra: Token[];
  /** Other rows named in the same run of labels, right before this one, with no numbers of their own. */
  namedBefore: string[];
}

export interface TableRead {
  table: TableDef;
  /** By row key. */
  rows: Map<string, RowRead>;
  /** Numbers written under a group heading (2019's single 「（六）其他处理」 row). */
  groups: (RunRead & { target: RowTarget })[];
  /** Numbers under a label that names no row of this table. */
  orphans: RunRead[];
  /** A row read a second time (ignored). */
  duplicates: (RunRead & { target: RowTarget })[];
  /** Rows whose label is written but no number follows it (「行政许可 若干」). */
  withoutNumbers: (RunRead & { target: RowTarget })[];
}

export interface ReadOptions {
  /**
   * For a table without row labels (table 4): header labels that must precede its numbers. Used when
   * the table's part of the source is not known for sure (its heading is missing).
   */
  requireHeader?: readonly string[];
}

/** Characters of header text kept before a row (table 3's header is about 120). */
const MAX_HEADER_CHARS = 2000;
/** Label runs per official row that may be matched loosely before only exact labels count. */
const LOOSE_ATTEMPTS_PER_ROW = 4;

const isCell = (t: Token | undefined) => t?.kind === 'value' || t?.kind === 'blank';
const hasNumber = (cells: readonly Token[]) => cells.some((c) => c.kind === 'value');

/**
 * A row copied as one line with a field per grid column (Word, WPS): the cell of each column is the
 * field at its grid column, whatever merged-cell blanks come before it; fields a wide cell covers
 * are skipped.
 */
function gridCells(tokens: readonly Token[], start: number, table: TableDef, block: BlockDef) {
  const line = tokens[start]!.line;
  const byField = new Map<number, Token>();
  let next = start;
  while (next < tokens.length && tokens[next]!.line === line && tokens[next]!.field !== undefined) {
    // A label among the fields: a header line, not a row of values.
    if (tokens[next]!.kind === 'label') return null;
    byField.set(tokens[next]!.field!, tokens[next]!);
    next++;
  }
  const cells: Token[] = [];
  let unit = table.stubDepth;
  for (const column of block.columns) {
    const token = byField.get(unit);
    if (!token) break;
    cells.push(token);
    unit += column.span ?? 1;
  }
  return { cells, next };
}

/** Up to `count` cells from `start`; a row break ends them once one is read. Returns the cells and the next index. */
function takeCells(
  tokens: readonly Token[],
  start: number,
  count: number,
  grid?: { table: TableDef; block: BlockDef },
): { cells: Token[]; next: number } {
  const positional =
    grid && tokens[start]?.fields === grid.table.stubDepth + grid.table.valueUnits
      ? gridCells(tokens, start, grid.table, grid.block)
      : null;
  if (positional) return positional;
  const cells: Token[] = [];
  let i = start;
  while (i < tokens.length && cells.length < count) {
    const token = tokens[i]!;
    if (token.kind === 'label') break;
    if (token.kind === 'break') {
      if (cells.length > 0) break;
      i++;
      continue;
    }
    cells.push(token);
    i++;
  }
  return { cells, next: i };
}

/** Numbers after a complete row, up to the next label (blanks there are the next row's empty stub cells). */
function takeExtra(tokens: readonly Token[], start: number): { extra: Token[]; next: number } {
  const extra: Token[] = [];
  let i = start;
  while (i < tokens.length && tokens[i]!.kind !== 'label') {
    if (tokens[i]!.kind === 'value') extra.push(tokens[i]!);
    i++;
  }
  return { extra, next: i };
}

/** The last label tokens that together hold at least `chars` normalised characters: the row's own label. */
function labelTail(labels: readonly Token[], chars: number): { label: string; line: number } | null {
  let n = 0;
  let from = labels.length;
  while (from > 0 && (n < chars || n === 0)) n += normaliseLabel(labels[--from]!.text).length;
  const tail = labels.slice(from);
  if (tail.length === 0) return null;
  return { label: tail.map((l) => l.text.trim()).join(' '), line: tail[0]!.line };
}

/**
 * Row labels inside text that was not resolved to them (a label followed by words, not numbers):
 * where each starts, so the row can be reported as written but without numbers.
 */
function labelsWithoutNumbers(
  text: string,
  labels: readonly Token[],
  targets: readonly RowTarget[],
): { target: RowTarget; label: string; line: number }[] {
  const found: { target: RowTarget; label: string; line: number }[] = [];
  for (const target of targets) {
    const key = target.keys.find((k) => text.includes(k));
    if (!target.row || key === undefined) continue;
    // The label tokens from the one where the key starts, and the one after it (what is written instead).
    const start = text.indexOf(key);
    let at = 0;
    for (let offset = 0; at < labels.length; at++) {
      offset += normaliseLabel(labels[at]!.text).length;
      if (offset > start) break;
    }
    const shown = labels.slice(at, at + 2);
    found.push({ target, label: shown.map((l) => l.text.trim()).join(' '), line: shown[0]?.line ?? 0 });
  }
  return found;
}

export function readTable(table: TableDef, tokens: readonly Token[], options: ReadOptions = {}): TableRead {
  const targets = rowTargets(table);
  const rowsInOrder = targets.filter((t) => t.row);
  const read: TableRead = {
    table,
    rows: new Map(),
    groups: [],
    orphans: [],
    duplicates: [],
    withoutNumbers: [],
  };
  let labels: Token[] = [];
  let header = '';
  /** Header text is only looked into for column labels: its end is enough, and keeps long junk linear. */
  const addHeader = (text: string) => {
    header = (header + text).slice(-MAX_HEADER_CHARS);
  };
  const required = (options.requireHeader ?? []).map(normaliseLabel);
  const seenRequired = new Set<string>();
  let last = -1;

  let looseBudget = LOOSE_ATTEMPTS_PER_ROW * rowsInOrder.length;
  const stubless = table.stubDepth === 0;
  const unresolved = (text: string, runLabels: readonly Token[]) => {
    if (stubless) return;
    for (const f of labelsWithoutNumbers(text, runLabels, targets))
      read.withoutNumbers.push({ ...f, cells: [] });
  };
  const single = stubless ? rowsInOrder[0] : undefined;

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.kind === 'label') {
      labels.push(token);
      i++;
      continue;
    }
    if (!isCell(token) || (labels.length === 0 && !stubless)) {
      i++;
      continue;
    }
    const runLabels = labels;
    const text = normaliseLabel(labels.map((l) => l.text).join(''));
    labels = [];

    if (single) {
      const { cells, next } = takeCells(tokens, i, single.block.columns.length, {
        table,
        block: single.block,
      });
      for (const h of required) if (text.includes(h)) seenRequired.add(h);
      const seen = (header + text).slice(-MAX_HEADER_CHARS);
      const headerOk = seenRequired.size === required.length;
      // A row of blank cells right under the whole header (a table of zeros printed blank).
      const blankRow =
        cells.length === single.block.columns.length &&
        cells.every((c) => c.kind === 'blank') &&
        columnHeaderKeys(single.block.columns).every((k) => seen.includes(k.key));
      if ((!hasNumber(cells) && !blankRow) || !headerOk || read.rows.has(single.row!.key)) {
        header = seen;
        i = next;
        continue;
      }
      const { extra, next: after } = takeExtra(tokens, next);
      read.rows.set(single.row!.key, {
        target: single,
        label: '',
        cells,
        line: cells[0]?.line ?? token.line,
        headerBefore: seen,
        loose: false,
        after: '',
        extra,
        namedBefore: [],
      });
      header = '';
      i = after;
      continue;
    }

    const probe = takeCells(tokens, i, Number.POSITIVE_INFINITY);
    const candidates = rowsInOrder.filter((t) => !read.rows.has(t.row!.key));
    // Loose matching is for a few odd labels; text full of unknown labels is not a table to guess in.
    const loose = hasNumber(probe.cells) && looseBudget-- > 0;
    const match: LabelMatch | null = loose
      ? matchLabel(text, targets, candidates, rowsInOrder[last + 1] ?? null)
      : matchLabel(text, targets, [], null);
    if (!match) {
      const own = labelTail(runLabels, 1) ?? { label: '', line: token.line };
      if (hasNumber(probe.cells)) read.orphans.push({ ...own, cells: probe.cells });
      unresolved(text, runLabels);
      addHeader(text);
      i = probe.next;
      continue;
    }
    const before = read.withoutNumbers.length;
    unresolved(match.before, runLabels);
    const namedBefore = read.withoutNumbers.slice(before).map((w) => w.target.official);
    const { target } = match;
    const own = labelTail(runLabels, text.length - match.before.length) ?? { label: '', line: token.line };
    const { cells, next } = takeCells(tokens, i, target.block.columns.length, {
      table,
      block: target.block,
    });
    if (!target.row) {
      if (hasNumber(cells)) read.groups.push({ target, ...own, cells });
      addHeader(match.before);
      i = next;
      continue;
    }
    const { extra, next: after } = takeExtra(tokens, next);
    if (read.rows.has(target.row.key)) {
      read.duplicates.push({ target, ...own, cells });
    } else {
      read.rows.set(target.row.key, {
        target,
        ...own,
        cells,
        headerBefore: (header + match.before).slice(-MAX_HEADER_CHARS),
        loose: match.loose,
        after: match.after,
        extra,
        namedBefore,
      });
      last = rowsInOrder.indexOf(target);
    }
    header = '';
    i = after;
  }
  unresolved(normaliseLabel(labels.map((l) => l.text).join('')), labels);
  return read;
}
