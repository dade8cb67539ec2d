/** One published cell read into a number: what is plainly a number, and what the clerk must hear about. */
import { describe, expect, it } from 'vitest';
import { looksLikeValue, parseImportedValue } from '../../src/import/cell-value.ts';

describe('parseImportedValue', () => {
  it('reads plain numbers, with U+00A0 or full-width digits, thousands separators and units', () => {
    expect(parseImportedValue('1\u00a0', 'count')).toEqual({ value: 1 });
    expect(parseImportedValue('\u00a00', 'count')).toEqual({ value: 0 });
    expect(parseImportedValue('２６', 'count')).toEqual({ value: 26 });
    expect(parseImportedValue('1,234', 'count')).toEqual({ value: 1234 });
    expect(parseImportedValue('3件', 'count')).toEqual({ value: 3 });
    expect(parseImportedValue('4068.208', 'amount')).toEqual({ value: 4068.208 });
    expect(parseImportedValue('12.5万元', 'amount')).toEqual({ value: 12.5 });
  });

  it('reads blank and the dashes as 0 with a 提示', () => {
    expect(parseImportedValue('', 'count')).toEqual({
      value: 0,
      severity: '提示',
      message: '原文为空白，按 0 读取',
    });
    for (const dash of ['/', '—', '-', '－', '——', '无']) {
      expect(parseImportedValue(` ${dash} `, 'count')).toEqual({
        value: 0,
        severity: '提示',
        message: `原文为“${dash}”，按 0 读取`,
      });
    }
  });

  it('splits a bracketed remark off into the note', () => {
    expect(parseImportedValue('22（其中修订16件）', 'count')).toEqual({
      value: 22,
      note: '其中修订16件',
      severity: '提示',
      message: '原文为“22（其中修订16件）”，读作 22，括号中的“其中修订16件”存为本格注释',
    });
    expect(parseImportedValue('5 (含2件转办)', 'count').note).toBe('含2件转办');
  });

  it('keeps what is not plainly a count or an amount empty, as 不确定', () => {
    for (const [raw, kind, why] of [
      ['1.5', 'count', '不是整数'],
      ['-3', 'count', '负数'],
      ['若干', 'count', '不是数字'],
      ['35000元', 'amount', '单位为元'],
      ['1.23456', 'amount', '超过 4 位小数'],
      ['3件多', 'count', '不是单纯的数字'],
    ] as const) {
      const read = parseImportedValue(raw, kind);
      expect(read.value).toBeNull();
      expect(read.severity).toBe('不确定');
      expect(read.message).toContain(why);
    }
  });
});

describe('looksLikeValue tells numbers from labels that start with a digit', () => {
  it.each([
    ['0', true],
    ['1\u00a0', true],
    ['', true],
    ['/', true],
    ['22（其中修订16件）', true],
    ['1.属于国家秘密', false],
    ['2021年', false],
    ['3.其他', false],
    ['行政许可', false],
  ])('%j → %s', (text, expected) => expect(looksLikeValue(text)).toBe(expected));
});
