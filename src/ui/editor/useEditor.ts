import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import { type History, record, redo, startHistory, undo } from '../../report/history.ts';
import { type Review, reviewReport } from '../../report/review-state.ts';
import { evaluate, type Finding } from '../../report/rules.ts';

export interface Editor {
  report: Report;
  findings: Finding[];
  /** The state of the 审核 with the report's confirmations (有错误 / 待确认 / 审核通过). */
  review: Review;
  canUndo: boolean;
  canRedo: boolean;
  /** Applies an edit. `mergeKey` groups consecutive typing into one undo step; null never merges. */
  apply(edit: (r: Report) => Report, mergeKey: string | null): void;
  /** Replaces the whole report (open, new, restore): a fresh undo history. */
  load(report: Report): void;
  undo(): void;
  redo(): void;
}

/** The report being edited, its undo history and its findings (re-evaluated on every change). */
export function useEditor(
  initial: () => Report,
  onChange?: (report: Report) => void,
  /** While true (another tab edits the draft) edits, undo and redo do nothing. */
  readOnly = false,
): Editor {
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const [history, setHistory] = useState<History>(() => startHistory(initial()));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const findings = useMemo(() => evaluate(history.present), [history.present]);
  const review = useMemo(() => reviewReport(history.present, findings), [history.present, findings]);
  const latest = useRef(history);
  latest.current = history;

  const commit = useCallback((next: History) => {
    if (next === latest.current || readOnlyRef.current) return;
    latest.current = next;
    setHistory(next);
    onChangeRef.current?.(next.present);
  }, []);

  const apply = useCallback(
    (edit: (r: Report) => Report, mergeKey: string | null) =>
      commit(record(latest.current, edit(latest.current.present), mergeKey)),
    [commit],
  );
  const load = useCallback((report: Report) => {
    const next = startHistory(report);
    latest.current = next;
    setHistory(next);
  }, []);
  const doUndo = useCallback(() => commit(undo(latest.current)), [commit]);
  const doRedo = useCallback(() => commit(redo(latest.current)), [commit]);

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

  return {
    report: history.present,
    findings,
    review,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    apply,
    load,
    undo: doUndo,
    redo: doRedo,
  };
}
