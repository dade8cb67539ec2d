/** What the review screen marks, from the importer's issues (pure). */
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../src/import/issues.ts';
import { cellsOfTable } from '../../../src/report/cells.ts';
import { countBySeverity, groupIssues, reviewMarks } from '../../../src/ui/import/review-marks.ts';

const ISSUES: ImportIssue[] = [
  {
    cell: 't2.rules.issued',
    severity: '提示',
    message: '规章·本年制发件数：原文为空白，按 0 读取',
    line: 12,
  },
  {
    cell: 't2.rules.issued',
    severity: '不确定',
    message: '规章·本年制发件数：行名写作“规草”',
    source: '规草｜｜0｜0',
    line: 12,
  },
  {
    cell: 't2.rules.repealed',
    severity: '不确定',
    message: '规章·本年废止件数：行名写作“规草”',
    source: '规草｜｜0｜0',
    line: 13,
  },
  { table: 't4', wholeTable: true, severity: '未找到', message: '原文中没有找到表四' },
  { field: 'agency', severity: '未找到', message: '没有找到报告标题' },
];

describe('reviewMarks', () => {
  it('marks each cell with its worst severity and all its messages, and the lines pointed to', () => {
    const marks = reviewMarks(ISSUES);
    expect(marks.cells.get('t2.rules.issued')).toEqual({
      severity: '不确定',
      messages: ['规章·本年制发件数：原文为空白，按 0 读取', '规章·本年制发件数：行名写作“规草”'],
      line: 12,
    });
    expect(marks.lines).toEqual(
      new Map([
        [12, '不确定'],
        [13, '不确定'],
      ]),
    );
  });

  it('marks every cell of a table not found', () => {
    const marks = reviewMarks(ISSUES);
    for (const cell of cellsOfTable('t4')) expect(marks.cells.get(cell.id)?.severity).toBe('未找到');
    expect(marks.cells.size).toBe(2 + 15);
  });
});

describe('groupIssues', () => {
  it('says a doubt shared by a row’s cells once, worst first', () => {
    expect(groupIssues(ISSUES).map((g) => [g.severity, g.text, g.cells.length])).toEqual([
      ['未找到', '原文中没有找到表四', 0],
      ['未找到', '没有找到报告标题', 0],
      ['不确定', '规章（2 格）：行名写作“规草”', 2],
      ['提示', '规章·本年制发件数：原文为空白，按 0 读取', 1],
    ]);
  });

  it('counts issues by severity', () => {
    expect(countBySeverity(ISSUES)).toEqual({ 未找到: 2, 不确定: 2, 提示: 1 });
  });
});
