import { describe, expect, it } from 'vitest';
import { blankReport, reportSchema } from '../../src/report/document.ts';
import { salvageReport } from '../../src/storage/salvage.ts';
import { sampleReport } from './fixtures.ts';

describe('salvageReport', () => {
  it('returns a valid report unchanged, with the draft id', () => {
    const report = sampleReport('x');
    const result = salvageReport(report, 'draft-1');
    expect(result.repaired).toBe(false);
    expect(result.report).toEqual({ ...report, id: 'draft-1' });
  });

  it('keeps the valid parts of a damaged report and blanks the rest', () => {
    const good = sampleReport('x');
    const damaged = {
      ...good,
      year: '2021年',
      contact: { phone: 12 },
      cells: { ...good.cells, 't3.new.natural': '5', 't3.new.business': Number.POSITIVE_INFINITY, bogus: 1 },
      sections: { ...good.sections, other: null },
      staleSections: ['nope'],
      extra: 'x',
    };
    const result = salvageReport(damaged, 'd');
    expect(result.repaired).toBe(true);
    expect(reportSchema().safeParse(result.report).success).toBe(true);
    expect(result.report.agency).toBe(good.agency);
    expect(result.report.year).toBe(blankReport().year);
    expect(result.report.contact).toEqual(blankReport().contact);
    expect(result.report.cells['t3.new.natural']).toBeNull();
    expect(result.report.cells['t3.new.business']).toBeNull();
    expect(result.report.cells['t3.granted.natural']).toBe(good.cells['t3.granted.natural']);
    expect(result.report.sections.overview).toBe(good.sections.overview);
    expect(result.report.sections.other).toBe('');
    expect(result.report.staleSections).toEqual([]);
  });

  it('makes a blank report out of nothing rather than failing', () => {
    for (const raw of [undefined, null, 42, 'text', []]) {
      const result = salvageReport(raw, 'd');
      expect(result.repaired).toBe(true);
      expect(result.report.id).toBe('d');
      expect(reportSchema().safeParse(result.report).success).toBe(true);
    }
  });
});
