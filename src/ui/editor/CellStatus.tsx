import { type CellId, cellDef } from '../../report/cells.ts';
import { UNIT } from '../../report/template.ts';
import type { FindingIndex } from '../findings-index.ts';

export interface CellStatusProps {
  cell: CellId | null;
  index: FindingIndex;
  note: string;
  manualTotals: boolean;
  onNote(note: string): void;
}

/** Under the tables: the focused cell's label, its findings and its note (printed as a footnote). */
export function CellStatus({ cell, index, note, manualTotals, onNote }: CellStatusProps) {
  if (!cell) return <div class="cell-status muted">选中一个单元格，这里显示它的名称、审核结果和附注。</div>;
  const def = cellDef(cell);
  const marks = index.cells.get(cell);
  return (
    <div class="cell-status" aria-live="polite">
      <div class="cell-status-label">
        <strong>{def.label}</strong>（{UNIT[def.kind]}）
        {def.isTotal && !manualTotals ? '：自动合计，不能直接修改' : ''}
      </div>
      {marks ? (
        <ul class={`field-marks marks-${marks.severity === '错误' ? 'error' : 'hint'}`}>
          {marks.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <label class="note">
        附注（打印为表下脚注，如“其中修订16件”）：
        <input value={note} onInput={(e) => onNote((e.target as HTMLInputElement).value)} />
      </label>
    </div>
  );
}
