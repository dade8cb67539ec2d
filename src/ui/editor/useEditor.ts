import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CELLS, type CellId } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { type History, record, redo, startHistory, undo } from '../../report/history.ts';
import { type Review, reviewReport } from '../../report/review-state.ts';
import { type Evaluation, evaluateFrom, type Finding } from '../../report/rules.ts';
import { afterPaintOnce } from '../after-paint.ts';

export interface Editor {
  /** The report as of the latest edit. */
  report: Report;
  /** The findings of `report` (re-evaluated incrementally: only the rules an edit touches run). */
  findings: readonly Finding[];
  /** The state of the 审核 with the report's confirmations (有错误 / 待确认 / 审核通过). */
  review: Review;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Applies an edit. `mergeKey` groups consecutive typing into one undo step; null never merges.
   * Typing (a mergeKey) is shown by the field typed into and, through `live`, by the cells it changed
   * (totals) at once; the editor re-renders (审核 panel, badge, marks) when typing pauses
   * (TYPING_PAUSE_MS), or when the clerk does anything else (a click, a shortcut: see below).
   * Other edits (paste, undo, switches, confirmations) re-render at once.
   */
  apply(edit: (r: Report) => Report, mergeKey: string | null): void;
  /** Replaces the whole report (open, new, restore): a fresh undo history. */
  load(report: Report): void;
  undo(): void;
  redo(): void;
  /** The latest report and its cells' changes, for the grid between an edit and the re-render. */
  live: LiveCells;
}

export interface LiveCells {
  /** The report as of the latest edit (the editor's render may be a frame behind while typing). */
  report(): Report;
  /** Calls `listener` after every edit that changes the cell's value or typed entry; returns the unsubscribe. */
  subscribe(cell: CellId, listener: () => void): () => void;
}

/** The cells whose value or typed entry differs between two reports. */
function changedCells(a: Report, b: Report): CellId[] {
  if (a.cells === b.cells && a.invalidEntries === b.invalidEntries) return [];
  return CELLS.filter(
    (c) => a.cells[c.id] !== b.cells[c.id] || a.invalidEntries[c.id] !== b.invalidEntries[c.id],
  ).map((c) => c.id);
}

/** The findings and review of a report, each computed from the previous ones: only the rules an edit touched run. */
function reviewCache(): (report: Report) => { findings: readonly Finding[]; review: Review } {
  let last: { evaluation: Evaluation; review: Review } | null = null;
  return (report) => {
    if (last?.evaluation.report !== report) {
      const evaluation = evaluateFrom(last?.evaluation ?? null, report);
      last = { evaluation, review: reviewReport(report, evaluation.findings) };
    }
    return { findings: last.evaluation.findings, review: last.review };
  };
}

/**
 * While the clerk types, the editor re-renders (审核 panel, badge, marks) once typing pauses this long,
 * so that the re-render runs between keystrokes, not in front of the next one…
 */
export const TYPING_PAUSE_MS = 150;
/** …and at the latest this long after the first keystroke not yet shown (typing without a pause). */
const TYPING_SHOWN_WITHIN_MS = 2000;

/** A key that types (a character, Backspace, an IME's): anything else may read the report. */
const isTyping = (e: KeyboardEvent) =>
  !e.ctrlKey &&
  !e.metaKey &&
  !e.altKey &&
  (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Process');

/** The report being edited, its undo history and its findings. */
export function useEditor(
  initial: () => Report,
  onChange?: (report: Report) => void,
  /** While true (another tab edits the draft) edits, undo and redo do nothing. */
  readOnly = false,
): Editor {
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The history lives here, as of the latest edit; the state below only makes the editor render it.
  const latest = useRef<History | null>(null);
  latest.current ??= startHistory(initial());
  const [, setRendered] = useState<History>(latest.current);
  const listeners = useMemo(() => new Map<CellId, Set<() => void>>(), []);
  const rerender = useMemo(
    () =>
      afterPaintOnce(() => setRendered(latest.current!), {
        quietMs: TYPING_PAUSE_MS,
        maxWaitMs: TYPING_SHOWN_WITHIN_MS,
      }),
    [],
  );
  const reviewOf = useMemo(reviewCache, []);
  useEffect(() => () => rerender.cancel(), [rerender]);
  // Whatever the clerk does next besides typing (a click, a shortcut, Enter) first renders the edits
  // not yet rendered, so that its handlers (save to a file, export, a panel) read the latest report.
  // Listeners on the document's capture phase run before the target's; the render runs in between.
  useEffect(() => {
    const flush = (e: Event) => {
      if (!(e instanceof KeyboardEvent && isTyping(e))) rerender.now();
    };
    const types = ['keydown', 'mousedown', 'pointerdown', 'touchstart'];
    for (const type of types) document.addEventListener(type, flush, true);
    return () => {
      for (const type of types) document.removeEventListener(type, flush, true);
    };
  }, [rerender]);

  const live = useMemo<LiveCells>(
    () => ({
      report: () => latest.current!.present,
      subscribe(cell, listener) {
        const set = listeners.get(cell) ?? new Set();
        listeners.set(cell, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    }),
    [listeners],
  );

  const commit = useCallback(
    (next: History, typing: boolean) => {
      const before = latest.current!;
      if (next === before || readOnlyRef.current) return;
      latest.current = next;
      if (typing) {
        for (const cell of changedCells(before.present, next.present)) {
          for (const listener of listeners.get(cell) ?? []) listener();
        }
        rerender.schedule();
      } else {
        rerender.cancel();
        setRendered(next);
      }
      onChangeRef.current?.(next.present);
    },
    [listeners, rerender],
  );

  const apply = useCallback(
    (edit: (r: Report) => Report, mergeKey: string | null) =>
      commit(record(latest.current!, edit(latest.current!.present), mergeKey), mergeKey !== null),
    [commit],
  );
  const load = useCallback(
    (report: Report) => {
      const next = startHistory(report);
      latest.current = next;
      rerender.cancel();
      setRendered(next);
    },
    [rerender],
  );
  const doUndo = useCallback(() => commit(undo(latest.current!), false), [commit]);
  const doRedo = useCallback(() => commit(redo(latest.current!), false), [commit]);

  // Ctrl+Z / Ctrl+Y work across cells and texts, so the browser's per-field undo is replaced.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        doUndo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        doRedo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo]);

  // Read when asked, not when rendered: an object kept from an earlier render (a handler's closure)
  // still gives the latest edit, and the report, its findings and review always belong together.
  return {
    get report() {
      return latest.current!.present;
    },
    get findings() {
      return reviewOf(latest.current!.present).findings;
    },
    get review() {
      return reviewOf(latest.current!.present).review;
    },
    get canUndo() {
      return latest.current!.past.length > 0;
    },
    get canRedo() {
      return latest.current!.future.length > 0;
    },
    apply,
    load,
    undo: doUndo,
    redo: doRedo,
    live,
  };
}
