import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CellId } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { isBigChange, yearOnYear } from '../../report/year-on-year.ts';
import { ChangeTable } from './ChangeTable.tsx';
import { SectionCompare } from './SectionCompare.tsx';
import './compare.css';

export interface YearOnYearViewProps {
  report: Report;
  onClose(): void;
  /** Moves the editor to a cell; when given, each row label becomes a button. */
  onGoToCell?(cell: CellId): void;
}

function NoLastYear() {
  return (
    <div class="yoy-empty">
      <p>这份草稿没有上年的数字和文字，无法同比。</p>
      <p>要得到上年数据，可以：</p>
      <ul>
        <li>
          在「草稿列表」中找到上年的草稿，选「新建下一年度」：新草稿会带上上年的全部数字和文字，用于同比和审核。
        </li>
        <li>
          上年报告不是用本工具填写的：先用「导入往年报告」导入上年已公开的报告（网页或文字），确认后再对它选「新建下一年度」。
        </li>
      </ul>
    </div>
  );
}

/** 同比: every cell of the three tables beside last year's, and each text section's likeness to last year's. */
export function YearOnYearView({ report, onClose, onGoToCell }: YearOnYearViewProps) {
  const data = useMemo(() => yearOnYear(report), [report]);
  const [changedOnly, setChangedOnly] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const all = data.tables.flatMap((t) => t.changes);
  const changed = all.filter((c) => c.change !== null && c.change !== 0);
  const big = changed.filter(isBigChange);
  const similarCount = data.sections.filter((s) => s.similar).length;

  return (
    <section
      class="yoy"
      aria-labelledby="yoy-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="yoy-header">
        <h2 id="yoy-title" ref={heading} tabIndex={-1}>
          同比（{data.year ?? '本'}年与{data.lastYear ?? '上'}年对比）
        </h2>
        <button type="button" onClick={onClose}>
          关闭同比
        </button>
      </header>
      {data.lastYear === null ? (
        <NoLastYear />
      ) : (
        <>
          <p class="yoy-summary" role="status">
            共 {changed.length} 格与上年不同，其中 {big.length} 格变化较大；{similarCount}{' '}
            个文字部分与上年内容雷同。
          </p>
          <label class="yoy-filter">
            <input
              type="checkbox"
              checked={changedOnly}
              onChange={(e) => setChangedOnly(e.currentTarget.checked)}
            />
            只看与上年不同的格
          </label>
          <h3>表格</h3>
          {data.tables.map((t) => (
            <ChangeTable
              key={t.table.id}
              changes={changedOnly ? { ...t, changes: t.changes.filter((c) => changed.includes(c)) } : t}
              year={data.year}
              lastYear={data.lastYear!}
              onGoToCell={onGoToCell}
            />
          ))}
          <h3>文字部分</h3>
          {data.sections.map((s) => (
            <SectionCompare key={s.key} section={s} />
          ))}
        </>
      )}
    </section>
  );
}
