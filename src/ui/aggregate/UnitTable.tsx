import type { DuplicateGroup } from '../../aggregate/duplicates.ts';
import { formatLabel, type ReadyUnit } from '../../aggregate/units.ts';
import type { Review } from '../../report/review-state.ts';
import { reviewCounts } from '../editor/FindingsPanel.tsx';
import { ReviewBadge } from '../ReviewBadge.tsx';

export interface UnitTableProps {
  units: readonly ReadyUnit[];
  included: ReadonlySet<string>;
  duplicateOf: ReadonlyMap<string, DuplicateGroup>;
  supersededBy: ReadonlyMap<string, string>;
  /** The year most counted units give, to flag the others. */
  year: number | null;
  onInclude(key: string, included: boolean): void;
}

/** Findings shown in the table; the rest are counted (the unit's draft shows them all). */
const SHOWN_FINDINGS = 2;

/** The open findings (错误 first); confirmed 提示 are not problems. */
function Findings({ review }: { review: Review }) {
  const open = [...review.errors, ...review.open];
  if (open.length === 0) return <span class="aggregate-ok">无</span>;
  const more = open.length - SHOWN_FINDINGS;
  return (
    <ul class="aggregate-findings">
      {open.slice(0, SHOWN_FINDINGS).map((f, i) => (
        <li key={i} class={f.severity === '错误' ? 'aggregate-error' : 'aggregate-hint'}>
          {f.severity}：{f.message}
        </li>
      ))}
      {more > 0 ? <li class="aggregate-more">……另有 {more} 条</li> : null}
    </ul>
  );
}

function Remarks({ unit, props }: { unit: ReadyUnit; props: UnitTableProps }) {
  const nameOf = (key: string) => props.units.find((u) => u.key === key)?.name ?? '';
  const group = props.duplicateOf.get(unit.key);
  const remarks: string[] = [];
  if (group) {
    const others = group.keys.filter((k) => k !== unit.key).map((k) => `「${nameOf(k)}」`);
    const kept = props.supersededBy.get(unit.key);
    remarks.push(
      `重复：与${others.join('、')}同为同一机关、同一年度。` +
        (kept ? `默认只计入保存时间最新的「${nameOf(kept)}」。` : '默认计入这一份（保存时间最新）。'),
    );
  }
  if (props.year !== null && unit.report.year !== null && unit.report.year !== props.year) {
    remarks.push(`年度为 ${unit.report.year}，与多数单位（${props.year}）不同。`);
  }
  remarks.push(...unit.warnings);
  if (remarks.length === 0) return null;
  return (
    <ul class="aggregate-remarks">
      {remarks.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** One row per readable unit: counted or not, where from, who, which year, and what the checks say. */
export function UnitTable(props: UnitTableProps) {
  const { units, included } = props;
  return (
    <table class="aggregate-table">
      <caption>
        各单位（{units.length} 个，计入 {units.filter((u) => included.has(u.key)).length} 个）
      </caption>
      <thead>
        <tr>
          <th scope="col">计入</th>
          <th scope="col">来源</th>
          <th scope="col">机关名称</th>
          <th scope="col">年度</th>
          <th scope="col">格式</th>
          <th scope="col">审核</th>
          <th scope="col">主要问题</th>
          <th scope="col">说明</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => {
          const counted = included.has(u.key);
          return (
            <tr
              key={u.key}
              data-unit-key={u.key}
              class={[counted ? '' : 'aggregate-excluded', u.errors ? 'aggregate-has-errors' : '']
                .filter(Boolean)
                .join(' ')}
            >
              <td>
                <input
                  type="checkbox"
                  checked={counted}
                  aria-label={`计入汇总：${u.name}`}
                  onChange={(e) => props.onInclude(u.key, e.currentTarget.checked)}
                />
              </td>
              <th scope="row" class="aggregate-source">
                {u.name}
              </th>
              <td>{u.report.agency || '（未填写）'}</td>
              <td>{u.report.year ?? '（未填写）'}</td>
              <td class="aggregate-format">{formatLabel(u)}</td>
              <td class="aggregate-counts">
                <ReviewBadge counts={reviewCounts(u.review)} />
              </td>
              <td>
                <Findings review={u.review} />
              </td>
              <td>
                <Remarks unit={u} props={props} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
