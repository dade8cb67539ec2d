/**
 * The state of a report's review (审核), the one answer every view and export asks for:
 * - 有错误: an 错误 is left (a draft print, watermark 「草稿 · 审核未通过」);
 * - 待确认: no 错误, but a 提示 is neither resolved nor confirmed with a 说明 (still a draft print);
 * - 审核通过: no 错误, every remaining 提示 confirmed (a clean print).
 */
import type { Report } from './document.ts';
import { evaluate, type Finding } from './rules.ts';

export type ReviewState = '有错误' | '待确认' | '审核通过';

export interface ConfirmedFinding {
  finding: Finding;
  note: string;
  at: string;
}

export interface Review {
  state: ReviewState;
  errors: Finding[];
  /** 提示 not yet confirmed. */
  open: Finding[];
  /** 提示 confirmed with a 说明 whose basis still holds. */
  confirmed: ConfirmedFinding[];
}

/** Names a finding: its rule and what it involves. A confirmation is stored under this key. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.cells.join(',')}|${f.fields.join(',')}`;
}

/** Fingerprint of what a confirmation confirmed; when it changes, the confirmation lapses. */
export function findingBasis(f: Finding): string {
  return f.message;
}

export function reviewReport(report: Report, findings: readonly Finding[] = evaluate(report)): Review {
  const errors: Finding[] = [];
  const open: Finding[] = [];
  const confirmed: ConfirmedFinding[] = [];
  const confirmations = new Map(report.confirmations.map((c) => [c.key, c]));
  for (const f of findings) {
    if (f.severity === '错误') {
      errors.push(f);
      continue;
    }
    const c = confirmations.get(findingKey(f));
    if (c && c.basis === findingBasis(f)) confirmed.push({ finding: f, note: c.note, at: c.at });
    else open.push(f);
  }
  const state: ReviewState = errors.length ? '有错误' : open.length ? '待确认' : '审核通过';
  return { state, errors, open, confirmed };
}
