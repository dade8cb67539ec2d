import { describe, expect, it } from 'vitest';
import example from '../../../examples/gx-kjt-2021.json';
import { cellDef } from '../../../src/report/cells.ts';
import { reportSchema } from '../../../src/report/document.ts';
import { confirmFinding, setCells, setManualTotals, setNote, setSection } from '../../../src/report/edit.ts';
import { evaluate } from '../../../src/report/rules.ts';
import { diffLines, diffReports, showCellValue } from '../../../src/ui/drafts/report-diff.ts';

const sample = () => reportSchema().parse(example);

describe('diffReports', () => {
  it('finds nothing between equal reports', () => {
    expect(diffReports(sample(), sample())).toEqual({
      fields: [],
      cells: [],
      texts: [],
      notes: [],
      confirmations: [],
      count: 0,
    });
  });

  it('lists confirmed 提示 added, re-worded and withdrawn, by what they confirm, with their 说明', () => {
    const base = sample();
    base.cells['t3.granted.natural'] = null;
    const finding = evaluate(base).find((f) => f.ruleId === 'EMPTY')!;
    const confirmed = confirmFinding(base, finding, '本年确无', new Date('2022-01-20T02:30:00Z'));
    const reworded = confirmFinding(confirmed, finding, '经核实本年确无', new Date('2022-01-21T02:30:00Z'));
    expect(diffReports(base, confirmed).confirmations).toEqual([
      { key: 'EMPTY|t3', label: '已确认的提示 表三：未填写的格（按 0 计）', before: '', after: '本年确无' },
    ]);
    expect(diffReports(confirmed, reworded).confirmations.map((c) => [c.before, c.after])).toEqual([
      ['本年确无', '经核实本年确无'],
    ]);
    expect(diffReports(reworded, base)).toMatchObject({ count: 1, confirmations: [{ after: '' }] });
  });

  it('names changed cells by official label, totals included', () => {
    const before = sample();
    const after = setCells(before, { 't3.new.natural': (before.cells['t3.new.natural'] ?? 0) + 2 });
    const diff = diffReports(before, after);
    expect(diff.cells.map((c) => c.label)).toEqual([
      '一、本年新收政府信息公开申请数量·自然人',
      '一、本年新收政府信息公开申请数量·总计',
    ]);
    expect(diff.cells[0]).toMatchObject({
      id: 't3.new.natural',
      tableName: '表三（收到和处理政府信息公开申请情况）',
      before: before.cells['t3.new.natural'],
      after: (before.cells['t3.new.natural'] ?? 0) + 2,
    });
    expect(diff.count).toBe(2);
  });

  it('lists changed fields, texts line by line, and notes', () => {
    const before = sample();
    let after = {
      ...before,
      agency: '广西壮族自治区科学技术厅',
      contact: { ...before.contact, phone: '0771-1' },
    };
    after = setManualTotals(after, true);
    const lines = before.sections.problems.split('\n');
    after = setSection(
      after,
      'problems',
      [...lines.slice(0, 1), '新增的一段。', ...lines.slice(1)].join('\n'),
    );
    after = setNote(after, 't2.rules.valid', '含修订');
    const diff = diffReports(before, after);
    expect(diff.fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ['机关名称', '自治区科技厅', '广西壮族自治区科学技术厅'],
      ['联系电话', '0771-2618700', '0771-1'],
      ['合计方式', '自动合计', '手工填写'],
    ]);
    expect(diff.texts).toHaveLength(1);
    expect(diff.texts[0]?.label).toBe('五、存在的主要问题及改进情况');
    expect(diff.texts[0]?.lines.filter((l) => l.op !== 'same')).toEqual([
      { op: 'added', text: '新增的一段。' },
    ]);
    expect(diff.notes).toEqual([
      { key: 't2.rules.valid', label: `注：${cellDef('t2.rules.valid').label}`, before: '', after: '含修订' },
    ]);
    expect(diff.count).toBe(5);
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks removed and added ones in order', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
    expect(diffLines('', 'new')).toEqual([
      { op: 'removed', text: '' },
      { op: 'added', text: 'new' },
    ]);
  });

  it('shows the value of a cell as written', () => {
    expect(showCellValue(null)).toBe('空');
    expect(showCellValue(0.1 + 0.2)).toBe('0.3');
  });
});
