import { describe, expect, it } from 'vitest';
import { tableMatrix } from '../../src/report/cells.ts';
import { blankReport } from '../../src/report/document.ts';
import { copyTsv, parseTsv, planPaste } from '../../src/report/paste.ts';
import { TABLE2, TABLE3 } from '../../src/report/template.ts';

const t3 = tableMatrix(TABLE3);
const t2 = tableMatrix(TABLE2);

describe('block paste', () => {
  it('splits Excel clipboard text, ignoring the trailing newline', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('plans a block from the anchor, skipping automatic totals and noting differing pasted totals', () => {
    const cells = blankReport().cells;
    const plan = planPaste('1\t2\t3\t4\t5\t6\t99', t3, 't3.new.natural', cells, false);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.values).toEqual({
      't3.new.natural': 1,
      't3.new.business': 2,
      't3.new.research': 3,
      't3.new.nonprofit': 4,
      't3.new.legal': 5,
      't3.new.otherOrg': 6,
    });
    expect(plan.skippedTotals).toEqual([{ cell: 't3.new.total', pasted: 99 }]);
  });

  it('writes totals too when they are typed by hand', () => {
    const plan = planPaste('1\t2', t3, 't3.new.otherOrg', blankReport().cells, true);
    expect(plan.ok && plan.values['t3.new.total']).toBe(2);
  });

  it('lists overwritten filled cells, so a revision can be kept first', () => {
    const cells = { ...blankReport().cells, 't3.new.natural': 5, 't3.new.business': 2 };
    const plan = planPaste('5\t3', t3, 't3.new.natural', cells, false);
    expect(plan.ok && plan.overwritten).toEqual(['t3.new.business']);
  });

  it('rejects the whole block on one bad value, naming row, column and the official cell label', () => {
    const plan = planPaste('1\t2\n3\tx', t3, 't3.granted.natural', blankReport().cells, false);
    expect(plan).toEqual({
      ok: false,
      message: expect.stringContaining('第 2 行第 2 列（对应 三（二）部分公开·商业企业）的“x”不是数字'),
    });
  });

  it('refuses what typing refuses, quoting it short: 309 nines, 16 digits in 收费金额, 1.5 件', () => {
    const nines = planPaste('9'.repeat(309), t3, 't3.new.natural', blankReport().cells, false);
    expect(nines).toEqual({
      ok: false,
      message: expect.stringContaining(`的“${'9'.repeat(20)}…”超出范围（件数最多 9 位数）`),
    });
    const fee = planPaste('4501021990010112', t2, 't2.fees.amount', blankReport().cells, false);
    expect(fee.ok || fee.message).toContain('超出范围（金额应小于 1000000000 万元）');
    const half = planPaste('1.5', t3, 't3.new.natural', blankReport().cells, false);
    expect(half.ok || half.message).toContain('的“1.5”不是整数');
  });

  it('refuses a paste far larger than any table at once, without reading it', () => {
    const huge = '1\t'.repeat(200_000);
    expect(planPaste(huge, t3, 't3.new.natural', blankReport().cells, false)).toEqual({
      ok: false,
      message: expect.stringContaining('剪贴板里的内容过长'),
    });
    // Many short lines just under the limit: told it runs off the table, no stack overflow.
    const lines = '1\n'.repeat(49_000);
    expect(planPaste(lines, t3, 't3.new.natural', blankReport().cells, false)).toMatchObject({ ok: false });
  });

  it('rejects a block running past the last row or column', () => {
    expect(planPaste('1\n2', t3, 't3.carriedOut.natural', blankReport().cells, false).ok).toBe(false);
    expect(planPaste('1\t2', t2, 't2.license.decisions', blankReport().cells, false).ok).toBe(false);
  });

  it('copies a rectangle as TSV, empty cells as empty fields', () => {
    const cells = { ...blankReport().cells, 't3.new.natural': 2, 't3.carriedIn.business': 7 };
    expect(copyTsv(t3, { row: 0, col: 0 }, { row: 1, col: 1 }, cells)).toBe('2\t\n\t7');
  });
});
