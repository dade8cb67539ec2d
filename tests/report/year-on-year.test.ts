/** 同比 core: every cell in table order with last year's figure and the change; sections with their passages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../src/report/cells.ts';
import { blankReport, type Report } from '../../src/report/document.ts';
import { nextYearReport } from '../../src/report/next-year.ts';
import {
  BIG_CHANGE_MIN_COUNT,
  type CellChange,
  cellChanges,
  isBigChange,
  sectionComparisons,
  yearOnYear,
} from '../../src/report/year-on-year.ts';
import { sampleReport } from './fixtures/gx-kjt-2021.ts';

/** Next year's report from the sample, with a few of this year's figures typed in. */
function nextYear(cells: Record<string, number | null> = {}): Report {
  const r = nextYearReport(sampleReport({ manualTotals: true }));
  return { ...r, manualTotals: true, cells: { ...r.cells, ...cells } };
}

const find = (changes: CellChange[], cell: string) => changes.find((c) => c.cell === cell)!;

describe('cellChanges', () => {
  it('lists all 200 cells in table order with their official labels', () => {
    const changes = cellChanges(nextYear());
    expect(changes.map((c) => c.cell)).toEqual(CELL_IDS);
    expect(find(changes, 't3.total.natural').label).toBe('三（七）总计·自然人');
  });

  it('puts last year’s figure beside this year’s and works out the change', () => {
    const sample = sampleReport({ manualTotals: true });
    const lastValid = sample.cells['t2.normative.valid']!;
    const changes = cellChanges(
      nextYear({ 't2.normative.valid': lastValid + 9, 't2.normative.issued': null }),
    );
    expect(find(changes, 't2.normative.valid')).toEqual({
      cell: 't2.normative.valid',
      label: '行政规范性文件·现行有效件数',
      thisYear: lastValid + 9,
      lastYear: lastValid,
      change: 9,
      changeRatio: 9 / lastValid,
    });
    // Empty this year counts as 0, as in the 审核.
    expect(find(changes, 't2.normative.issued')).toMatchObject({ thisYear: null, lastYear: 26, change: -26 });
  });

  it('has no ratio when last year was 0, and no change when last year is unknown', () => {
    const r = nextYear({ 't4.cases.reviewUpheld': 3 });
    expect(r.lastYear!.cells['t4.cases.reviewUpheld']).toBe(0);
    expect(find(cellChanges(r), 't4.cases.reviewUpheld')).toMatchObject({ change: 3, changeRatio: null });
    const none = cellChanges({ ...r, lastYear: null });
    expect(none.every((c) => c.lastYear === null && c.change === null && c.changeRatio === null)).toBe(true);
    const partial = cellChanges({
      ...r,
      lastYear: { year: 2021, cells: { 't2.rules.issued': null }, sections: {} },
    });
    expect(find(partial, 't2.rules.issued')).toMatchObject({ lastYear: null, change: null });
  });

  it('amounts change without float noise', () => {
    const r = blankReport({ year: 2022 });
    r.cells['t2.fees.amount'] = 0.3;
    r.lastYear = { year: 2021, cells: { 't2.fees.amount': 0.1 }, sections: {} };
    expect(find(cellChanges(r), 't2.fees.amount').change).toBe(0.2);
  });

  it('for any figures: change = this − last, ratio = change ÷ last, and adding change to last gives this', () => {
    const value = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
    fc.assert(
      fc.property(value, value, (now, last) => {
        const r = blankReport({ year: 2022 });
        r.cells['t3.new.natural'] = now;
        r.lastYear = { year: 2021, cells: { 't3.new.natural': last }, sections: {} };
        const c = find(cellChanges(r), 't3.new.natural');
        if (last === null) {
          expect(c.change).toBeNull();
          expect(c.changeRatio).toBeNull();
          return;
        }
        expect(c.change).toBe((now ?? 0) - last);
        expect(last + c.change!).toBe(now ?? 0);
        expect(c.changeRatio).toBe(last === 0 ? null : ((now ?? 0) - last) / last);
      }),
    );
  });
});

describe('isBigChange', () => {
  const change = (cell: string, thisYear: number, lastYear: number | null) => {
    const r = blankReport({ year: 2022 });
    r.cells[cell] = thisYear;
    r.lastYear = lastYear === null ? null : { year: 2021, cells: { [cell]: lastYear }, sections: {} };
    return find(cellChanges(r), cell);
  };

  it('marks large moves, not small counts, not unknown last years', () => {
    expect(isBigChange(change('t3.new.natural', 40, 20))).toBe(true);
    expect(isBigChange(change('t3.new.natural', 5, 20))).toBe(true);
    expect(isBigChange(change('t3.new.natural', 25, 20))).toBe(false);
    expect(isBigChange(change('t3.new.natural', 3, 2))).toBe(false);
    expect(isBigChange(change('t3.new.natural', BIG_CHANGE_MIN_COUNT, 0))).toBe(true);
    expect(isBigChange(change('t3.new.natural', 20, 20))).toBe(false);
    expect(isBigChange(change('t3.new.natural', 20, null))).toBe(false);
    expect(isBigChange(change('t2.fees.amount', 1.5, 0.5))).toBe(true);
  });
});

describe('sectionComparisons and yearOnYear', () => {
  it('finds 五 copied from last year, with its passages, and 一 rewritten', () => {
    const r = nextYear();
    r.sections.overview =
      '2022年，我厅全面推进政务公开标准化规范化建设，新上线政策文件库，全年主动公开信息612条。';
    const [overview, problems, other] = sectionComparisons(r);
    expect(overview).toMatchObject({ key: 'overview', heading: '一、总体情况', similar: false });
    expect(overview!.similarity!.passages).toEqual([]);
    expect(problems).toMatchObject({
      key: 'problems',
      heading: '五、存在的主要问题及改进情况',
      similar: true,
    });
    expect(problems!.similarity!.ratio).toBe(1);
    // Paragraph by paragraph (issue 18 item 14): each passage is one whole paragraph, all of them.
    const paragraphs = (text: string) => text.split('\n').filter((line) => line.trim());
    const { passages } = problems!.similarity!;
    expect(passages.map((p) => p.thisYear.text)).toEqual(paragraphs(r.sections.problems));
    expect(passages.map((p) => p.lastYear.text)).toEqual(paragraphs(r.lastYear!.sections.problems!));
    expect(passages.length).toBeGreaterThan(1);
    // 六 is one line, rightly the same every year: compared, not called 雷同.
    expect(other).toMatchObject({ key: 'other', similar: false });
    expect(other!.similarity!.ratio).toBe(1);
  });

  it('has no similarity when either text is missing or blank', () => {
    const r = nextYear();
    r.sections.problems = '  ';
    const noLastYear = sectionComparisons({ ...r, lastYear: null });
    expect(noLastYear.map((s) => [s.lastYear, s.similarity, s.similar])).toEqual([
      [null, null, false],
      [null, null, false],
      [null, null, false],
    ]);
    expect(sectionComparisons(r)[1]).toMatchObject({ similarity: null, similar: false });
  });

  it('groups the cells by table, and names both years', () => {
    const y = yearOnYear(nextYear());
    expect(y.year).toBe(2022);
    expect(y.lastYear).toBe(2021);
    expect(y.tables.map((t) => [t.table.id, t.changes.length])).toEqual([
      ['t2', CELL_IDS.filter((id) => id.startsWith('t2.')).length],
      ['t3', CELL_IDS.filter((id) => id.startsWith('t3.')).length],
      ['t4', 15],
    ]);
    expect(y.tables.flatMap((t) => t.changes.map((c) => c.cell))).toEqual(CELL_IDS);
    expect(yearOnYear({ ...nextYear(), lastYear: null }).lastYear).toBeNull();
  });
});
