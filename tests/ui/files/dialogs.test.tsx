import { fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { diffReports } from '../../../src/files/diff.ts';
import { blankReport } from '../../../src/report/document.ts';
import { setCells, setSection } from '../../../src/report/edit.ts';
import { HashMismatchDialog } from '../../../src/ui/files/HashMismatchDialog.tsx';
import { OverwriteDialog } from '../../../src/ui/files/OverwriteDialog.tsx';

const stored = setCells(blankReport({ id: 'r1', agency: '自治区科技厅', year: 2021 }), {
  't3.new.natural': 1,
});
const incoming = setSection(setCells(stored, { 't3.new.natural': 4 }), 'overview', '<b>加粗</b>\n第二行');
const diff = diffReports(stored, incoming);

describe('OverwriteDialog', () => {
  it('names the draft, lists the differences by label, and offers 覆盖 / 另存为新草稿 / 取消', () => {
    render(<OverwriteDialog fileName="a.nianbao.json" existing={stored} diff={diff} onChoose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: '浏览器中已有这份草稿' });
    expect(dialog).toHaveTextContent(
      '文件「a.nianbao.json」与浏览器中的草稿「自治区科技厅2021年政府信息公开工作年度报告」是同一份草稿，但内容有 3 处不同',
    );
    const row = screen
      .getByRole('rowheader', { name: '一、本年新收政府信息公开申请数量·自然人' })
      .closest('tr')!;
    expect(Array.from(row.querySelectorAll('td'), (td) => td.textContent)).toEqual(['1', '4']);
    expect(screen.getByRole('rowheader', { name: '一、总体情况' }).closest('tr')).toHaveTextContent(
      '<b>加粗</b>',
    );
    expect(dialog.querySelector('b')).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['覆盖', '另存为新草稿', '取消']);
    expect(dialog).toHaveTextContent('替换前的内容先保存为一个历史版本');
  });

  it.each([
    ['覆盖', 'overwrite'],
    ['另存为新草稿', 'new'],
    ['取消', 'cancel'],
  ])('%s answers %s', async (label, choice) => {
    const onChoose = vi.fn();
    render(<OverwriteDialog fileName="a.nianbao.json" existing={stored} diff={diff} onChoose={onChoose} />);
    await userEvent.click(screen.getByRole('button', { name: label }));
    expect(onChoose).toHaveBeenCalledWith(choice);
  });

  it('starts on 取消, keeps Tab inside, and Esc cancels', async () => {
    const onChoose = vi.fn();
    render(<OverwriteDialog fileName="a.nianbao.json" existing={stored} diff={diff} onChoose={onChoose} />);
    expect(screen.getByRole('button', { name: '取消' })).toHaveFocus();
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: '覆盖' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: '取消' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onChoose).toHaveBeenCalledWith('cancel');
  });
});

describe('HashMismatchDialog', () => {
  it('explains the outside edit and shows the differences against the stored draft', () => {
    render(<HashMismatchDialog fileName="e.nianbao.json" diff={diff} onChoose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: '文件在本工具之外被改动过' });
    expect(dialog).toHaveTextContent('只能作为新草稿打开');
    expect(dialog).toHaveTextContent('文件中有 3 处不同');
    expect(
      screen.getByRole('rowheader', { name: '一、本年新收政府信息公开申请数量·自然人' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['作为新草稿打开', '取消']);
  });

  it('says when there is nothing to compare with, or no difference', () => {
    const { rerender } = render(
      <HashMismatchDialog fileName="e.nianbao.json" diff={null} onChoose={() => {}} />,
    );
    expect(screen.getByRole('dialog')).toHaveTextContent('浏览器中没有这份草稿，无法列出具体改动');
    rerender(<HashMismatchDialog fileName="e.nianbao.json" diff={[]} onChoose={() => {}} />);
    expect(screen.getByRole('dialog')).toHaveTextContent('内容没有差异');
  });

  it('shows the file’s other warnings', () => {
    render(
      <HashMismatchDialog
        fileName="e.json"
        diff={null}
        warnings={['文件是 UTF-16 编码']}
        onChoose={() => {}}
      />,
    );
    expect(screen.getByRole('list', { name: '请注意' })).toHaveTextContent('文件是 UTF-16 编码');
  });

  it.each([
    ['作为新草稿打开', 'new'],
    ['取消', 'cancel'],
  ])('%s answers %s', async (label, choice) => {
    const onChoose = vi.fn();
    render(<HashMismatchDialog fileName="e.nianbao.json" diff={null} onChoose={onChoose} />);
    await userEvent.click(screen.getByRole('button', { name: label }));
    expect(onChoose).toHaveBeenCalledWith(choice);
  });
});
