/**
 * The document schema: it takes the shipped example and a blank report, and refuses anything the
 * app did not write (unknown cells or keys, text where a number belongs), pointing at the culprit.
 */
import { describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import {
  blankReport,
  defaultReportYear,
  periodOfYear,
  REPORT_FORMAT_VERSION,
  reportSchema,
} from '../../src/report/document.ts';
import { withTotals } from '../../src/report/totals.ts';

/** A parsed JSON document, broken on purpose in places its type would not allow. */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong types into the document on purpose.
type Loose = Record<string, any>;

/** A deep copy of the example as plain JSON, to break in one place. */
const exampleCopy = (): Loose => structuredClone(example) as Loose;

function issuePaths(value: unknown): string[] {
  const result = reportSchema().safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('/'));
}

describe('ReportSchema accepts', () => {
  it('the example report shipped in examples/', () => {
    expect(reportSchema().safeParse(example).success).toBe(true);
  });

  it('a blank report, with and without options', () => {
    expect(reportSchema().safeParse(blankReport()).success).toBe(true);
    expect(
      reportSchema().safeParse(blankReport({ agency: '某某市人民政府办公室', year: 2025, id: 'x' })).success,
    ).toBe(true);
  });

  it('empty cells, empty dates, notes on known cells and last year’s figures', () => {
    const r = exampleCopy();
    r.cells['t3.new.natural'] = null;
    r.period = { start: '', end: '' };
    r.notes = { 't2.normative.issued': '其中修订16件' };
    r.lastYear = { year: 2020, cells: { 't3.carriedOut.total': 0 }, sections: { problems: '上年问题' } };
    r.staleSections = ['overview', 'other'];
    expect(issuePaths(r)).toEqual([]);
  });
});

describe('ReportSchema rejects', () => {
  it('an unknown cell', () => {
    const r = exampleCopy();
    r.cells['t3.new.people'] = 1;
    expect(issuePaths(r)).toEqual(['cells']);
  });

  it('a missing cell', () => {
    const r = exampleCopy();
    delete r.cells['t4.cases.reviewTotal'];
    expect(issuePaths(r)).toEqual(['cells/t4.cases.reviewTotal']);
  });

  it('a string in a cell, even one that reads as a number', () => {
    const r = exampleCopy();
    r.cells['t3.new.natural'] = '2';
    r.cells['t2.fees.amount'] = '/';
    expect(issuePaths(r)).toEqual(['cells/t2.fees.amount', 'cells/t3.new.natural']);
  });

  it('a number that is not a number (NaN)', () => {
    const r = exampleCopy();
    r.cells['t3.new.natural'] = Number.NaN;
    expect(issuePaths(r)).toEqual(['cells/t3.new.natural']);
  });

  it('an unknown top-level key', () => {
    const r = exampleCopy();
    r.totals = 'auto';
    expect(issuePaths(r)).toEqual(['']);
  });

  it('unknown keys inside nested objects', () => {
    for (const [where, change] of [
      ['period', (r: Loose) => Object.assign(r.period, { days: 365 })],
      ['contact', (r: Loose) => Object.assign(r.contact, { fax: '0771' })],
      ['sections', (r: Loose) => Object.assign(r.sections, { preface: '…' })],
    ] as const) {
      const r = exampleCopy();
      change(r);
      expect(issuePaths(r), where).toEqual([where]);
    }
  });

  it('notes and last-year figures on unknown cells, and unknown stale sections', () => {
    const r = exampleCopy();
    r.notes = { 't3.new.people': '说明' };
    r.lastYear = { year: 2020, cells: { 't9.x.y': 1 }, sections: {} };
    r.staleSections = ['preamble'];
    // zod reports a bad record key on the record itself.
    expect(issuePaths(r).sort()).toEqual(['lastYear/cells', 'notes', 'staleSections/0']);
  });

  it('another format version, a fractional year, and dates that are not ISO dates', () => {
    const r = exampleCopy();
    r.formatVersion = REPORT_FORMAT_VERSION + 1;
    r.year = 2021.5;
    r.period = { start: '2021/01/01', end: '2021-02-30' };
    expect(issuePaths(r).sort()).toEqual(['formatVersion', 'period/end', 'period/start', 'year']);
  });
});

describe('blankReport()', () => {
  it('has every cell empty, totals computed, and the statistics period of its year', () => {
    const r = blankReport({ year: 2025 });
    expect(Object.keys(r.cells)).toHaveLength(200);
    expect(Object.values(r.cells).every((v) => v === null)).toBe(true);
    expect(r.manualTotals).toBe(false);
    expect(withTotals(r)).toEqual(r);
    expect(r.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(periodOfYear(2021)).toEqual({ start: '2021-01-01', end: '2021-12-31' });
  });

  it('defaults to last year: reports are due by 31 January for the year before', () => {
    expect(defaultReportYear(new Date(2026, 0, 20))).toBe(2025);
    expect(blankReport().year).toBe(defaultReportYear());
  });

  it('gives each new report its own id', () => {
    expect(blankReport().id).not.toBe(blankReport().id);
  });
});
