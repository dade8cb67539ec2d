/**
 * The state of a report's review (审核), the one answer every view and export asks for:
 * - 有错误: an 错误 is left (a draft print, watermark 「草稿 · 审核未通过」);
 * - 待确认: no 错误, but a 提示 is neither resolved nor confirmed with a 说明 (still a draft print,
 *   watermark 「草稿 · 提示未确认」);
 * - 审核通过: no 错误, every remaining 提示 confirmed (a clean print; the 审签单 lists the confirmations).
 *
 * A confirmation (report.confirmations) names its finding by `key` (rule and what it is about) and
 * holds a `basis`, a digest of what was confirmed: the message, the values of the cells involved (and
 * last year's), and the texts of the fields involved (and last year's), or what the rule names
 * instead (the clauses T3-F quotes, the list of blank cells). When any of it changes the confirmation lapses and
 * the 提示 is open again; it is kept, so undoing the change brings it back.
 */
import { cellDef, isCellId } from './cells.ts';
import { digestOf } from './digest.ts';
import type { Report } from './document.ts';
import { TOPICS, type Topic } from './quoted-figures.ts';
import { evaluate, type FieldKey, type Finding, ruleOf } from './rules.ts';
import { SECTIONS } from './template.ts';

export type ReviewState = '有错误' | '待确认' | '审核通过';

export type Confirmation = Report['confirmations'][number];

export interface ConfirmedFinding {
  finding: Finding;
  note: string;
  at: string;
}

export interface Review {
  state: ReviewState;
  /** 错误 not confirmed (only 需更新 can be: 「已核对，沿用」). */
  errors: Finding[];
  /** 提示 not yet confirmed. */
  open: Finding[];
  /** Findings confirmed with a 说明 whose basis still holds. */
  confirmed: ConfirmedFinding[];
  /** Open findings that had a confirmation until what it confirmed changed (its 说明, to offer again). */
  lapsed: ConfirmedFinding[];
}

/** Longest key the report schema keeps; a longer one is shortened with a digest. */
const MAX_KEY = 300;

/** Names a finding: its rule and what it involves. A confirmation is stored under this key. */
export function findingKey(f: Finding): string {
  return f.key.length <= MAX_KEY ? f.key : `${f.key.slice(0, 200)}#${digestOf(f.key)}`;
}

function fieldText(report: Report, field: FieldKey): string {
  switch (field) {
    case 'agency':
      return report.agency;
    case 'year':
      return String(report.year);
    case 'period':
      return `${report.period.start}~${report.period.end}`;
    case 'preamble':
      return report.preamble;
    default:
      return `${report.sections[field]}\u0000${report.lastYear?.sections[field] ?? ''}`;
  }
}

/** Fingerprint of what a confirmation of `f` confirms in `report`; when it changes, the confirmation lapses. */
export function findingBasis(f: Finding, report: Report): string {
  const parts = [f.message];
  for (const id of f.cells) parts.push(`${id}=${report.cells[id]}/${report.lastYear?.cells[id]}`);
  // A rule that names what it depends on in its fields (the sentences T3-F quotes) narrows the basis:
  // editing another paragraph of the section keeps the confirmation.
  const narrowed = ruleOf(f)?.basis?.(report);
  if (narrowed !== undefined) parts.push(narrowed);
  else for (const field of f.fields) parts.push(fieldText(report, field));
  return `b1-${digestOf(parts.join('\u0001'))}`;
}

export function reviewReport(report: Report, findings: readonly Finding[] = evaluate(report)): Review {
  const errors: Finding[] = [];
  const open: Finding[] = [];
  const confirmed: ConfirmedFinding[] = [];
  const lapsed: ConfirmedFinding[] = [];
  const confirmations = new Map(report.confirmations.map((c) => [c.key, c]));
  for (const f of findings) {
    const c = f.confirmable ? confirmations.get(findingKey(f)) : undefined;
    if (c && c.basis === findingBasis(f, report)) {
      confirmed.push({ finding: f, note: c.note, at: c.at });
      continue;
    }
    if (c) lapsed.push({ finding: f, note: c.note, at: c.at });
    (f.severity === '错误' ? errors : open).push(f);
  }
  const state: ReviewState = errors.length ? '有错误' : open.length ? '待确认' : '审核通过';
  return { state, errors, open, confirmed, lapsed };
}

/** What a state means, in one line, for badges, lists and exports. */
export const STATE_EXPLANATIONS: Record<ReviewState, string> = {
  有错误: '还有错误未改正',
  待确认: '没有错误，但有提示尚未核实确认',
  审核通过: '没有错误，提示均已核实确认',
};

/** 「2022-01-20 10:30」 from a confirmation's ISO time, in Beijing time (UTC+8, no daylight saving). */
export function formatConfirmedAt(at: string): string {
  const time = Date.parse(at);
  if (!Number.isFinite(time)) return at;
  const t = new Date(time + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

/** What each kind of confirmable finding is about, for naming a confirmation without its finding. */
const RULE_SUBJECTS: Record<string, string> = {
  EMPTY: '未填写的格（按 0 计）',
  'EMPTY-TABLE': '整张表未填写',
  'T3-F': '总体情况所写数字与表三',
  'T4-F': '总体情况所写数字与表四',
  'T3-E': '上年结转与上年报告',
  'T2-A': '现行有效件数与上年报告',
  'TEXT-EMPTY': '未填写',
  'TEXT-STALE': '沿用上年文字（需更新）',
  'TEXT-SIMILAR': '与上年内容雷同',
};

const TABLE_WORDS: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

/**
 * 「表三：未填写的格（按 0 计）」「一、总体情况：与上年内容雷同」「收到申请：总体情况所写数字与表三」 —
 * a confirmation named from its key alone (history diffs, file diffs), where the finding may be gone.
 */
export function confirmationLabel(key: string): string {
  const [ruleId = '', ...rest] = key.split('|');
  const subject = RULE_SUBJECTS[ruleId] ?? ruleId;
  if (ruleId === 'T3-F' || ruleId === 'T4-F') {
    const topic = TOPICS[rest[1] as Topic];
    return topic ? `${topic.name}：${subject}` : subject;
  }
  if (rest.length === 1) return `${TABLE_WORDS[rest[0]!] ?? rest[0]}：${subject}`;
  const [cells = '', fields = ''] = rest;
  const cell = cells.split(',')[0];
  if (cell && isCellId(cell)) return `${cellDef(cell).label}：${subject}`;
  const field = fields.split(',')[0];
  const heading = SECTIONS.find((s) => s.kind === 'text' && s.key === field)?.heading;
  if (heading) return `${heading}：${subject}`;
  return field === 'preamble' ? `前言：${subject}` : subject;
}
