/**
 * What differs between two reports, place by place, with the report's own labels: shown before a
 * stored draft is overwritten by a file, and when a file was edited outside the tool.
 */
import { cellDef, isCellId } from '../report/cells.ts';
import type { Report } from '../report/document.ts';
import { SECTIONS } from '../report/template.ts';
import { labelOfReportPath, type Path } from './labels.ts';

export interface ReportChange {
  path: readonly string[];
  /** 「一、本年新收政府信息公开申请数量·自然人」 */
  label: string;
  /** The value as shown to the clerk: numbers as typed, empty as 「（空）」, texts as plain text. */
  before: string;
  after: string;
}

/** Places never shown: the schema's version and the draft's internal id. */
const SKIPPED = new Set(['formatVersion', 'id']);
const MAX_TEXT_SHOWN = 160;

type Leaf = { path: string[]; value: unknown };

/** Leaves of a report: primitives, and arrays as a whole (staleSections); confirmations by the 提示 they confirm. */
function leaves(value: unknown, path: string[] = [], out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (path.length === 1 && path[0] === 'confirmations' && Array.isArray(value)) {
    // One place per confirmed 提示, holding its 说明 (the key and basis are the tool's business).
    for (const c of value as Report['confirmations'])
      out.set(JSON.stringify(['confirmations', c.key]), { path: ['confirmations', c.key], value: c.note });
    return out;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      if (path.length === 0 && SKIPPED.has(key)) continue;
      leaves((value as Record<string, unknown>)[key], [...path, key], out);
    }
    // An empty object still says something when the other side has content (lastYear null vs {}).
    if (Object.keys(value).length === 0) out.set(JSON.stringify(path), { path, value: '' });
  } else out.set(JSON.stringify(path), { path, value });
  return out;
}

const sectionHeading = (key: string) =>
  SECTIONS.find((s) => s.kind === 'text' && s.key === key)?.heading ?? key;

function show(value: unknown, path: Path): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') {
    if (path[0] === 'manualTotals') return value ? '手工填写' : '自动合计';
    return value ? '是' : '否';
  }
  if (typeof value === 'number') {
    const cell = path.find((p): p is string => typeof p === 'string' && isCellId(p));
    const unit = cell && cellDef(cell).kind === 'amount' ? ' 万元' : '';
    // Exact, not rounded: a change in the fifth decimal is still a change.
    return `${String(value)}${unit}`;
  }
  if (Array.isArray(value))
    return value.length === 0 ? '（空）' : value.map((v) => sectionHeading(String(v))).join('、');
  return String(value);
}

/** Long texts are shown around their first difference, so the change is visible without scrolling. */
function excerpts(before: string, after: string): [string, string] {
  if (before.length <= MAX_TEXT_SHOWN && after.length <= MAX_TEXT_SHOWN) return [before, after];
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  const from = Math.max(0, start - 40);
  const cut = (text: string) => {
    const part = text.slice(from, from + MAX_TEXT_SHOWN);
    return `${from > 0 ? '…' : ''}${part}${from + MAX_TEXT_SHOWN < text.length ? '…' : ''}（共 ${text.length} 字）`;
  };
  return [cut(before), cut(after)];
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Changes from `before` to `after`, in the reading order of `after` (then places only in `before`). */
export function diffReports(before: Report, after: Report): ReportChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const changes: ReportChange[] = [];
  for (const key of keys) {
    const left = a.get(key);
    const right = b.get(key);
    const path = (right ?? left)!.path;
    if (same(left?.value, right?.value)) continue;
    let shownBefore = show(left?.value, path);
    let shownAfter = show(right?.value, path);
    if (shownBefore === shownAfter) continue; // e.g. an empty text vs an absent one
    if (typeof left?.value === 'string' && typeof right?.value === 'string') {
      [shownBefore, shownAfter] = excerpts(shownBefore, shownAfter);
    }
    changes.push({ path, label: labelOfReportPath(path), before: shownBefore, after: shownAfter });
  }
  return changes;
}
