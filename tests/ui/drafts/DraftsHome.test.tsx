/**
 * The start page on a memory repository: list, search, sort and every action, as a clerk uses
 * them with mouse and keyboard.
 */
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import example from '../../../examples/gx-kjt-2021.json';
import { blankReport, reportSchema } from '../../../src/report/document.ts';
import { countBySeverity, evaluate } from '../../../src/report/rules.ts';
import { StorageError } from '../../../src/storage/errors.ts';
import { MemoryDraftRepository } from '../../../src/storage/memory-repository.ts';
import { DraftsHome } from '../../../src/ui/drafts/DraftsHome.tsx';
import { axeViolations } from './axe.ts';

let repo: MemoryDraftRepository;
let time: number;
const sample = () => reportSchema().parse(example);

beforeEach(async () => {
  time = new Date(2026, 0, 10, 9, 0).getTime();
  repo = new MemoryDraftRepository(() => time);
  await repo.create(sample());
  time += 60_000;
  await repo.create(blankReport({ id: 'b', agency: '某市财政局', year: 2024 }));
  time += 60_000;
  await repo.create(blankReport({ id: 'c', agency: '某县教育局', year: 2025 }));
});

async function renderHome() {
  const onOpen = vi.fn();
  const user = userEvent.setup();
  const view = render(<DraftsHome repository={repo} onOpen={onOpen} />);
  await screen.findByRole('table');
  return { onOpen, user, view };
}

const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    // The name as shown, without the 机关名称/年度 said under a name given on purpose (narrow windows).
    .map((cell) => cell.textContent?.replace(cell.querySelector('.draft-name-facts')?.textContent ?? '', ''));

describe('the draft list', () => {
  it('shows each draft with agency, year, last save, 审核 counts and size, newest first', async () => {
    await renderHome();
    expect(rowNames()).toEqual(['某县教育局 2025年度', '某市财政局 2024年度', '自治区科技厅 2021年度']);
    const row = screen.getByRole('row', { name: /自治区科技厅 2021年度/ });
    const { errors, hints } = countBySeverity(evaluate(sample()));
    expect(row).toHaveTextContent(`错误 ${errors} / 提示 ${hints}`);
    expect(row).toHaveTextContent('2026-01-10 09:00');
    expect(row).toHaveTextContent(/\d+(\.\d)? KB/);
  });

  it('sorts by last save either way and searches by agency or year', async () => {
    const { user } = await renderHome();
    await user.selectOptions(screen.getByLabelText('排序'), '最早保存的在前');
    expect(rowNames()[0]).toBe('自治区科技厅 2021年度');
    const search = screen.getByRole('searchbox', { name: '搜索' });
    await user.type(search, '财政');
    expect(rowNames()).toEqual(['某市财政局 2024年度']);
    await user.clear(search);
    await user.type(search, '2025年');
    expect(rowNames()).toEqual(['某县教育局 2025年度']);
    await user.clear(search);
    await user.type(search, '不存在的机关');
    expect(screen.getByText('没有与“不存在的机关”相符的草稿。')).toBeInTheDocument();
  });

  it('新建 creates a blank draft and opens it', async () => {
    const { user, onOpen } = await renderHome();
    await user.click(screen.getByRole('button', { name: '新建' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const created = await repo.get(onOpen.mock.calls[0]![0]);
    expect(created?.report.agency).toBe('');
    expect(await repo.list()).toHaveLength(4);
  });

  it('新建下一年度 starts next year from a draft and opens it', async () => {
    const { user, onOpen } = await renderHome();
    await user.click(screen.getByRole('button', { name: '新建下一年度：自治区科技厅 2021年度' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const next = (await repo.get(onOpen.mock.calls[0]![0]))!.report;
    expect(next.year).toBe(2022);
    expect(next.lastYear?.year).toBe(2021);
    expect(next.staleSections).toEqual(['overview', 'problems', 'other']);
    expect(next.cells['t3.carriedIn.total']).toBe(sample().cells['t3.carriedOut.total']);
  });

  it('打开 opens the draft', async () => {
    const { user, onOpen } = await renderHome();
    await user.click(screen.getByRole('button', { name: '打开：某市财政局 2024年度' }));
    expect(onOpen).toHaveBeenCalledWith('b');
  });

  it('重命名 with the keyboard: Enter saves, Esc cancels, focus comes back', async () => {
    const { user } = await renderHome();
    const renameButton = screen.getByRole('button', { name: '重命名：某市财政局 2024年度' });
    await user.click(renameButton);
    const input = screen.getByRole('textbox', { name: '新名称' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, '财政局 2024 送审稿{Enter}');
    await waitFor(() => expect(rowNames()).toContain('财政局 2024 送审稿'));
    expect((await repo.get('b'))?.report.agency).toBe('某市财政局');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '重命名：财政局 2024 送审稿' })).toHaveFocus(),
    );

    await user.keyboard('{Enter}');
    await user.keyboard('{Control>}a{/Control}其他名称{Escape}');
    expect(screen.queryByRole('textbox', { name: '新名称' })).toBeNull();
    expect(rowNames()).toContain('财政局 2024 送审稿');
  });

  it('复制 adds a copy named by its own report (it follows its agency and year), and says so', async () => {
    const { user } = await renderHome();
    await user.click(screen.getByRole('button', { name: '复制：某县教育局 2025年度' }));
    await waitFor(() => expect(rowNames().filter((n) => n === '某县教育局 2025年度')).toHaveLength(2));
    expect(await repo.list()).toHaveLength(4);
    expect(screen.getByRole('status')).toHaveTextContent(/已复制“某县教育局 2025年度”。副本是最近保存的一份/);
    const copy = (await repo.list()).find((d) => d.id !== 'c' && d.agency === '某县教育局')!;
    expect(copy.customName).toBeNull();
  });

  it('新建下一年度 of a draft whose next year exists asks first: open it, make another, or cancel', async () => {
    await repo.create(blankReport({ id: 'd', agency: '某市财政局', year: 2025 }));
    const { user, onOpen } = await renderHome();
    await user.click(screen.getByRole('button', { name: '新建下一年度：某市财政局 2024年度' }));
    const ask = await screen.findByRole('alert');
    expect(ask).toHaveTextContent(/已有 2025 年度的草稿“某市财政局 2025年度”/);
    const open = within(ask).getByRole('button', { name: '打开已有的草稿' });
    expect(open).toHaveFocus();
    await user.click(within(ask).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await repo.list()).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: '新建下一年度：某市财政局 2024年度' }));
    await user.click(await screen.findByRole('button', { name: '打开已有的草稿' }));
    expect(onOpen).toHaveBeenCalledWith('d');

    await user.click(screen.getByRole('button', { name: '新建下一年度：某市财政局 2024年度' }));
    await user.click(await screen.findByRole('button', { name: '仍然新建' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(2));
    expect(await repo.list()).toHaveLength(5);
  });

  it('删除 moves to the 回收站, 撤销 brings it back', async () => {
    const { user } = await renderHome();
    await user.click(screen.getByRole('button', { name: '删除：某市财政局 2024年度' }));
    const notice = await screen.findByText(/已将“某市财政局 2024年度”移到回收站/);
    expect(rowNames()).not.toContain('某市财政局 2024年度');
    const undo = within(notice).getByRole('button', { name: '撤销' });
    expect(undo).toHaveFocus();
    await user.click(undo);
    await waitFor(() => expect(rowNames()).toContain('某市财政局 2024年度'));
    expect(await repo.listTrash()).toEqual([]);
  });

  it('the 回收站: restore, delete for ever after confirming, empty after confirming', async () => {
    const { user } = await renderHome();
    await user.click(screen.getByRole('button', { name: '删除：某市财政局 2024年度' }));
    await screen.findByText(/移到回收站/);
    await user.click(screen.getByRole('button', { name: '删除：某县教育局 2025年度' }));
    await user.click(screen.getByRole('button', { name: '删除：自治区科技厅 2021年度' }));
    await user.click(await screen.findByRole('button', { name: '回收站（3）' }));
    expect(screen.getByRole('heading', { name: '回收站' })).toBeInTheDocument();
    expect(rowNames()).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: '恢复：自治区科技厅 2021年度' }));
    await waitFor(() => expect(rowNames()).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: '永久删除：某市财政局 2024年度' }));
    expect(await repo.get('b')).toBeDefined(); // one click does not delete
    await user.click(screen.getByRole('button', { name: /确认永久删除：某市财政局 2024年度/ }));
    await waitFor(() => expect(rowNames()).toEqual(['某县教育局 2025年度']));
    expect(await repo.get('b')).toBeUndefined();

    await user.click(screen.getByRole('button', { name: '清空回收站' }));
    await user.click(screen.getByRole('button', { name: '确认清空回收站（永久删除 1 份草稿）' }));
    await screen.findByText('回收站是空的。');
    expect(await repo.get('c')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: '返回草稿列表' }));
    expect(rowNames()).toEqual(['自治区科技厅 2021年度']);
  });

  it('says what went wrong when an action fails', async () => {
    vi.spyOn(repo, 'duplicate').mockRejectedValueOnce(new StorageError('quota'));
    const { user } = await renderHome();
    await user.click(screen.getByRole('button', { name: '复制：某县教育局 2025年度' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('存储空间已满');
  });

  it('invites to create the first draft when there is none', async () => {
    repo = new MemoryDraftRepository();
    render(<DraftsHome repository={repo} onOpen={() => {}} />);
    expect(await screen.findByText('还没有草稿。点击“新建”开始填写年度报告。')).toBeInTheDocument();
  });

  it('has no accessibility violations, in the list and in the trash', async () => {
    const { user, view } = await renderHome();
    expect(await axeViolations(view.container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: '重命名：某市财政局 2024年度' }));
    expect(await axeViolations(view.container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: '删除：某县教育局 2025年度' }));
    await user.click(await screen.findByRole('button', { name: '回收站（1）' }));
    await user.click(screen.getByRole('button', { name: '永久删除：某县教育局 2025年度' }));
    expect(await axeViolations(view.container)).toEqual([]);
  });
});
