import { memo } from 'preact/compat';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_CONFIRMATION_NOTE } from '../../report/document.ts';
import {
  type ConfirmedFinding,
  findingKey,
  formatConfirmedAt,
  type Review,
  STATE_EXPLANATIONS,
} from '../../report/review-state.ts';
import { type Finding, TABLE_NAMES } from '../../report/rules.ts';
import type { TableDef } from '../../report/template.ts';
import { focusFinding } from '../findings-index.ts';
import { ReviewBadge } from '../ReviewBadge.tsx';

const GROUPS: { key: Finding['table']; name: string }[] = [
  { key: null, name: '全文' },
  { key: 't2', name: TABLE_NAMES.t2 },
  { key: 't3', name: TABLE_NAMES.t3 },
  { key: 't4', name: TABLE_NAMES.t4 },
];

export const reviewCounts = (review: Review) => ({
  state: review.state,
  errors: review.errors.length,
  hints: review.open.length,
  confirmed: review.confirmed.length,
});

export interface FindingActions {
  /** 确认无误 / 已核对，沿用 with the clerk's 说明. */
  onConfirm(finding: Finding, note: string): void;
  /** 撤销确认. */
  onWithdraw(key: string): void;
  /** 空白格填 0 for one table. */
  onFillBlank(table: TableDef['id']): void;
  /** The first blank cell of a table, to go to from the blank-cells 提示. */
  firstBlank(table: TableDef['id']): string | undefined;
}

const isStale = (f: Finding) => f.ruleId === 'TEXT-STALE';
const isBlank = (f: Finding) => f.ruleId === 'EMPTY' || f.ruleId === 'EMPTY-TABLE';
const confirmLabel = (f: Finding) => (isStale(f) ? '已核对，沿用' : '确认无误');

/** The 说明 form: required, short, kept with the report; Escape or 取消 closes it unchanged. */
function ConfirmForm(props: { finding: Finding; initial: string; onDone(note: string | null): void }) {
  const [note, setNote] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const empty = !note.trim();
  const id = `confirm-${findingKey(props.finding).replace(/[^\w-]/g, '_')}`;
  const form = useRef<HTMLFormElement>(null);
  // The form opens under its item, often at the bottom of the panel: the panel scrolls (on its own,
  // not the page) so that the 说明 box and its buttons are seen whole.
  useLayoutEffect(() => {
    const el = form.current;
    const panel = el?.closest<HTMLElement>('.side');
    if (!el || !panel) return;
    const box = el.getBoundingClientRect();
    const view = panel.getBoundingClientRect();
    const below = box.bottom + 8 - view.bottom;
    // Never past the form's own top (a form taller than the panel shows its label first).
    if (below > 0) panel.scrollTop += Math.min(below, box.top - view.top);
  }, []);
  return (
    <form
      ref={form}
      class="confirm-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!empty) props.onDone(note.trim());
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onDone(null)}
    >
      <label for={id}>
        说明（必填）：{isStale(props.finding) ? '为什么沿用上年文字' : '为什么这样是对的'}
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={MAX_CONFIRMATION_NOTE}
        value={note}
        placeholder={isStale(props.finding) ? '如：本部分本年无变化，经核对沿用' : '如：本年确无行政复议案件'}
        aria-invalid={tried && empty}
        aria-describedby={tried && empty ? `${id}-error` : undefined}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        autoFocus
      />
      {tried && empty ? (
        <p id={`${id}-error`} class="confirm-error" role="alert">
          请写明说明：确认的理由会随报告保存，审签单上也会列出。
        </p>
      ) : null}
      <div class="confirm-buttons">
        <button type="submit" class="primary">
          {confirmLabel(props.finding)}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          取消
        </button>
      </div>
    </form>
  );
}

interface ItemProps {
  finding: Finding;
  lapsed: ConfirmedFinding | undefined;
  actions: FindingActions;
  readOnly: boolean;
}

function FindingItem({ finding, lapsed, actions, readOnly }: ItemProps) {
  const [confirming, setConfirming] = useState(false);
  const go = () => {
    if (finding.cells.length || finding.fields.length) focusFinding(finding);
    else if (finding.table) {
      const cell = actions.firstBlank(finding.table);
      if (cell) focusFinding({ cells: [cell], fields: [] });
    }
  };
  return (
    <li class={finding.severity === '错误' ? 'finding-error' : 'finding-hint'}>
      {/* The rule code is for the 详细 view (tooltip) and the CLI, not for the clerk's reading. */}
      <button type="button" class="finding" onClick={go} title={`规则 ${finding.ruleId}`}>
        <span class="finding-severity">{finding.severity}</span>
        {finding.message}
      </button>
      {lapsed ? (
        <p class="finding-lapsed">
          原来的确认已失效：相关的数字或文字改动过，请重新核对。原说明：{lapsed.note}
        </p>
      ) : null}
      {finding.confirmable && !readOnly ? (
        confirming ? (
          <ConfirmForm
            finding={finding}
            initial={lapsed?.note ?? ''}
            onDone={(note) => {
              setConfirming(false);
              if (note) actions.onConfirm(finding, note);
            }}
          />
        ) : (
          <div class="finding-actions">
            {isBlank(finding) && finding.table ? (
              <button
                type="button"
                onClick={() => actions.onFillBlank(finding.table!)}
                title="把这张表中所有空白格填为 0（可撤销，填之前会保留一个历史版本）"
              >
                空白格填 0
              </button>
            ) : null}
            <button type="button" onClick={() => setConfirming(true)}>
              {confirmLabel(finding)}
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}

function ConfirmedList(props: {
  confirmed: readonly ConfirmedFinding[];
  actions: FindingActions;
  readOnly: boolean;
}) {
  if (props.confirmed.length === 0) return null;
  return (
    <details class="confirmed-findings">
      <summary>已确认的提示（{props.confirmed.length} 条，说明会列在审签单上）</summary>
      <ul>
        {props.confirmed.map(({ finding, note, at }) => (
          <li key={finding.key} class="finding-confirmed">
            <button
              type="button"
              class="finding"
              onClick={() => focusFinding(finding)}
              title={`规则 ${finding.ruleId}`}
            >
              {finding.message}
            </button>
            <p class="confirmed-note">
              说明：{note}
              <span class="confirmed-at">（{formatConfirmedAt(at)} 确认）</span>
            </p>
            {props.readOnly ? null : (
              <button
                type="button"
                class="link"
                onClick={() => props.actions.onWithdraw(findingKey(finding))}
              >
                撤销确认
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

const STATE_ADVICE = {
  有错误: '错误必须改正；提示请核实后改正，或点“确认无误”写明说明。',
  待确认: '没有错误。下列提示请核实：有误的改正，没有问题的点“确认无误”并写明说明，全部确认后才是正式稿。',
  审核通过: '没有错误，提示均已确认，可以导出正式稿。',
} as const;

export interface FindingsPanelProps {
  findings: readonly Finding[];
  review: Review;
  actions: FindingActions;
  readOnly?: boolean;
}

/** 审核结果: the state, what is open grouped by table (a click moves to the cell), and what was confirmed. */
function FindingsPanelView({ findings, review, actions, readOnly = false }: FindingsPanelProps) {
  if (findings.length === 0) {
    return (
      <section class="findings" aria-labelledby="findings-title">
        <h2 id="findings-title">
          审核结果 <ReviewBadge counts={reviewCounts(review)} />
        </h2>
        <p class="findings-clean">全部审核通过，没有错误和提示。</p>
      </section>
    );
  }
  const open = [...review.errors, ...review.open];
  const lapsed = new Map(review.lapsed.map((c) => [c.finding.key, c]));
  return (
    <section class="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">
        审核结果 <ReviewBadge counts={reviewCounts(review)} />
      </h2>
      <p class="findings-advice" title={STATE_EXPLANATIONS[review.state]}>
        {STATE_ADVICE[review.state]}
      </p>
      {GROUPS.map((group) => {
        const items = open.filter((f) => f.table === group.key);
        if (!items.length) return null;
        return (
          <div class="finding-group" key={group.name}>
            <h3>{group.name}</h3>
            <ul>
              {items.map((f) => (
                <FindingItem
                  key={f.key}
                  finding={f}
                  lapsed={lapsed.get(f.key)}
                  actions={actions}
                  readOnly={readOnly}
                />
              ))}
            </ul>
          </div>
        );
      })}
      <ConfirmedList confirmed={review.confirmed} actions={actions} readOnly={readOnly} />
    </section>
  );
}

// Incremental evaluation keeps a finding whose message did not change as the same object.
const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a === b ||
  (a.length === b.length &&
    a.every((f, i) => f === b[i] || (f.message === b[i]!.message && f.key === b[i]!.key)));
const sameReview = (a: Review, b: Review) =>
  a.state === b.state &&
  sameFindings(a.errors, b.errors) &&
  sameFindings(a.open, b.open) &&
  a.lapsed.length === b.lapsed.length &&
  a.confirmed.length === b.confirmed.length &&
  a.confirmed.every(
    (c, i) => c.finding.message === b.confirmed[i]!.finding.message && c.note === b.confirmed[i]!.note,
  );

/** The 审核结果 panel; skipped when a keystroke leaves the findings and their confirmations as they were. */
export const FindingsPanel = memo(
  FindingsPanelView,
  (a, b) =>
    sameFindings(a.findings, b.findings) &&
    sameReview(a.review, b.review) &&
    a.actions === b.actions &&
    a.readOnly === b.readOnly,
);
