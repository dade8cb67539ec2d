import { Fragment, type VNode } from 'preact';
import { memo } from 'preact/compat';
import { useMemo, useRef, useState } from 'preact/hooks';
import { formatCellValue, mayBecomeValid, parseCellInput } from '../../report/cell-input.ts';
import { type CellId, cellDef, tableMatrix } from '../../report/cells.ts';
import type { Cells } from '../../report/document.ts';
import { type LayoutCell, tableLayout } from '../../report/layout.ts';
import { copyTsv, planPaste } from '../../report/paste.ts';
import type { TableDef } from '../../report/template.ts';
import { cellDomId, type FindingIndex } from '../findings-index.ts';
import { GridCell, type GridCellProps } from './GridCell.tsx';
import { cellsInRect, type Move, moveFrom, type Pos, positionOf } from './grid-nav.ts';
import { headerText } from './header-words.tsx';
import type { LiveCells } from './useEditor.ts';

export interface GridProps {
  table: TableDef;
  cells: Cells;
  /** Typed text that is not a value of its cell (report.invalidEntries), shown as typed. */
  entries: Readonly<Record<string, string | undefined>>;
  notes: Readonly<Record<string, string | undefined>>;
  manualTotals: boolean;
  index: FindingIndex;
  /** Writes values. `mergeKey` groups typing in one cell into one undo step; `overwrites` marks a risky paste. */
  onSetCells(values: Record<CellId, number | null>, mergeKey: string | null, overwrites: CellId[]): void;
  /** Keeps what was typed into a cell that is not a value it may hold (the cell becomes empty, an 错误). */
  onInvalidEntry(cell: CellId, text: string, mergeKey: string): void;
  /** A short message for the clerk (rejected input, paste notes). */
  onNotice(message: string, tone: 'error' | 'info'): void;
  /** The focused cell changed (the editor shows its findings and note). */
  onActiveCell(cell: CellId | null): void;
  /**
   * The latest edit: while the clerk types, the editor re-renders a frame later, so what the grid
   * reads in its handlers (and what its cells show of totals) comes from here, not from `cells`.
   */
  live: LiveCells;
}

const KEY_MOVES: Record<string, Move> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

function focusCell(cell: CellId | null) {
  if (!cell) return false;
  const el = document.getElementById(cellDomId(cell)) as HTMLInputElement | null;
  if (!el) return false;
  el.focus();
  el.select();
  return true;
}

/** The editable grid of one official table, drawn from the template's layout (merged headers, stubs). */
function GridView(props: GridProps) {
  const { table, cells, manualTotals, index } = props;
  const layout = useMemo(() => tableLayout(table), [table]);
  const widths = useMemo(() => columnWidths(table, layout.width), [table, layout.width]);
  const matrix = useMemo(() => tableMatrix(table), [table]);
  const [selection, setSelection] = useState<{ anchor: Pos; focus: Pos } | null>(null);
  const selected = useMemo(
    () => new Set(selection ? cellsInRect(matrix, selection.anchor, selection.focus) : []),
    [selection, matrix],
  );
  const lastFocused = useRef<CellId | null>(null);
  /** The cell whose text is on its way to a value («1,2» before «1,234»): not marked until it is left. */
  const [unfinished, setUnfinished] = useState<CellId | null>(null);

  const editable = (cell: CellId) => manualTotals || !cellDef(cell).isTotal;
  /** The cells as of the latest edit (`cells` may be a keystroke behind, see GridProps.live). */
  const cellsNow = () => props.live.report().cells;

  const onFocusIn = (e: FocusEvent) => {
    const cell = (e.target as HTMLElement).dataset?.cell;
    if (!cell) return;
    (e.target as HTMLInputElement).select();
    lastFocused.current = cell;
    props.onActiveCell(cell);
    const pos = positionOf(matrix, cell);
    if (pos && !selected.has(cell)) setSelection({ anchor: pos, focus: pos });
  };

  // A click selects the cell's whole value, so typing replaces it (as in Excel/WPS);
  // a double click places the caret for editing inside the number.
  const onMouseDown = (e: MouseEvent) => {
    const el = e.target as HTMLInputElement;
    if (!el.dataset?.cell || e.detail > 1 || e.shiftKey) return;
    e.preventDefault();
    el.focus();
    el.select();
  };

  /**
   * What is typed is never changed while typing: a value the cell may hold is stored as it is; any
   * other text («1.5» in a count cell, «-1», «1e3») stays in the cell as typed, is stored as the cell's
   * invalid entry and is an 错误 until corrected. No character is ever dropped from a number.
   */
  const takeTyped = (el: HTMLInputElement) => {
    const cell = el.dataset.cell;
    if (!cell || !editable(cell)) return;
    const def = cellDef(cell);
    const parsed = parseCellInput(el.value, def.kind, def.isTotal);
    if (parsed.ok && !parsed.dashAsZero) props.onSetCells({ [cell]: parsed.value }, `cell:${cell}`, []);
    else props.onInvalidEntry(cell, el.value, `cell:${cell}`);
    const waiting = !parsed.ok && mayBecomeValid(el.value);
    if (waiting !== (unfinished === cell)) setUnfinished(waiting ? cell : null);
  };

  // An IME's composition is taken when it ends, not letter by letter.
  const onInput = (e: Event) => {
    if ((e as InputEvent).isComposing) return;
    takeTyped(e.target as HTMLInputElement);
  };
  const onCompositionEnd = (e: Event) => takeTyped(e.target as HTMLInputElement);

  /** Leaving a cell shows a valid entry as stored («１２» → «12», «12.» → «12»). */
  const onFocusOut = (e: FocusEvent) => {
    const el = e.target as HTMLInputElement;
    const cell = el.dataset?.cell;
    if (!cell) return;
    if (unfinished === cell) setUnfinished(null);
    const def = cellDef(cell);
    const parsed = parseCellInput(el.value, def.kind, def.isTotal);
    if (parsed.ok && !parsed.dashAsZero && parsed.value === (cellsNow()[cell] ?? null)) {
      el.value = formatCellValue(parsed.value);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const el = e.target as HTMLInputElement;
    const cell = el.dataset?.cell;
    if (!cell) return;
    const pos = positionOf(matrix, cell)!;
    const wholeSelected = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    let move: Move | null = KEY_MOVES[e.key] ?? null;
    if (e.key === 'ArrowLeft' && !wholeSelected && (el.selectionStart ?? 0) > 0) move = null;
    if (e.key === 'ArrowRight' && !wholeSelected && (el.selectionEnd ?? 0) < el.value.length) move = null;
    if (e.key === 'Enter') move = e.shiftKey ? 'up' : 'down';
    if (e.key === 'Tab') move = e.shiftKey ? 'previous' : 'next';

    if (move && e.shiftKey && KEY_MOVES[e.key]) {
      // Shift+arrows extend the block selection (for copy and delete).
      const target = moveFrom(matrix, selection?.focus ?? pos, move);
      e.preventDefault();
      if (target) setSelection({ anchor: selection?.anchor ?? pos, focus: positionOf(matrix, target)! });
      return;
    }
    if (move) {
      let target = moveFrom(matrix, pos, move);
      // Tab goes from one cell that can be typed in to the next: automatic totals are skipped
      // (arrows still reach them, to read them), and past the last one Tab leaves the table.
      if (e.key === 'Tab')
        while (target && !editable(target)) target = moveFrom(matrix, positionOf(matrix, target)!, move);
      if (target) {
        e.preventDefault();
        focusCell(target);
        const p = positionOf(matrix, target)!;
        setSelection({ anchor: p, focus: p });
      } else if (e.key !== 'Tab') {
        e.preventDefault();
      }
      return;
    }
    if (!editable(cell) && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing in an automatic total would otherwise do nothing at all: say why, next to the cell.
      props.onNotice(
        `${cellDef(cell).label} 是自动合计，不能直接修改：请填写它所合计的各格。要照抄其他系统的合计数，请勾选本表上方的“手工填写合计”。`,
        'info',
      );
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      const targets = (selected.size ? [...selected] : [cell]).filter(editable);
      const values = Object.fromEntries(targets.map((c) => [c, null]));
      const now = cellsNow();
      if (targets.length)
        props.onSetCells(
          values,
          null,
          targets.filter((c) => now[c] !== null),
        );
    }
  };

  const onCopy = (e: ClipboardEvent) => {
    if (!selection || !e.clipboardData) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyTsv(matrix, selection.anchor, selection.focus, cellsNow()));
  };

  const onPaste = (e: ClipboardEvent) => {
    const cell = (e.target as HTMLElement).dataset?.cell;
    if (!cell || !e.clipboardData) return;
    e.preventDefault();
    const anchorCell = selection
      ? (matrix[Math.min(selection.anchor.row, selection.focus.row)]?.[
          Math.min(selection.anchor.col, selection.focus.col)
        ] ?? cell)
      : cell;
    const plan = planPaste(
      e.clipboardData.getData('text/plain'),
      matrix,
      anchorCell,
      cellsNow(),
      manualTotals,
    );
    if (!plan.ok) {
      props.onNotice(plan.message, 'error');
      return;
    }
    const count = Object.keys(plan.values).length;
    if (count) props.onSetCells(plan.values, null, plan.overwritten);
    const notes: string[] = [];
    if (count > 1) notes.push(`已粘贴 ${count} 格`);
    if (plan.dashCells.length) {
      notes.push(
        `${plan.dashCells.length} 格的“/”“—”“-”已按 0 填写：${plan.dashCells.map((c) => cellDef(c).label).join('、')}`,
      );
    }
    if (plan.skippedTotals.length) {
      notes.push(
        `合计格为自动计算，粘贴的合计未采用（${plan.skippedTotals
          .map((s) => `${cellDef(s.cell).label} 粘贴为 ${s.pasted ?? '空'}`)
          .join('；')}）`,
      );
    }
    if (notes.length) props.onNotice(`${notes.join('；')}。`, 'info');
    const first = Object.keys(plan.values)[0];
    const last = Object.keys(plan.values).pop();
    if (first && last) {
      setSelection({ anchor: positionOf(matrix, first)!, focus: positionOf(matrix, last)! });
    }
  };

  const renderLabel = (c: LayoutCell, key: number) => {
    const help = c.role === 'rowHeader' && c.rowKey ? findHelp(table, c.rowKey, c.text) : undefined;
    const Tag = c.role === 'rowHeader' ? 'th' : 'th';
    return (
      <Tag
        key={key}
        class={`label label-${c.role}`}
        colSpan={c.colSpan}
        rowSpan={c.rowSpan}
        scope={c.role === 'rowHeader' ? 'row' : c.role === 'columnHeader' ? 'col' : undefined}
      >
        {c.role === 'columnHeader' ? headerText(c.text) : c.text}
        {help ? (
          <details class="help">
            {/* Not a Tab stop: Tab runs from cell to cell, and the focused cell's status bar shows this
                same note; the mouse and a screen reader's reading cursor still open it here. */}
            <summary aria-label={`填报说明：${c.text}`} tabIndex={-1}>
              ？
            </summary>
            <p>{help}</p>
          </details>
        ) : null}
      </Tag>
    );
  };

  const cellProps = (c: LayoutCell): GridCellProps => {
    const id = c.cell!;
    const def = cellDef(id);
    const marks = index.cells.get(id);
    return {
      id,
      label: def.label,
      kind: def.kind,
      isTotal: def.isTotal,
      value: cells[id] ?? null,
      entry: props.entries[id],
      readOnly: !editable(id),
      colSpan: c.colSpan,
      severity: unfinished === id ? null : (marks?.severity ?? null),
      message: marks && unfinished !== id ? marks.messages.join('；') : '',
      selected: selected.size > 1 && selected.has(id),
      hasNote: Boolean(props.notes[id]),
      live: props.live,
    };
  };

  const renderRow = (cellsOfRow: LayoutCell[], key: string) => {
    const shown = cellsOfRow.map((c) => (c.role === 'value' ? cellProps(c) : null));
    return (
      <GridRow
        key={key}
        shown={shown}
        render={() => (
          <tr>
            {cellsOfRow.map((c, i) => {
              const cell = shown[i];
              return cell ? <GridCell key={cell.id} {...cell} /> : renderLabel(c, i);
            })}
          </tr>
        )}
      />
    );
  };

  return (
    <div class="grid-scroll">
      <table
        class={`grid grid-${table.id}`}
        aria-label={table.name}
        onFocusIn={onFocusIn}
        onMouseDown={onMouseDown}
        onInput={onInput}
        onCompositionEnd={onCompositionEnd}
        onFocusOut={onFocusOut}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onPaste={onPaste}
      >
        {widths ? (
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} class={w === null ? undefined : `col-w${w}`} />
            ))}
          </colgroup>
        ) : null}
        {layout.blocks.map((block, b) => {
          const head = [
            block.title ? renderRow(block.title.cells, `t${b}`) : null,
            ...block.header.map((row, r) => renderRow(row.cells, `h${b}-${r}`)),
          ];
          const body = block.body.map((row) => renderRow(row.cells, `r${b}-${row.rowKey}`));
          // One block: its head is the table's <thead>, which a printed page repeats when the table
          // continues. Table 2's blocks each have their own columns, so each keeps its head inline.
          return layout.blocks.length === 1 ? (
            <Fragment key={b}>
              <thead>{head}</thead>
              <tbody>{body}</tbody>
            </Fragment>
          ) : (
            <tbody key={b}>
              {head}
              {body}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/**
 * Column widths, as the official printed table balances them: table 3's three stub columns take
 * a good third of the width, most of it for the innermost labels (the longest, 「2.申请人逾期未按收费
 * 通知要求缴纳费用、…」, wraps to three lines, not seven) and its seven number
 * columns share the rest equally (a fixed table layout gives columns without a width equal shares);
 * table 4's fifteen number columns are equal without any. Table 2 (short labels, bands of different
 * columns) is left to the browser. Widths come as CSS classes (col-w4 …): the CSP allows no style
 * attributes.
 */
function columnWidths(table: TableDef, width: number): (number | null)[] | null {
  if (table.stubDepth !== 3) return null;
  return [4, 8, 26, ...Array.from({ length: width - 3 }, () => null)];
}

const sameCell = (a: GridCellProps | null, b: GridCellProps | null) =>
  a === b ||
  (a !== null && b !== null && (Object.keys(a) as (keyof GridCellProps)[]).every((k) => a[k] === b[k]));

/**
 * One row of a grid, rendered again only when one of its value cells would show something else: a
 * keystroke's re-render touches the rows of the cells it changed, not the 25 rows and their labels.
 */
const GridRow = memo(
  (p: { shown: readonly (GridCellProps | null)[]; render: () => VNode }) => p.render(),
  (a, b) =>
    a.shown.length === b.shown.length && a.shown.every((cell, i) => sameCell(cell, b.shown[i] ?? null)),
);

/** Help text of a row label: the row's own counting note, shown on the label cell that names it. */
function findHelp(table: TableDef, rowKey: string, text: string | undefined): string | undefined {
  for (const block of table.blocks) {
    const row = block.rows.find((r) => r.key === rowKey);
    if (row && row.path[row.path.length - 1] === text) return row.help;
  }
  return undefined;
}

const tableCellIds = new Map<TableDef, CellId[]>();
function idsOf(table: TableDef): CellId[] {
  const known = tableCellIds.get(table);
  if (known) return known;
  const ids = tableMatrix(table).flat();
  tableCellIds.set(table, ids);
  return ids;
}

/** A keystroke in one table leaves the other tables alone: only this table's values and marks count. */
function sameTableProps(a: GridProps, b: GridProps): boolean {
  if (a.table !== b.table || a.manualTotals !== b.manualTotals) return false;
  if (
    a.onSetCells !== b.onSetCells ||
    a.onInvalidEntry !== b.onInvalidEntry ||
    a.onNotice !== b.onNotice ||
    a.onActiveCell !== b.onActiveCell ||
    a.live !== b.live
  )
    return false;
  return idsOf(a.table).every(
    (id) =>
      a.cells[id] === b.cells[id] &&
      a.entries[id] === b.entries[id] &&
      a.notes[id] === b.notes[id] &&
      a.index.cells.get(id) === b.index.cells.get(id),
  );
}

/** The editable grid of one official table (see GridView). */
export const Grid = memo(GridView, sameTableProps);
