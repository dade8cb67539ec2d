/** The app shell on a memory repository: routes, autosave into the repository, import, storage problems. */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextYearReport } from '../../../src/report/next-year.ts';
import { StorageError } from '../../../src/storage/errors.ts';
import { MemoryDraftRepository } from '../../../src/storage/memory-repository.ts';
import type { OpenedRepository } from '../../../src/storage/repository.ts';
import { App, exampleReport } from '../../../src/ui/App.tsx';
import { SAMPLE_TEXT } from '../../import/fixtures/variants.ts';

function renderApp(problem: StorageError | null = null) {
  const repository = new MemoryDraftRepository();
  const opened: OpenedRepository = { repository, problem };
  const user = userEvent.setup();
  render(<App openRepository={async () => opened} />);
  return { repository, user };
}

/** The element once it is rendered. */
const shown = (selector: string) =>
  waitFor(() => {
    const element = document.querySelector<HTMLElement>(selector);
    expect(element).not.toBeNull();
    return element!;
  });

beforeEach(() => {
  location.hash = '';
  localStorage.clear();
});
afterEach(() => {
  location.hash = '';
});

describe('app shell', { timeout: 20_000 }, () => {
  it('starts on the draft list; 新建 opens the editor on a stored draft and typing is saved', async () => {
    const { repository, user } = renderApp();
    await user.click(await screen.findByRole('button', { name: '新建' }));
    const agency = await screen.findByLabelText('机关名称');
    expect(location.hash).toMatch(/^#\/draft\/./);
    await user.type(agency, '测试局');
    await waitFor(async () => {
      const [draft] = await repository.list();
      expect(draft?.agency).toBe('测试局');
    });
    // This test's repository is memory: the status must not claim the browser keeps the draft.
    expect(document.querySelector('.save-status')?.textContent).toBe(
      '只在内存中（未存入浏览器，关闭页面即丢失）',
    );

    await user.click(screen.getByRole('button', { name: '草稿列表' }));
    expect(await screen.findByRole('button', { name: /^打开：测试局/ })).toBeInTheDocument();
    expect(location.hash).toBe('#/');
  });

  it('reopens the draft named in the address after a reload', async () => {
    const repository = new MemoryDraftRepository();
    const draft = await repository.create();
    await repository.save(draft.summary.id, { ...draft.report, agency: '重开局' }, 1);
    location.hash = `#/draft/${draft.summary.id}`;
    render(<App openRepository={async () => ({ repository, problem: null })} />);
    expect(await screen.findByDisplayValue('重开局')).toBeInTheDocument();
  });

  it('says so when the draft in the address no longer exists, and goes back to the list', async () => {
    const { user } = renderApp();
    location.hash = '#/draft/gone';
    fireEvent(window, new HashChangeEvent('hashchange'));
    expect(await screen.findByText(/找不到这份草稿/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '返回草稿列表' }));
    expect(await screen.findByRole('button', { name: '新建' })).toBeInTheDocument();
  });

  it('shows the red banner when browser storage cannot be used, and still lets the clerk work', async () => {
    const { repository, user } = renderApp(new StorageError('unavailable', 'test'));
    const banner = await shown('.storage-banner');
    expect(banner.textContent).toContain('无法使用浏览器存储');
    expect(banner.textContent).toContain('保存到文件');
    await user.click(screen.getByRole('button', { name: '新建' }));
    await user.type(await screen.findByLabelText('机关名称'), '内存局');
    await waitFor(async () => expect((await repository.list())[0]?.agency).toBe('内存局'));
    // On a draft the banner offers to save the report on screen to a file.
    const onDraft = screen.getAllByRole('alert').find((a) => a.classList.contains('storage-banner'))!;
    expect(onDraft.querySelector('button')?.textContent).toBe('保存到文件');
  });

  it('imports a published report: review, confirm, a new draft with its 导入时的原样 revision', async () => {
    const { repository, user } = renderApp();
    await user.click(await screen.findByRole('button', { name: '导入往年报告' }));
    const box = await screen.findByLabelText('粘贴年报全文');
    fireEvent.paste(box, {
      clipboardData: { getData: (type: string) => (type === 'text/plain' ? SAMPLE_TEXT : '') },
    });
    await user.click(await screen.findByRole('button', { name: '确认导入' }));
    expect(await screen.findByDisplayValue('自治区科技厅')).toBeInTheDocument();
    const [draft] = await repository.list();
    expect(draft?.year).toBe(2021);
    const revisions = await repository.listRevisions(draft!.id);
    expect(revisions.map((r) => r.reason)).toEqual(['imported']);
  });

  it('mounts 汇总 and the storage panel', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: '汇总' }));
    expect(await screen.findByRole('heading', { name: '汇总各单位年报' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '存储' }));
    const panel = (await screen.findByRole('heading', { name: '设置/存储' })).closest('section')!;
    await waitFor(() => expect(panel.textContent).toContain('仅内存（关闭页面即丢失）'));
    await user.click(screen.getByRole('button', { name: '关闭存储设置' }));
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(await screen.findByRole('button', { name: '新建' })).toBeInTheDocument();
  });

  it('同比 shows last year next to this year, and a row label moves to its cell', async () => {
    const repository = new MemoryDraftRepository();
    const draft = await repository.create(nextYearReport(exampleReport()));
    location.hash = `#/draft/${draft.summary.id}`;
    const user = userEvent.setup();
    render(<App openRepository={async () => ({ repository, problem: null })} />);
    await user.click(await screen.findByRole('button', { name: '同比' }));
    expect(await screen.findByRole('heading', { name: '同比（2022年与2021年对比）' })).toBeInTheDocument();
    const label = screen.getAllByRole('button', { name: /三（七）总计/ })[0]!;
    await user.click(label);
    await waitFor(() => expect(document.activeElement?.id).toMatch(/^cell-t3\.total\./));
    expect(screen.queryByRole('heading', { name: /^同比/ })).toBeNull();
  });

  it('says on the start page what this browser refuses here, and 关于 states there is no network', async () => {
    const { user } = renderApp();
    // happy-dom has neither IndexedDB nor Web Workers: both are named in Chinese, with what to do.
    const notice = await shown('.environment-notice');
    expect(notice.textContent).toContain('浏览器存储');
    expect(notice.textContent).not.toMatch(/IndexedDB|Worker/);
    expect(notice.textContent).toContain('无法导出 PDF');
    await user.click(screen.getByRole('button', { name: '知道了' }));
    expect(document.querySelector('.environment-notice')).toBeNull();
    await user.click(screen.getByRole('button', { name: '关于' }));
    const about = await screen.findByRole('dialog', { name: '关于信息公开年报填报工具' });
    expect(about.textContent).toMatch(/网络|联网/);
    expect(about.textContent).not.toContain('IndexedDB');
  });
});
