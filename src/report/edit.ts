/**
 * Edits of a report as pure functions: each returns a new report with totals kept computed
 * (unless the clerk types them by hand). The UI only ever changes a report through these.
 */
import type { CellId } from './cells.ts';
import { periodOfYear, type Report, type TextSectionKey } from './document.ts';
import { withTotals } from './totals.ts';

export function setCells(report: Report, values: Readonly<Record<CellId, number | null>>): Report {
  return withTotals({ ...report, cells: { ...report.cells, ...values } });
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
