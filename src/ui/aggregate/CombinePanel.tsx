import type { YearSummary } from '../../aggregate/selection.ts';
import type { ReadyUnit } from '../../aggregate/units.ts';
import type { Finding } from '../../report/rules.ts';

export interface CombinePanelProps {
  counted: readonly ReadyUnit[];
  years: YearSummary;
  /** Groups of duplicates of which more than one unit is counted: 「甲局」2021 年度 … */
  doubleCounted: readonly string[];
  /** 错误 of the combined report's tables (its texts are still to be written). */
  tableErrors: readonly Finding[];
  /** Cells of the combined report beyond what a cell may hold (beyondLimits), or null. */
  beyond: string | null;
  agency: string;
  onAgency(agency: string): void;
  onCreate(): void;
  /** The combined draft is being stored (and will open): no second one. */
  creating?: boolean;
  onExport(): void;
  message: string | null;
}

/**
 * Why the combined report cannot be made now, or null.
 * @param beyond what beyondLimits (src/aggregate/sum.ts) says of the combined report
 */
export function blockedReason(
  counted: number,
  years: YearSummary,
  beyond: string | null = null,
): string | null {
  if (counted === 0) return '请至少计入一个单位。';
  if (beyond) return beyond;
  if (years.counts.filter((c) => c.year !== null).length > 1) {
    const byYear = years.counts.map((c) => `${c.year ?? '年度未填写'}${c.year ? ' 年度' : ''} ${c.units} 个`);
    return `计入的单位年度不一致（${byYear.join('，')}），请只计入同一年度的报告。`;
  }
  return null;
}

/** The combined report: what it will hold, its name, and the two ways out (a draft, a CSV). */
export function CombinePanel(props: CombinePanelProps) {
  const { counted, years, doubleCounted, tableErrors } = props;
  const withErrors = counted.filter((u) => u.errors > 0).length;
  const blocked = blockedReason(counted.length, years, props.beyond);
  return (
    <section class="aggregate-combine" aria-labelledby="aggregate-combine-title">
      <h3 id="aggregate-combine-title">汇总报告</h3>
      <p>
        计入 {counted.length} 个单位{years.year !== null && !blocked ? `，${years.year} 年度` : ''}。
        三张表逐格相加（空白按 0
        计），总计自动计算；正文、联系方式和单元格备注不相加，汇总报告的正文需另行撰写。
      </p>
      <ul class="aggregate-warnings">
        {blocked ? <li class="aggregate-error">{blocked}</li> : null}
        {doubleCounted.map((d) => (
          <li key={d} class="aggregate-error">
            {d}：计入了不止一份，会重复计算。
          </li>
        ))}
        {withErrors ? (
          <li class="aggregate-hint">
            计入的单位中有 {withErrors}{' '}
            个审核有错误，汇总数字可能不准确；可退回修改，或点“不计入有错误的单位”。
          </li>
        ) : null}
        {!blocked && counted.length > 0 ? (
          tableErrors.length ? (
            <li class="aggregate-error">
              汇总后的表格审核有 {tableErrors.length} 个错误（来自有错误的单位）。
            </li>
          ) : (
            <li class="aggregate-ok">汇总后的表格审核无错误。</li>
          )
        ) : null}
      </ul>
      <label class="aggregate-agency">
        汇总报告的机关名称{' '}
        <input
          type="text"
          value={props.agency}
          placeholder="如：某市人民政府"
          onInput={(e) => props.onAgency(e.currentTarget.value)}
        />
      </label>
      <div class="aggregate-buttons">
        <button
          type="button"
          class="primary"
          disabled={Boolean(blocked) || props.creating}
          onClick={props.onCreate}
        >
          {props.creating ? '正在生成汇总报告…' : '生成汇总报告'}
        </button>
        <button type="button" disabled={Boolean(blocked)} onClick={props.onExport}>
          导出各单位数据（CSV）
        </button>
      </div>
      {props.message ? (
        <p class="aggregate-message" role="status">
          {props.message}
        </p>
      ) : null}
    </section>
  );
}
