import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/files/diff.ts';
import { blankReport } from '../../src/report/document.ts';
import { confirmFinding, setCells, setNote, setSection } from '../../src/report/edit.ts';
import { evaluate } from '../../src/report/rules.ts';

const base = () => blankReport({ id: 'r1', agency: '自治区科技厅', year: 2021 });

describe('diffReports', () => {
  it('finds nothing between equal reports', () => {
    expect(diffReports(base(), base())).toEqual([]);
  });

  it('names a confirmed 提示 by what it confirms and shows its 说明', () => {
    const before = base();
    const finding = evaluate(before).find((f) => f.key === 'EMPTY|t4')!;
    const after = confirmFinding(before, finding, '本年确无其他结果', new Date('2022-01-20T02:30:00Z'));
    expect(diffReports(before, after)).toEqual([
      {
        path: ['confirmations', 'EMPTY|t4'],
        label: '已确认的提示及说明·表四：未填写的格（按 0 计）',
        before: '（空）',
        after: '本年确无其他结果',
      },
    ]);
  });

  it('names changed cells by label, with totals that moved along', () => {
    const after = setCells(base(), { 't3.new.natural': 5 });
    const changes = diffReports(base(), after);
    expect(changes[0]).toEqual({
      path: ['cells', 't3.new.natural'],
      label: '一、本年新收政府信息公开申请数量·自然人',
      before: '（空）',
      after: '5',
    });
    expect(changes.map((c) => c.label)).toContain('一、本年新收政府信息公开申请数量·总计');
  });

  it('shows amounts with their unit, exactly (no rounding hides a change)', () => {
    const before = setCells(base(), { 't2.fees.amount': 1.00001 });
    const after = setCells(base(), { 't2.fees.amount': 1.00002 });
    expect(diffReports(before, after)).toEqual([
      expect.objectContaining({ before: '1.00001 万元', after: '1.00002 万元' }),
    ]);
  });

  it('shows long texts around the first difference', () => {
    const long = '政务公开'.repeat(200);
    const before = setSection(base(), 'overview', long);
    const after = setSection(base(), 'overview', `${long.slice(0, 500)}改动${long.slice(500)}`);
    const [change] = diffReports(before, after);
    expect(change?.label).toBe('一、总体情况');
    expect(change?.after).toContain('改动');
    expect(change?.after).toMatch(/^….*…（共 802 字）$/);
    expect(change?.before.length).toBeLessThan(200);
  });

  it('reports notes added or removed, and switches in words', () => {
    const after = { ...setNote(base(), 't3.new.natural', '含 2 件补正'), manualTotals: true };
    expect(diffReports(base(), after)).toEqual([
      expect.objectContaining({
        label: '单元格备注·一、本年新收政府信息公开申请数量·自然人',
        before: '（空）',
        after: '含 2 件补正',
      }),
      expect.objectContaining({
        label: '合计方式（自动合计或手工填写）',
        before: '自动合计',
        after: '手工填写',
      }),
    ]);
  });

  it('keeps text as text: markup in a field is just characters', () => {
    const after = { ...base(), agency: '<b>科技厅</b><script>x()</script>' };
    expect(diffReports(base(), after)).toEqual([
      expect.objectContaining({ label: '机关名称', after: '<b>科技厅</b><script>x()</script>' }),
    ]);
  });
});
