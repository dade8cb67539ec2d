/**
 * A unit (单位) of 汇总: one department's report, from a file or from the browser's drafts, checked on
 * arrival. A file that cannot be opened is a unit too (a failed one), so it is listed with its reason
 * and never stops the others.
 */
import type { HashStatus } from '../files/open.ts';
import type { Report } from '../report/document.ts';
import { type Review, reviewReport } from '../report/review-state.ts';
import { evaluate, type Finding } from '../report/rules.ts';
import { withTotals } from '../report/totals.ts';
import { mapInOrder } from './in-order.ts';
import { openReportFile } from './open-file.ts';

interface UnitBase {
  /** Unique within one 汇总 (the screen may add files in several batches). */
  key: string;
  origin: 'file' | 'store';
  /** The file name, or the draft's name in the list of drafts. */
  name: string;
}

export interface ReadyUnit extends UnitBase {
  ok: true;
  /** As the app shows it: totals computed unless typed by hand. */
  report: Report;
  findings: readonly Finding[];
  /** The state of its 审核, with the confirmations its report carries. */
  review: Review;
  /** 错误 left and 提示 not confirmed (what the state counts). */
  errors: number;
  hints: number;
  /** 0: plain report JSON; 1 …: draft file version; null: a draft in the browser. */
  fileFormatVersion: number | null;
  /** When the file was saved (ISO time), if it says. */
  savedAt: string | null;
  hashStatus: HashStatus | null;
  warnings: readonly string[];
}

export interface FailedUnit extends UnitBase {
  ok: false;
  reason: string;
  details: readonly string[];
}

export type Unit = ReadyUnit | FailedUnit;

export interface UnitFile {
  name: string;
  bytes: Uint8Array;
}

export interface StoredDraft {
  id: string;
  name: string;
  report: Report;
}

/** A readable unit, checked with the same rules as the editor. */
export function readyUnit(
  base: UnitBase,
  report: Report,
  extra: Partial<Pick<ReadyUnit, 'fileFormatVersion' | 'savedAt' | 'hashStatus' | 'warnings'>> = {},
): ReadyUnit {
  const shown = withTotals(report);
  const findings = evaluate(shown);
  const review = reviewReport(shown, findings);
  return {
    ...base,
    ok: true,
    report: shown,
    findings,
    review,
    errors: review.errors.length,
    hints: review.open.length,
    fileFormatVersion: extra.fileFormatVersion ?? null,
    savedAt: extra.savedAt ?? null,
    hashStatus: extra.hashStatus ?? null,
    warnings: extra.warnings ?? [],
  };
}

export function failedUnit(base: UnitBase, reason: string, details: readonly string[] = []): FailedUnit {
  return { ...base, ok: false, reason, details };
}

export async function loadUnit(file: UnitFile, key: string): Promise<Unit> {
  const base = { key, origin: 'file', name: file.name } as const;
  const opened = await openReportFile(file.bytes, file.name);
  if (!opened.ok) return failedUnit(base, opened.reason, opened.details);
  return readyUnit(base, opened.report, opened);
}

/** Opens and checks every file, in order. Keys are `file:<index>:<name>` unless keyOf says otherwise. */
export function loadUnits(
  files: readonly UnitFile[],
  keyOf: (file: UnitFile, index: number) => string = (file, i) => `file:${i}:${file.name}`,
): Promise<Unit[]> {
  return mapInOrder(files, (file, i) => loadUnit(file, keyOf(file, i)));
}

/** Drafts from the browser's store: already valid reports, so only checked. Keys are `store:<id>`. */
export function unitsFromStore(drafts: readonly StoredDraft[]): ReadyUnit[] {
  return drafts.map((d) => readyUnit({ key: `store:${d.id}`, origin: 'store', name: d.name }, d.report));
}

/** 「草稿文件（第 1 版）」「年报数据 JSON」「浏览器中的草稿」: where the unit came from and in which format. */
export function formatLabel(unit: ReadyUnit): string {
  if (unit.fileFormatVersion === null) return '浏览器中的草稿';
  if (unit.fileFormatVersion === 0) return '年报数据 JSON';
  return `草稿文件（第 ${unit.fileFormatVersion} 版）`;
}
