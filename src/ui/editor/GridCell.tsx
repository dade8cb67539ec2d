import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { formatCellValue, parseCellInput } from '../../report/cell-input.ts';
import { MAX_INVALID_ENTRY } from '../../report/document.ts';
import type { CellKind } from '../../report/template.ts';
import { cellDomId } from '../findings-index.ts';
import type { LiveCells } from './useEditor.ts';

export interface GridCellProps {
  id: string;
  label: string;
  kind: CellKind;
  isTotal: boolean;
  value: number | null;
  /** What was typed that is not a value of the cell (shown instead of the empty value). */
  entry: string | undefined;
  readOnly: boolean;
  colSpan: number;
  severity: '错误' | '提示' | null;
  /** Findings of this cell, joined; exposed to screen readers through aria-describedby. */
  message: string;
  selected: boolean;
  hasNote: boolean;
  /** The latest edit, which reaches this cell's input before the editor re-renders (a total while typing). */
  live: LiveCells;
}

/**
 * The DOM keeps what is being typed («12.» on the way to 12.5, «１２», an invalid «1.5»); it is
 * overwritten only when what the cell holds changed for another reason (undo, paste, totals).
 */
function show(
  el: HTMLInputElement,
  value: number | null,
  entry: string | undefined,
  kind: CellKind,
  isTotal: boolean,
) {
  if (entry !== undefined) {
    if (el.value !== entry) el.value = entry;
    return;
  }
  const shown = parseCellInput(el.value, kind, isTotal);
  if (!shown.ok || shown.dashAsZero || shown.value !== value) el.value = formatCellValue(value);
}

/**
 * One value cell: a plain input. Keys, typing, copy and paste are handled by the grid through event
 * delegation, so a cell only renders its value and marks; memo keeps a render to the cells it changed.
 */
export const GridCell = memo(function GridCell(p: GridCellProps) {
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (input.current) show(input.current, p.value, p.entry, p.kind, p.isTotal);
  }, [p.value, p.entry, p.kind, p.isTotal]);
  // Typing elsewhere changes this cell (a total) in the frame of the keystroke, before the editor
  // re-renders with the marks: only the input's text is written here.
  const { live, id, kind, isTotal } = p;
  useEffect(
    () =>
      live.subscribe(id, () => {
        const report = live.report();
        if (input.current)
          show(input.current, report.cells[id] ?? null, report.invalidEntries[id], kind, isTotal);
      }),
    [live, id, kind, isTotal],
  );

  const classes = [
    'cell',
    p.readOnly ? 'cell-total' : '',
    p.severity === '错误' ? 'cell-error' : p.severity === '提示' ? 'cell-hint' : '',
    p.selected ? 'cell-selected' : '',
    p.hasNote ? 'cell-noted' : '',
  ].join(' ');
  const describedBy = p.message ? `desc-${p.id}` : undefined;
  return (
    <td class={classes} colSpan={p.colSpan}>
      <input
        ref={input}
        id={cellDomId(p.id)}
        data-cell={p.id}
        class="cell-input"
        inputMode={p.kind === 'amount' ? 'decimal' : 'numeric'}
        autoComplete="off"
        aria-label={p.readOnly ? `${p.label}（自动合计）` : p.label}
        aria-invalid={p.severity === '错误' ? 'true' : undefined}
        aria-describedby={describedBy}
        readOnly={p.readOnly}
        // An automatic total is read, not typed in: arrows reach it, Tab passes it by.
        tabIndex={p.readOnly ? -1 : undefined}
        // Longer than any number; what is typed past it is refused by the browser where it is seen.
        maxLength={MAX_INVALID_ENTRY}
        defaultValue={p.entry ?? formatCellValue(p.value)}
      />
      {p.message ? (
        <span id={describedBy} class="visually-hidden">
          {p.message}
        </span>
      ) : null}
    </td>
  );
});
