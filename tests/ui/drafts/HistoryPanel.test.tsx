import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { blankReport, type Report } from '../../../src/report/document.ts';
import { setCells, setSection } from '../../../src/report/edit.ts';
import { AutosaveController } from '../../../src/storage/autosave.ts';
import { MemoryDraftRepository } from '../../../src/storage/memory-repository.ts';
import { HistoryPanel } from '../../../src/ui/drafts/HistoryPanel.tsx';
import { axeViolations } from './axe.ts';

let repo: MemoryDraftRepository;
let controller: AutosaveController;
let current: Report;
let time: number;

beforeEach(async () => {
  time = new Date(2026, 0, 10, 9, 0, 0).getTime();
  repo = new MemoryDraftRepository(() => time);
  const draft = await repo.create(blankReport({ id: 'd', agency: '某局', year: 2025 }));
  const early = setSection(setCells(draft.report, { 't3.new.natural': 1 }), 'overview', '第一段。\n第二段。');
  await repo.save('d', early, 1);
  await repo.addRevision('d', early, 'auto');
  time += 5 * 60_000;
  current = setSection(setCells(early, { 't3.new.natural': 2 }), 'overview', '第一段。\n改写的第二段。');
  current = { ...current, agency: '某局（改）' };
  await repo.save('d', current, 2);
  await repo.addRevision('d', current, 'paste');
  controller = new AutosaveController({ repository: repo, draftId: 'd', version: 3, now: () => time });
});

describe('HistoryPanel', () => {
  it('lists revisions newest first with time, reason and 审核 counts', async () => {
    render(<HistoryPanel source={controller} current={current} onRestored={() => {}} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^2026-01-10 09:05:00整块粘贴前错误 \d+ \/ 提示 \d+$/),
      expect.stringMatching(/^2026-01-10 09:00:00编辑过程中自动保留/),
    ]);
  });

  it('previews a revision read-only, with what differs from the current content by official label', async () => {
    const user = userEvent.setup();
    render(<HistoryPanel source={controller} current={current} onRestored={() => {}} />);
    await user.click(await screen.findByRole('button', { name: /09:00:00/ }));
    const preview = await screen.findByRole('region', { name: /预览 2026-01-10 09:00:00 的版本（只读）/ });
    expect(within(preview).getByText(/此版本与当前内容有 4 处不同/)).toBeInTheDocument();
    const cells = within(preview).getByRole('table', { name: /表格数字/ });
    const natural = within(cells).getByRole('row', { name: /一、本年新收政府信息公开申请数量·自然人/ });
    expect(
      within(natural)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '2']);
    const facts = within(preview).getByRole('table', { name: '基本信息与注释' });
    expect(within(facts).getByRole('row', { name: /机关名称/ })).toHaveTextContent('某局某局（改）');
    const text = within(preview).getByRole('region', { name: '一、总体情况 的文字差异' });
    expect(text).toHaveTextContent('仅此版本有：第二段。');
    expect(text).toHaveTextContent('仅当前有：改写的第二段。');
    expect(screen.getByRole('button', { name: /09:00:00/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('restores after confirming: the current content becomes a revision first', async () => {
    const user = userEvent.setup();
    const onRestored = vi.fn();
    // Unsaved-as-revision work on screen: only the draft itself holds natural = 3.
    current = setCells(current, { 't3.new.natural': 3 });
    await repo.save('d', current, 3);
    controller = new AutosaveController({ repository: repo, draftId: 'd', version: 4, now: () => time });
    render(<HistoryPanel source={controller} current={current} onRestored={onRestored} />);
    await user.click(await screen.findByRole('button', { name: /09:00:00/ }));
    await user.click(await screen.findByRole('button', { name: '恢复此版本' }));
    expect(onRestored).not.toHaveBeenCalled();
    const confirm = screen.getByRole('button', { name: '确认恢复此版本' });
    expect(confirm).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce());
    const restored: Report = onRestored.mock.calls[0]![0];
    expect(restored.cells['t3.new.natural']).toBe(1);
    expect(restored.agency).toBe('某局');
    expect((await repo.get('d'))?.report).toEqual(restored);
    expect(controller.version).toBe(5);
    expect(await screen.findByRole('status')).toHaveTextContent('已恢复到 2026-01-10 09:00:00 的版本');
    const [newest] = await repo.listRevisions('d');
    expect(newest?.reason).toBe('restore');
    expect((await repo.getRevision(newest!.id))?.report.cells['t3.new.natural']).toBe(3);
    expect(await screen.findByRole('button', { name: /恢复历史版本前/ })).toBeInTheDocument();
  });

  it('a read-only tab can preview but not restore', async () => {
    const user = userEvent.setup();
    render(<HistoryPanel source={controller} current={current} onRestored={() => {}} readOnly />);
    await user.click(await screen.findByRole('button', { name: /09:00:00/ }));
    await screen.findByRole('region', { name: /预览/ });
    expect(screen.queryByRole('button', { name: '恢复此版本' })).toBeNull();
  });

  it('says so when a revision cannot be restored (another tab saved meanwhile)', async () => {
    const user = userEvent.setup();
    await repo.save('d', { ...current, agency: '另一个标签页' }, 3);
    render(<HistoryPanel source={controller} current={current} onRestored={() => {}} />);
    await user.click(await screen.findByRole('button', { name: /09:00:00/ }));
    await user.click(await screen.findByRole('button', { name: '恢复此版本' }));
    await user.click(screen.getByRole('button', { name: '确认恢复此版本' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('另一个标签页中修改');
    expect((await repo.get('d'))?.report.agency).toBe('另一个标签页');
  });

  it('has no accessibility violations with a preview open', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <HistoryPanel source={controller} current={current} onRestored={() => {}} />,
    );
    await user.click(await screen.findByRole('button', { name: /09:00:00/ }));
    await user.click(await screen.findByRole('button', { name: '恢复此版本' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});
