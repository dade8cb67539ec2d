/**
 * What both repositories store, and the rules they share: the summary computed at save time (so the
 * list never evaluates 500 drafts), the default name, the version check, report validation.
 */
import { digestOf } from '../report/digest.ts';
import { type Report, reportSchema } from '../report/document.ts';
import { type ReviewState, reviewReport } from '../report/review-state.ts';
import { knownFindings } from '../report/rules.ts';
import { StorageError } from './errors.ts';
import type { DraftSummary } from './repository.ts';

/** One draft's list entry (object store 'drafts'); its report lives apart (store 'bodies'). */
export interface DraftRow {
  id: string;
  name: string | null;
  agency: string;
  year: number | null;
  createdAt: number;
  savedAt: number;
  version: number;
  errors: number;
  hints: number;
  /** Absent in rows saved before review states (issue 15): toSummary derives them from the counts. */
  confirmed?: number;
  state?: ReviewState;
  /** The edition of the rules that made errors/hints/confirmed/state (absent: before issue 15). */
  rulesEdition?: number;
  size: number;
  digest: string;
  trashedAt: number | null;
}

/**
 * What is kept of a report's 审核 with each save, so the list never evaluates 500 drafts: 错误 left
 * (not confirmed), 提示 still open, 提示 confirmed with a 说明, and the state they make.
 */
export interface ContentFacts {
  agency: string;
  year: number | null;
  errors: number;
  hints: number;
  confirmed: number;
  state: ReviewState;
  rulesEdition: number;
  size: number;
  digest: string;
}

export const MAX_NAME_LENGTH = 100;

/** Bytes of a string in UTF-8, without allocating the encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export { digestOf };

/**
 * The report a stored copy was validated from (storableReport). zod's parse copies the report, and
 * changes nothing a rule reads (it only trims a confirmation's 说明), so the findings the editor
 * already worked out for the original hold for the copy: a save during typing does not evaluate
 * every rule again.
 */
const validatedFrom = new WeakMap<Report, Report>();

/**
 * Bump when a change of the rules changes what a stored report counts (which findings, their
 * severity): rows of an older edition are worked out again from their bodies when the list is read,
 * so the draft list never shows a state the rules of today would not give.
 * 2: issue 15 (one blank-cells 提示 per table, 需更新 an 错误, confirmations).
 * 3: issue 18 (内容雷同 compared paragraph by paragraph: its message changed, so a confirmation of it
 *    lapses and a 审核通过 draft may be 待确认 again).
 */
export const RULES_EDITION = 3;

/** The 审核 part of a row, worked out from its report with today's rules. */
export function reviewFacts(report: Report) {
  const review = reviewReport(report, knownFindings(validatedFrom.get(report) ?? report));
  return {
    errors: review.errors.length,
    hints: review.open.length,
    confirmed: review.confirmed.length,
    state: review.state,
    rulesEdition: RULES_EDITION,
  };
}

export function contentFacts(report: Report): ContentFacts {
  const json = JSON.stringify(report);
  return {
    agency: report.agency,
    year: report.year,
    ...reviewFacts(report),
    size: utf8Length(json),
    digest: digestOf(json),
  };
}

export function defaultDraftName(agency: string, year: number | null): string {
  const who = agency.trim() || '未填写机关名称';
  return year === null ? `${who}（未填写年度）` : `${who} ${year}年度`;
}

export function toSummary(row: DraftRow): DraftSummary {
  return {
    id: row.id,
    name: row.name ?? defaultDraftName(row.agency, row.year),
    customName: row.name,
    agency: row.agency,
    year: row.year,
    createdAt: row.createdAt,
    savedAt: row.savedAt,
    version: row.version,
    errors: row.errors,
    hints: row.hints,
    confirmed: row.confirmed ?? 0,
    // A row saved before review states (the IndexedDB list works such rows out again; this is the
    // answer when it could not): no confirmations existed then, so open 提示 make it 待确认.
    state: row.state ?? (row.errors ? '有错误' : row.hints ? '待确认' : '审核通过'),
    size: row.size,
    trashedAt: row.trashedAt,
  };
}

/** A custom name, trimmed and bounded; '' means "back to the default" (null). */
export function normalizeName(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, MAX_NAME_LENGTH) : null;
}

/**
 * The name of a copy: a name the clerk gave on purpose is kept, marked 「（副本）」; a draft named by
 * its report (机关名称＋年度) gives a copy named the same way, which follows its own report — a copy
 * is usually made to become another agency's or year's report, and then must not keep the old name.
 */
export function copyName(row: DraftRow): string | null {
  return row.name === null ? null : `${row.name}（副本）`.slice(0, MAX_NAME_LENGTH);
}

/** The report as stored under `id`: validated by the document schema, its id equal to the draft's. */
export function storableReport(report: Report, id: string): Report {
  const parsed = reportSchema().safeParse({ ...report, id });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StorageError('invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : null);
  }
  validatedFrom.set(parsed.data, report);
  return parsed.data;
}

export function newDraftRow(report: Report, name: string | null, now: number): DraftRow {
  return {
    id: report.id,
    name,
    ...contentFacts(report),
    createdAt: now,
    savedAt: now,
    version: 1,
    trashedAt: null,
  };
}

export function savedRow(row: DraftRow, report: Report, now: number): DraftRow {
  return { ...row, ...contentFacts(report), savedAt: now, version: row.version + 1 };
}

/** A row whose 审核 counts were made by older rules than today's. */
export const hasStaleReview = (row: DraftRow) => row.rulesEdition !== RULES_EDITION;

export function requireRow(row: DraftRow | undefined, id: string): DraftRow {
  if (!row) throw new StorageError('not-found', id);
  return row;
}

export function checkVersion(row: DraftRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw new StorageError('conflict', `版本 ${expectedVersion} → ${row.version}`);
  }
}

export function byNewest<T>(time: (item: T) => number): (a: T, b: T) => number {
  return (a, b) => time(b) - time(a);
}

/** Revisions newest first; the later-added first when two share a millisecond. */
export function newestRevisionFirst(a: { at: number; id: number }, b: { at: number; id: number }): number {
  return b.at - a.at || b.id - a.id;
}
