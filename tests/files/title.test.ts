import { describe, expect, it } from 'vitest';
import { fileStatusText, hasUnsavedChanges, linkedFile, windowTitle } from '../../src/files/title.ts';
import { blankReport } from '../../src/report/document.ts';
import { setCells } from '../../src/report/edit.ts';

const report = blankReport({ id: 'r1', agency: '自治区科技厅', year: 2021 });
const NAME = '自治区科技厅-2021-年报草稿-20260127.nianbao.json';

describe('window title and file status', () => {
  it('shows the linked file, marked * while there are unsaved changes', () => {
    const link = linkedFile(report, NAME);
    expect(hasUnsavedChanges(report, link)).toBe(false);
    expect(windowTitle(report, link, false)).toBe(`${NAME} - 信息公开年报填报工具`);
    const edited = setCells(report, { 't3.new.natural': 1 });
    expect(hasUnsavedChanges(edited, link)).toBe(true);
    expect(windowTitle(edited, link, true)).toBe(`*${NAME} - 信息公开年报填报工具`);
    expect(fileStatusText(link, true)).toBe(`${NAME}（有未保存的改动）`);
    expect(fileStatusText(link, false)).toBe(`已保存到 ${NAME}`);
  });

  it('judges by content: undoing back to the saved state clears the mark', () => {
    const saved = setCells(report, {}); // totals computed, as the editor keeps them
    const link = linkedFile(saved, NAME);
    const back = setCells(setCells(saved, { 't3.new.natural': 1 }), { 't3.new.natural': null });
    expect(back).not.toBe(saved);
    expect(hasUnsavedChanges(back, link)).toBe(false);
  });

  it('names a draft with no file by its title', () => {
    expect(windowTitle(report, null, false)).toBe(
      '自治区科技厅2021年政府信息公开工作年度报告（未保存到文件） - 信息公开年报填报工具',
    );
    expect(windowTitle(blankReport({ year: 2021 }), null, false)).toContain(
      '2021年政府信息公开工作年度报告（未保存到文件）',
    );
    expect(windowTitle({ ...blankReport(), year: null }, null, false)).toBe(
      '未命名草稿（未保存到文件） - 信息公开年报填报工具',
    );
    expect(fileStatusText(null, false)).toBe('未保存到文件');
  });

  it('ignores a link that belongs to another draft', () => {
    const other = linkedFile({ ...report, id: 'r2' }, 'other.nianbao.json');
    expect(hasUnsavedChanges(report, other)).toBe(false);
    expect(windowTitle(report, other, false)).toContain('（未保存到文件）');
  });
});
