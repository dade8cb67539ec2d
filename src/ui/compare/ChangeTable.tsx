import type { CellId } from '../../report/cells.ts';
import { formatNumber } from '../../report/rules.ts';
import { type CellChange, isBigChange, type TableChanges } from '../../report/year-on-year.ts';
import { percent, signed } from './format.ts';

interface ChangeTableProps {
  changes: TableChanges;
  year: number | null;
  lastYear: number;
  onGoToCell?: (cell: CellId) => void;
}

/** 「—」 for a figure nobody knows, with words for screen readers. */
function Missing({ what }: { what: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{what}</span>
    </>
  );
}

function ChangeRow({ c, onGoToCell }: { c: CellChange; onGoToCell?: (cell: CellId) => void }) {
  const big = isBigChange(c);
  return (
    <tr class={big ? 'yoy-big' : undefined}>
      <th scope="row">
        {onGoToCell ? (
          <button
            type="button"
            class="yoy-goto"
            title="到编辑器中的这一格"
            onClick={() => onGoToCell(c.cell)}
          >
            {c.label}
          </button>
        ) : (
          c.label
        )}
      </th>
      <td>{c.thisYear === null ? <Missing what="空" /> : formatNumber(c.thisYear)}</td>
      <td>{c.lastYear === null ? <Missing what="无上年数字" /> : formatNumber(c.lastYear)}</td>
      <td>{c.change === null ? <Missing what="无法计算" /> : signed(c.change)}</td>
      <td>
        {c.changeRatio === null ? <Missing what="无法计算" /> : percent(c.changeRatio)}
        {big ? <span class="yoy-flag">变化较大</span> : null}
      </td>
    </tr>
  );
}

/** One official table: a row per value cell, named by its official row and column labels. */
export function ChangeTable({ changes, year, lastYear, onGoToCell }: ChangeTableProps) {
  const { table } = changes;
  const rows = changes.changes;
  return (
    <table class="yoy-table" id={`yoy-${table.id}`}>
      <caption>
        {table.name}
        <span class="yoy-caption-years">
          {year ?? '本'}年与{lastYear}年对比{rows.length ? '' : '：没有要显示的格'}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">项目</th>
          <th scope="col">本年</th>
          <th scope="col">上年</th>
          <th scope="col">增减</th>
          <th scope="col">增减幅度</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <ChangeRow key={c.cell} c={c} onGoToCell={onGoToCell} />
        ))}
      </tbody>
    </table>
  );
}
