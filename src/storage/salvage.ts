/**
 * Reading a stored report that might not pass the schema (a damaged record, an old schema's data):
 * keep every part that is still valid on its own, blank the rest. Losing one bad field is better
 * than losing the draft.
 */
import { migrateReport } from '../files/migrate.ts';
import { CELL_IDS } from '../report/cells.ts';
import { blankReport, type Report, reportSchema } from '../report/document.ts';

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
  if (whole.success) return { report: whole.data, repaired: false };

  const source = asRecord(raw);
  const blank = blankReport({ id });
  const report: Report = { ...blank };
  const keep = <K extends Field>(key: K) => {
    const value = validField(key, source[key]);
    if (value !== undefined) report[key] = value;
  };
  for (const key of [
    'agency',
    'year',
    'period',
    'contact',
    'preamble',
    'manualTotals',
    'lastYear',
  ] as const) {
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

  const cells = asRecord(source.cells);
  report.cells = { ...blank.cells };
  for (const cell of CELL_IDS) {
    const value = cells[cell];
    if (value === null || (typeof value === 'number' && Number.isFinite(value))) report.cells[cell] = value;
  }
  return { report: reportSchema().parse(report), repaired: true };
}
