import { useLayoutEffect, useRef } from 'preact/hooks';
import { type CellId, cellDef } from '../../report/cells.ts';
import { UNIT } from '../../report/template.ts';
import type { FindingIndex } from '../findings-index.ts';

export interface CellStatusProps {
  cell: CellId;
  index: FindingIndex;
  note: string;
  manualTotals: boolean;
  /**
   * The focus is in this table (or in this status): the status sticks to the bottom of the window.
   * Otherwise it stays where it is, after its table, dimmed, with the last cell visited there: a
   * status that disappeared when the focus went to another table would move everything below it, and
   * the cell just scrolled to with it (under the next table's sticky headers).
   */
  active: boolean;
  onNote(note: string): void;
}

/**
 * The focused cell's name, its counting note (the row's 「？」), what the 审核 says about it and its
 * 附注 (printed as a footnote). It sticks to the bottom of the window while its table is on screen,
 * so it is seen next to the cell however tall the table; its height is published (`--status-h`) for
 * the page's scroll-padding, so a focused cell is never scrolled in under it.
 */
export function CellStatus({ cell, index, note, manualTotals, active, onNote }: CellStatusProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !active) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--status-h', `${Math.ceil(el.offsetHeight)}px`);
    publish();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(publish) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--status-h');
    };
  }, [active]);

  const def = cellDef(cell);
  const marks = index.cells.get(cell);
  const automatic = def.isTotal && !manualTotals;
  return (
    <div class={active ? 'cell-status' : 'cell-status cell-status-idle'} ref={box} aria-live="polite">
      <div class="cell-status-label">
        <strong>{def.label}</strong>（{UNIT[def.kind]}）
        {automatic ? (
          <span class="cell-status-auto">
            自动合计，不能直接修改（要照抄其他系统的合计数，请勾选“手工填写合计”）
          </span>
        ) : null}
        {def.row.help ? <span class="cell-status-help">填报说明：{def.row.help}</span> : null}
      </div>
      {marks ? (
        <ul class={`field-marks marks-${marks.severity === '错误' ? 'error' : 'hint'}`}>
          {marks.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <label class="note">
        附注：
        <input
          value={note}
          placeholder="打印为表下脚注，如“其中修订16件”"
          onInput={(e) => onNote((e.target as HTMLInputElement).value)}
        />
      </label>
    </div>
  );
}
