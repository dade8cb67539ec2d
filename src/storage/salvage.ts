/**
 * Reading a stored report that might not pass the schema (a damaged record, an old schema's data):
 * keep every part that is still valid on its own, blank the rest. Losing one bad field is better
 * than losing the draft.
 */
import { migrateReport } from '../files/migrate.ts';
import { cellValueProblem } from '../report/cell-input.ts';
import { CELLS } from '../report/cells.ts';
import { blankReport, MAX_INVALID_ENTRY, type Report, reportSchema } from '../report/document.ts';
import { withTotals } from '../report/totals.ts';

type Field = keyof ReturnType<typeof reportSchema>['shape'];

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function validField<K extends Field>(key: K, value: unknown): Report[K] | undefined {
  const parsed = reportSchema().shape[key].safeParse(value);
  return parsed.success ? (parsed.data as Report[K]) : undefined;
}

/** Last year's figures, keeping every cell that is still valid on its own. */
function salvageLastYear(value: unknown): Report['lastYear'] {
  const whole = validField('lastYear', value);
  if (whole !== undefined) return whole;
  const source = asRecord(value);
  const year = validField('year', source.year);
  if (typeof year !== 'number') return null;
  const stored = asRecord(source.cells);
  const cells: Record<string, number | null> = {};
  for (const def of CELLS) {
    const v = stored[def.id];
    if (v === null || (typeof v === 'number' && cellValueProblem(v, def.kind, def.isTotal) === null))
      cells[def.id] = v;
  }
  const sections = asRecord(source.sections);
  const texts: Record<string, string> = {};
  for (const key of Object.keys(blankReport().sections)) {
    if (typeof sections[key] === 'string') texts[key] = (sections[key] as string).slice(0, 200_000);
  }
  return { year, cells, sections: texts };
}

export interface Salvaged {
  report: Report;
  /** True when something had to be dropped or repaired. */
  repaired: boolean;
}

/** The stored value as a valid report with id `id`, repairing it field by field if needed. */
export function salvageReport(stored: unknown, id: string): Salvaged {
  // A draft stored by an older version of the tool is lifted first; that is not a repair.
  const raw = migrateReport(stored);
  const whole = reportSchema().safeParse({ ...asRecord(raw), id });
  // Totals recomputed on the way in (when automatic), so every view of the draft agrees.
  if (whole.success) return { report: withTotals(whole.data), repaired: false };

  const source = asRecord(raw);
  const blank = blankReport({ id });
  const report: Report = { ...blank };
  const keep = <K extends Field>(key: K) => {
    const value = validField(key, source[key]);
    if (value !== undefined) report[key] = value;
  };
  for (const key of ['agency', 'year', 'period', 'contact', 'preamble', 'manualTotals'] as const) {
    keep(key);
  }
  keep('staleSections');
  keep('notes');
  keep('invalidEntries');
  keep('confirmations');

  const sections = asRecord(source.sections);
  report.sections = { ...blank.sections };
  for (const key of Object.keys(blank.sections) as (keyof Report['sections'])[]) {
    const text = sections[key];
    if (typeof text === 'string') report.sections[key] = text.slice(0, 200_000);
  }

  // A number the cell may not hold (stored by an older version, 1.5 in a count cell) is not dropped
  // silently: it becomes the cell's invalid entry, shown as written with its 错误 (INPUT).
  const cells = asRecord(source.cells);
  report.cells = { ...blank.cells };
  const invalidEntries = { ...report.invalidEntries };
  for (const def of CELLS) {
    const value = cells[def.id];
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && cellValueProblem(value, def.kind, def.isTotal) === null) {
      report.cells[def.id] = value;
      delete invalidEntries[def.id];
    } else if (typeof value === 'number' || typeof value === 'string') {
      invalidEntries[def.id] = String(value).slice(0, MAX_INVALID_ENTRY) || '?';
    }
  }
  report.invalidEntries = invalidEntries;
  report.lastYear = salvageLastYear(source.lastYear);
  return { report: withTotals(reportSchema().parse(report)), repaired: true };
}
