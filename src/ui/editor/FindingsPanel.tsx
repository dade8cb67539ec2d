import { memo } from 'preact/compat';
import { cellDef } from '../../report/cells.ts';
import { countBySeverity, type Finding, TABLE_NAMES } from '../../report/rules.ts';
import { focusFinding } from '../findings-index.ts';

const GROUPS: { key: Finding['table']; name: string }[] = [
  { key: null, name: '全文' },
  { key: 't2', name: TABLE_NAMES.t2 },
  { key: 't3', name: TABLE_NAMES.t3 },
  { key: 't4', name: TABLE_NAMES.t4 },
];

export function SeverityBadge({ findings }: { findings: readonly Finding[] }) {
  const { errors, hints } = countBySeverity(findings);
  return (
    <span class={`badge ${errors ? 'badge-error' : 'badge-ok'}`} role="status" aria-live="polite">
      <span class="badge-errors">错误 {errors}</span> / <span class="badge-hints">提示 {hints}</span>
    </span>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class={finding.severity === '错误' ? 'finding-error' : 'finding-hint'}>
      <button type="button" class="finding" onClick={() => focusFinding(finding)}>
        <span class="finding-severity">{finding.severity}</span>
        <span class="finding-rule">{finding.ruleId}</span>
        {finding.message}
      </button>
    </li>
  );
}

/** 审核结果: every finding grouped by table; a click moves to the cell. Empty cells are summed up per table. */
function FindingsPanelView({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) {
    return (
      <section class="findings" aria-labelledby="findings-title">
        <h2 id="findings-title">审核结果</h2>
        <p class="findings-clean">全部审核通过，没有错误和提示。</p>
      </section>
    );
  }
  return (
    <section class="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">
        审核结果 <SeverityBadge findings={findings} />
      </h2>
      {GROUPS.map((group) => {
        const items = findings.filter((f) => f.table === group.key);
        if (!items.length) return null;
        const empty = items.filter((f) => f.ruleId === 'EMPTY');
        const others = items.filter((f) => f.ruleId !== 'EMPTY');
        return (
          <div class="finding-group" key={group.name}>
            <h3>{group.name}</h3>
            <ul>
              {others.map((f) => (
                <FindingItem key={f.ruleId + f.message} finding={f} />
              ))}
              {empty.length ? (
                <li class="finding-hint">
                  <button type="button" class="finding" onClick={() => focusFinding(empty[0]!)}>
                    <span class="finding-severity">提示</span>
                    <span class="finding-rule">EMPTY</span>
                    {empty.length} 格未填写（按 0 计），第一格：{cellDef(empty[0]!.cells[0]!).label}
                  </button>
                </li>
              ) : null}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => f.message === b[i]!.message && f.ruleId === b[i]!.ruleId);

/** The 审核结果 panel; skipped when a keystroke leaves the findings as they were. */
export const FindingsPanel = memo(FindingsPanelView, (a, b) => sameFindings(a.findings, b.findings));
