/** SaveStatus, StorageBanner, StoragePanel, ReadOnlyNotice. */
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StorageError } from '../../../src/storage/errors.ts';
import { ReadOnlyNotice } from '../../../src/ui/drafts/ReadOnlyNotice.tsx';
import { SaveStatus } from '../../../src/ui/drafts/SaveStatus.tsx';
import { StorageBanner } from '../../../src/ui/drafts/StorageBanner.tsx';
import { StoragePanel } from '../../../src/ui/drafts/StoragePanel.tsx';
import { useStorageInfo } from '../../../src/ui/drafts/useStorageInfo.ts';
import { axeViolations } from './axe.ts';

describe('SaveStatus', () => {
  it('shows each state in a polite status region', () => {
    const { rerender } = render(<SaveStatus status={{ state: 'saving' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('正在保存…');
    rerender(<SaveStatus status={{ state: 'saved', at: new Date(2026, 0, 1, 14, 3, 22).getTime() }} />);
    expect(screen.getByRole('status')).toHaveTextContent('已保存 14:03:22');
    rerender(<SaveStatus status={{ state: 'error', error: new StorageError('quota') }} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('保存失败（存储空间已满）');
    expect(status).toHaveAttribute('title', expect.stringContaining('保存到文件'));
    expect(status).toHaveClass('save-status-error');
  });
});

describe('StorageBanner', () => {
  it('is an alert that says what happened and offers saving to a file', async () => {
    const onSaveFile = vi.fn();
    const onRetry = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <StorageBanner problem={new StorageError('unavailable')} onSaveFile={onSaveFile} onRetry={onRetry} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/浏览器存储出现问题：无法使用浏览器存储/);
    await user.click(screen.getByRole('button', { name: '保存到文件' }));
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(onSaveFile).toHaveBeenCalledOnce();
    expect(onRetry).toHaveBeenCalledOnce();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders nothing without a problem', () => {
    const { container } = render(<StorageBanner problem={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('StoragePanel', () => {
  it('shows persistence, usage and quota, and advises a file when not persistent', async () => {
    const onRequestPersist = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <StoragePanel
        info={{ supported: true, persisted: false, usage: 2.5 * 1024 ** 2, quota: 10 * 1024 ** 3 }}
        backend="indexeddb"
        onRequestPersist={onRequestPersist}
        onRefresh={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: '设置/存储' })).toBeInTheDocument();
    expect(screen.getByText(/^未开启/)).toBeInTheDocument();
    expect(screen.getByText('已用 2.5 MB，可用上限 10.0 GB（已用 不到 0.1%）')).toBeInTheDocument();
    expect(screen.getByText(/请定期用“保存到文件”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '申请持久存储' }));
    expect(onRequestPersist).toHaveBeenCalledOnce();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when storage is persistent, and when drafts live in memory only', () => {
    const info = { supported: true, persisted: true, usage: 1000, quota: 100_000 };
    const { rerender } = render(
      <StoragePanel info={info} backend="indexeddb" onRequestPersist={() => {}} onRefresh={() => {}} />,
    );
    expect(screen.getByText(/^已开启/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '申请持久存储' })).toBeNull();
    rerender(<StoragePanel info={info} backend="memory" onRequestPersist={() => {}} onRefresh={() => {}} />);
    expect(screen.getByText('仅内存（关闭页面即丢失）')).toBeInTheDocument();
  });

  it('reads navigator.storage through useStorageInfo and asks for persistence', async () => {
    let persisted = false;
    const storage = {
      persisted: async () => persisted,
      persist: async () => {
        persisted = true;
        return true;
      },
      estimate: async () => ({ usage: 2048, quota: 4096 }),
    };
    function Panel() {
      const { info, refresh, requestPersist } = useStorageInfo(storage);
      return (
        <StoragePanel info={info} backend="indexeddb" onRequestPersist={requestPersist} onRefresh={refresh} />
      );
    }
    const user = userEvent.setup();
    render(<Panel />);
    expect(await screen.findByText('已用 2.0 KB，可用上限 4.0 KB（已用 50.0%）')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '申请持久存储' }));
    await waitFor(() => expect(screen.getByText(/^已开启/)).toBeInTheDocument());
  });
});

describe('ReadOnlyNotice', () => {
  it('explains and offers to take over, only while read-only', async () => {
    const onTakeOver = vi.fn();
    const user = userEvent.setup();
    const { rerender, container } = render(<ReadOnlyNotice state="read-only" onTakeOver={onTakeOver} />);
    expect(screen.getByRole('status')).toHaveTextContent('正在另一个标签页中编辑');
    await user.click(screen.getByRole('button', { name: '在本页编辑' }));
    expect(onTakeOver).toHaveBeenCalledOnce();
    expect(await axeViolations(container)).toEqual([]);
    rerender(<ReadOnlyNotice state="owner" onTakeOver={onTakeOver} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('the axe helper', () => {
  it('does report violations (so the checks above can fail)', async () => {
    const { container } = render(
      <div>
        <button type="button" />
        <input type="text" />
      </div>,
    );
    const violations = await axeViolations(container);
    expect(violations.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['button-name', 'label']));
  });
});
