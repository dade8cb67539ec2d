/** CSV: RFC 4180 writing and reading, and the per-unit table read back as written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, parseCsv, toCsv } from '../../src/aggregate/csv.ts';
import { sumUnits } from '../../src/aggregate/sum.ts';
import { readUnitsCsv, TOTAL_ROW_SOURCE, unitsToCsv } from '../../src/aggregate/unit-csv.ts';
import { type ReadyUnit, unitsFromStore } from '../../src/aggregate/units.ts';
import { CELLS } from '../../src/report/cells.ts';
import type { Report } from '../../src/report/document.ts';
import { unitArbitrary } from './arbitraries.ts';

describe('toCsv / parseCsv', () => {
  it('quotes only fields that need it, doubles quotes, ends every record with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ''], ['甲局']])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n甲局\r\n',
    );
  });

  it('reads CRLF, LF and CR line ends, a BOM, empty and quoted empty fields', () => {
    expect(parseCsv(`${CSV_BOM}a,b\r\n1,\n"",x\r"q""",""`)).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['', 'x'],
      ['q"', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\r\n')).toEqual([['']]);
  });

  it('refuses malformed quoting with a Chinese message', () => {
    expect(() => parseCsv('a,"unterminated\n')).toThrow('没有结束的引号');
    expect(() => parseCsv('a,"x"y\n')).toThrow('引号后面应是逗号或换行');
    expect(() => parseCsv('a,b"c\n')).toThrow('字段中间出现了引号');
  });

  it('reads back any records it writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '甲', ',', '"', '\r', '\n', ' ', "'", '=') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (records) => {
        expect(parseCsv(toCsv(records))).toEqual(records);
      }),
    );
  });
});

const units = (reports: Report[]): ReadyUnit[] =>
  unitsFromStore(reports.map((report, i) => ({ id: String(i), name: `单位${i}.nianbao.json`, report })));

describe('unitsToCsv', () => {
  it('starts with a BOM, heads the cell columns with their official labels, one row per unit', () => {
    const [unit] = units([sumUnits([], { agency: '甲局', year: 2021 })]);
    const csv = unitsToCsv([unit!]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const [header, row, ...rest] = parseCsv(csv);
    expect(header!.slice(0, 6)).toEqual([
      '来源',
      '机关名称',
      '年度',
      '审核错误',
      '审核提示',
      '规章·本年制发件数',
    ]);
    expect(header).toContain('三（七）总计·自然人');
    expect(header).toHaveLength(5 + CELLS.length);
    expect(row!.slice(0, 5)).toEqual([
      '单位0.nianbao.json',
      '甲局',
      '2021',
      String(unit!.errors),
      String(unit!.hints),
    ]);
    expect(rest).toEqual([]);
  });

  it('keeps an agency name from being run as a spreadsheet formula, and reads it back as written', () => {
    const [unit] = units([sumUnits([], { agency: '=HYPERLINK("x")', year: 2021 })]);
    const csv = unitsToCsv([unit!]);
    expect(parseCsv(csv)[1]![1]).toBe('\'=HYPERLINK("x")');
    expect(readUnitsCsv(csv)[0]!.agency).toBe('=HYPERLINK("x")');
  });

  it('round trip: every unit’s figures, agency, year and counts read back; the 合计 row is the sum', () => {
    fc.assert(
      fc.property(fc.array(unitArbitrary, { minLength: 1, maxLength: 5 }), (reports) => {
        const list = units(reports);
        const total = sumUnits(reports, { agency: '某市人民政府' });
        const rows = readUnitsCsv(unitsToCsv(list, { total }));
        expect(rows).toHaveLength(list.length + 1);
        list.forEach((u, i) => {
          expect(rows[i]).toEqual({
            source: u.name,
            agency: u.report.agency,
            year: u.report.year,
            errors: u.errors,
            hints: u.hints,
            cells: u.report.cells,
          });
        });
        expect(rows.at(-1)).toMatchObject({
          source: TOTAL_ROW_SOURCE,
          agency: '某市人民政府',
          cells: total.cells,
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reading refuses a column that is not a cell of the report', () => {
    expect(() => readUnitsCsv('来源,机关名称,年度,审核错误,审核提示,备注\r\n')).toThrow('第 6 列“备注”不是');
    expect(() => readUnitsCsv('来源,年度\r\n')).toThrow('缺少“机关名称”列');
  });
});
