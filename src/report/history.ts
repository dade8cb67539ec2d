/**
 * Undo/redo over whole report snapshots (reports are small and immutable, so a snapshot costs a
 * shallow copy). Consecutive typing in one text field or cell merges into one step, so Ctrl+Z
 * undoes a word or a number, not a single character.
 */
import type { Report } from './document.ts';

export interface History {
  past: readonly Report[];
  present: Report;
  future: readonly Report[];
  /** Key of the last edit (e.g. 'cell:t3.new.natural'); the same key within MERGE_MS merges. */
  lastKey: string | null;
  lastAt: number;
}

export const UNDO_LIMIT = 200;
const MERGE_MS = 1500;

export function startHistory(report: Report): History {
  return { past: [], present: report, future: [], lastKey: null, lastAt: 0 };
}

/** Records an edit. `key` null means "never merge" (paste, switches, restores). */
export function record(history: History, next: Report, key: string | null, now = Date.now()): History {
  if (next === history.present) return history;
  const merge = key !== null && key === history.lastKey && now - history.lastAt < MERGE_MS;
  const past = merge ? history.past : [...history.past, history.present].slice(-UNDO_LIMIT);
  return { past, present: next, future: [], lastKey: key, lastAt: now };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redo(history: History): History {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null, lastAt: 0 };
}
