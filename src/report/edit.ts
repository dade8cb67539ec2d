/**
 * Edits of a report as pure functions: each returns a new report with totals kept computed
 * (unless the clerk types them by hand). The UI only ever changes a report through these.
 */
import type { CellId } from './cells.ts';
import {
  MAX_CONFIRMATION_NOTE,
  MAX_CONFIRMATIONS,
  MAX_INVALID_ENTRY,
  periodOfYear,
  type Report,
  type TextSectionKey,
} from './document.ts';
import { findingBasis, findingKey } from './review-state.ts';
import { blankCellsOf, type Finding } from './rules.ts';
import type { TableDef } from './template.ts';
import { withTotals } from './totals.ts';

/** Writes values; a cell given a value (or emptied) loses the invalid text it held. */
export function setCells(report: Report, values: Readonly<Record<CellId, number | null>>): Report {
  const ids = Object.keys(values);
  const stale = ids.some((id) => report.invalidEntries[id] !== undefined);
  const invalidEntries = stale
    ? Object.fromEntries(Object.entries(report.invalidEntries).filter(([id]) => !(id in values)))
    : report.invalidEntries;
  return withTotals({ ...report, cells: { ...report.cells, ...values }, invalidEntries });
}

/**
 * What the clerk typed into a cell that is not a value it may hold (「1.5」 in a count cell): kept as
 * typed (cut to MAX_INVALID_ENTRY characters), the cell empty meanwhile; the INPUT rule makes it an
 * 错误 until corrected.
 */
export function setInvalidEntry(report: Report, cell: CellId, text: string): Report {
  // Cut in UTF-16 units, as the schema counts, without splitting a surrogate pair.
  const kept = text.slice(0, MAX_INVALID_ENTRY).replace(/[\uD800-\uDBFF]$/, '');
  if (kept === '') return setCells(report, { [cell]: null });
  return withTotals({
    ...report,
    cells: { ...report.cells, [cell]: null },
    invalidEntries: { ...report.invalidEntries, [cell]: kept },
  });
}

export function setSection(report: Report, key: TextSectionKey, text: string): Report {
  const staleSections = report.staleSections.filter((s) => s !== key);
  return { ...report, sections: { ...report.sections, [key]: text }, staleSections };
}

export function setNote(report: Report, cell: CellId, note: string): Report {
  const notes = { ...report.notes };
  if (note.trim()) notes[cell] = note;
  else delete notes[cell];
  return { ...report, notes };
}

/** Changing the year moves a statistics period that still covers a whole calendar year along with it. */
export function setYear(report: Report, year: number | null): Report {
  const wholeYear =
    report.year !== null &&
    report.period.start === periodOfYear(report.year).start &&
    report.period.end === periodOfYear(report.year).end;
  const untouched = report.period.start === '' && report.period.end === '';
  const period = year !== null && (wholeYear || untouched) ? periodOfYear(year) : report.period;
  return { ...report, year, period };
}

export function setManualTotals(report: Report, manualTotals: boolean): Report {
  return withTotals({ ...report, manualTotals });
}

type MetaPatch = Partial<Pick<Report, 'agency' | 'preamble' | 'period' | 'contact'>>;

export function setMeta(report: Report, patch: MetaPatch): Report {
  return { ...report, ...patch };
}

/**
 * 确认无误 (or 已核对，沿用): `finding` confirmed with the clerk's 说明, tied to what it says now
 * (findingBasis). A confirmation of the same finding is replaced. An empty 说明 changes nothing.
 */
export function confirmFinding(report: Report, finding: Finding, note: string, at = new Date()): Report {
  const text = note.trim().slice(0, MAX_CONFIRMATION_NOTE);
  if (!text || !finding.confirmable) return report;
  const key = findingKey(finding);
  const others = report.confirmations.filter((c) => c.key !== key);
  const confirmation = { key, basis: findingBasis(finding, report), note: text, at: at.toISOString() };
  return { ...report, confirmations: [...others, confirmation].slice(-MAX_CONFIRMATIONS) };
}

/** 撤销确认: the finding is open again. */
export function withdrawConfirmation(report: Report, key: string): Report {
  const confirmations = report.confirmations.filter((c) => c.key !== key);
  return confirmations.length === report.confirmations.length ? report : { ...report, confirmations };
}

/** 空白格填 0: every cell of the table that EMPTY counts as blank becomes 0, in one edit. */
export function fillBlankCells(report: Report, table: TableDef['id']): Report {
  const blank = blankCellsOf(report, table);
  if (blank.length === 0) return report;
  return setCells(report, Object.fromEntries(blank.map((id) => [id, 0])));
}
