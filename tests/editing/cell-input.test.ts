import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellValueProblem,
  invalidEntryReason,
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_TOTAL_COUNT,
  mayBecomeValid,
  normaliseNumberText,
  parseCellInput,
  quotedEntry,
} from '../../src/report/cell-input.ts';
import { CELLS, cellDef } from '../../src/report/cells.ts';

describe('parseCellInput', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['１２', 12],
    ['1,234', 1234],
    ['1，234，567', 1234567],
    ['7\u00a0', 7],
    ['', null],
    ['   ', null],
    ['999999999', MAX_COUNT],
  ])('count %j → %j', (raw, value) => {
    expect(parseCellInput(raw, 'count')).toEqual({ ok: true, value, dashAsZero: false });
  });

  it.each(['/', '—', '-', '－', '／'])('count %j reads as 0 with the dash flag', (raw) => {
    expect(parseCellInput(raw, 'count')).toEqual({ ok: true, value: 0, dashAsZero: true });
  });

  it.each([
    ['abc', '不是数字'],
    ['-3', '是负数'],
    ['－3', '是负数'],
    ['1.5', '不是整数'],
    ['12.5', '不是整数'],
    ['0.5', '不是整数'],
    ['.5', '不是整数'],
    ['３.５', '不是整数'],
    ['1.0', '不是整数'],
    ['1e3', '不是数字'],
    ['1,2', '不是数字'],
    ['+5', '不是数字'],
    ['1000000000', '件数最多 9 位数'],
    ['450102199001011234', '件数最多 9 位数'],
    ['9'.repeat(309), '件数最多 9 位数'],
  ])('count %j is refused (%s)', (raw, reason) => {
    const r = parseCellInput(raw, 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('a 总计 typed by hand may hold the sum of its parts: up to 12 digits', () => {
    expect(parseCellInput('1000000000', 'count', true)).toMatchObject({ ok: true, value: 1e9 });
    expect(parseCellInput('999999999999', 'count', true)).toMatchObject({ ok: true, value: MAX_TOTAL_COUNT });
    expect(parseCellInput('1000000000000', 'count', true)).toMatchObject({ ok: false });
  });

  it.each([
    ['4068.208', 4068.208],
    ['0.0001', 0.0001],
    ['12.', 12],
    ['３.５', 3.5],
    ['0.5', 0.5],
    ['999999999.9999', MAX_AMOUNT],
  ])('amount %j → %j', (raw, value) => {
    expect(parseCellInput(raw, 'amount')).toEqual({ ok: true, value, dashAsZero: false });
  });

  it.each([
    ['1.23456', '超过 4 位小数'],
    ['.5', '小数点前缺少数字'],
    ['-5', '是负数'],
    ['-1', '是负数'],
    ['1e3', '不是金额'],
    ['1000000000', '金额应小于 1000000000 万元'],
    ['450102199001011234', '金额应小于'],
    ['9'.repeat(309), '金额应小于'],
  ])('amount %j is refused (%s)', (raw, reason) => {
    const r = parseCellInput(raw, 'amount');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('every value it accepts is held exactly: printed back, it reads the same', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), (ticks) => {
        const text = `${ticks / 10_000n}.${String(ticks % 10_000n).padStart(4, '0')}`;
        const parsed = parseCellInput(text, 'amount');
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(Number(parsed.value!.toFixed(4))).toBe(parsed.value);
        if (parsed.ok) expect(parsed.value!.toFixed(4)).toBe(text);
      }),
    );
  });

  it('normalises full-width digits, ideographic spaces and thousands separators only between groups of 3', () => {
    expect(normaliseNumberText('１\u3000２３')).toBe('123');
    expect(normaliseNumberText('12,34')).toBe('12,34');
    expect(normaliseNumberText('12,345.5')).toBe('12345.5');
  });
});

describe('cellValueProblem: numbers from files, sums and the importer', () => {
  it.each([
    [0, 'count', null],
    [MAX_COUNT, 'count', null],
    [MAX_COUNT + 1, 'count', '件数最多 9 位数'],
    [1e305, 'count', '超出范围'],
    [Number.POSITIVE_INFINITY, 'count', '超出范围'],
    [Number.NaN, 'count', '超出范围'],
    [-1, 'count', '是负数'],
    [0.1, 'count', '不是整数'],
    [4068.208, 'amount', null],
    [0.1 + 0.2, 'amount', '超过 4 位小数'],
    [0.00001, 'amount', '超过 4 位小数'],
    [1e9, 'amount', '金额应小于'],
    [Number('450102199001011234'), 'amount', '金额应小于'],
  ] as const)('%s in a %s cell → %s', (value, kind, problem) => {
    const found = cellValueProblem(value, kind);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('the bounds keep every total exact: no 总计 sums more leaves than its bound allows for', () => {
    for (const c of CELLS) {
      if (!c.isTotal) continue;
      expect(c.kind).toBe('count');
      const leaves = new Set<string>();
      const collect = (id: string) => {
        const d = cellDef(id);
        if (!d.isTotal) leaves.add(id);
        else for (const part of d.sumOfColumns ?? d.sumOfRows!) collect(part);
      };
      collect(c.id);
      expect(leaves.size * MAX_COUNT).toBeLessThanOrEqual(MAX_TOTAL_COUNT);
    }
    expect(MAX_TOTAL_COUNT * 10_000).toBeLessThan(2 ** 54); // sums of counts, rounded to 4 places, exact
  });
});

describe('invalid entries', () => {
  it('say why what was typed is not a value, a dash typed alone included', () => {
    expect(invalidEntryReason('1.5', 'count')).toBe('不是整数（件数只能填写非负整数）');
    expect(invalidEntryReason('-', 'count')).toBe('不是数字（没有发生请填 0）');
    expect(invalidEntryReason('12', 'count')).toContain('请重新填写');
  });

  it('a thousands separator on its way to a group of three may still become a value; nothing else does', () => {
    for (const raw of ['1,', '1,2', '1,23', '12,345,6']) expect(mayBecomeValid(raw)).toBe(true);
    for (const raw of ['1.5', '-1', '1e', '1,2345', '.', '1,234']) expect(mayBecomeValid(raw)).toBe(false);
  });

  it('are quoted short in messages', () => {
    expect(quotedEntry(` ${'9'.repeat(309)} `)).toBe(`${'9'.repeat(20)}…`);
    expect(quotedEntry('1.5')).toBe('1.5');
  });
});
