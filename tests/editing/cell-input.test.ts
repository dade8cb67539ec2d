import { describe, expect, it } from 'vitest';
import { normaliseNumberText, parseCellInput } from '../../src/report/cell-input.ts';

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
  ])('count %j → %j', (raw, value) => {
    expect(parseCellInput(raw, 'count')).toEqual({ ok: true, value, dashAsZero: false });
  });

  it.each(['/', '—', '-', '－', '／'])('count %j reads as 0 with the dash flag', (raw) => {
    expect(parseCellInput(raw, 'count')).toEqual({ ok: true, value: 0, dashAsZero: true });
  });

  it.each([
    ['abc', '不是数字'],
    ['-3', '不能为负数'],
    ['1.5', '件数应为整数'],
    ['1,2', '不是数字'],
    ['99999999999999999999', '数字过大'],
  ])('count %j is refused (%s)', (raw, reason) => {
    const r = parseCellInput(raw, 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('amounts take up to 4 decimals', () => {
    expect(parseCellInput('4068.208', 'amount')).toEqual({ ok: true, value: 4068.208, dashAsZero: false });
    expect(parseCellInput('0.0001', 'amount')).toEqual({ ok: true, value: 0.0001, dashAsZero: false });
    const five = parseCellInput('1.23456', 'amount');
    expect(five.ok).toBe(false);
    if (!five.ok) expect(five.reason).toContain('最多 4 位小数');
  });

  it('normalises full-width digits, ideographic spaces and thousands separators only between groups of 3', () => {
    expect(normaliseNumberText('１\u3000２３')).toBe('123');
    expect(normaliseNumberText('12,34')).toBe('12,34');
    expect(normaliseNumberText('12,345.5')).toBe('12345.5');
  });
});
