/**
 * The whole file flow as the app will wire it: Ctrl+S (write back to the linked file), download
 * fallback, Ctrl+O with the overwrite question, a file dropped on the window, an outside edit, and the
 * window title with its unsaved mark. browser-fs-access is replaced by a fake picker.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { fileOpen, fileSave } from 'browser-fs-access';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDraftFile } from '../../../src/files/open.ts';
import { draftFileName } from '../../../src/files/serialize.ts';
import type { Report } from '../../../src/report/document.ts';
import { setCells } from '../../../src/report/edit.ts';
import { useDraftFiles } from '../../../src/ui/files/useDraftFiles.tsx';
import { sampleDraft, sampleReport } from '../../files/sample.ts';
import { spyStore } from '../../files/store-spy.ts';

vi.mock('browser-fs-access', () => ({ fileSave: vi.fn(), fileOpen: vi.fn(), supported: true }));
const save = vi.mocked(fileSave);
const pick = vi.mocked(fileOpen);

const handle = (name: string) => ({ name, kind: 'file' }) as unknown as FileSystemFileHandle;
const fileOf = (text: string, name: string) => new File([text], name, { type: 'application/json' });

function Harness({ store, initial }: { store: ReturnType<typeof spyStore>; initial: Report }) {
  const [report, setReport] = useState(initial);
  const files = useDraftFiles({ report, store, onOpened: (r) => setReport(r) });
  return (
    <div>
      <button type="button" onClick={() => setReport((r) => setCells(r, { 't3.new.natural': 9 }))}>
        改一个数
      </button>
      <span data-testid="status">{files.statusOf(report)}</span>
      <span data-testid="id">{report.id}</span>
      <span data-testid="natural">{String(report.cells['t3.new.natural'])}</span>
      {files.view}
    </div>
  );
}

function setup(stored: Report[] = []) {
  const store = spyStore(stored);
  render(<Harness store={store} initial={sampleReport()} />);
  return store;
}

const ctrl = (key: string, shiftKey = false) => fireEvent.keyDown(document, { key, ctrlKey: true, shiftKey });
const savedBlob = (call: number) => save.mock.calls[call]![0] as Blob;

beforeEach(() => {
  save.mockReset();
  pick.mockReset();
});

describe('保存到文件', () => {
  it('asks once, then writes back to the same file; the title shows the file and the unsaved mark', async () => {
    const file = handle('科技厅年报.nianbao.json');
    save.mockResolvedValue(file);
    setup();
    expect(document.title).toBe(
      '自治区科技厅2021年政府信息公开工作年度报告（未保存到文件） - 信息公开年报填报工具',
    );

    ctrl('s');
    await waitFor(() => expect(document.title).toBe('科技厅年报.nianbao.json - 信息公开年报填报工具'));
    expect(save).toHaveBeenCalledWith(
      expect.any(Blob),
      expect.objectContaining({ fileName: draftFileName(sampleReport()), id: 'nianbao-drafts' }),
      null,
    );
    expect(screen.getByRole('status')).toHaveTextContent('已保存到文件「科技厅年报.nianbao.json」。');
    const opened = await openDraftFile(new Uint8Array(await savedBlob(0).arrayBuffer()), 'x');
    expect(opened.ok && opened.report).toEqual(sampleReport());

    await userEvent.click(screen.getByRole('button', { name: '改一个数' }));
    expect(document.title).toBe('*科技厅年报.nianbao.json - 信息公开年报填报工具');
    expect(screen.getByTestId('status')).toHaveTextContent('科技厅年报.nianbao.json（有未保存的改动）');

    ctrl('s');
    await waitFor(() => expect(document.title).toBe('科技厅年报.nianbao.json - 信息公开年报填报工具'));
    expect(save.mock.calls[1]![2]).toBe(file);
    const again = await openDraftFile(new Uint8Array(await savedBlob(1).arrayBuffer()), 'x');
    expect(again.ok && again.report.cells['t3.new.natural']).toBe(9);
  });

  it('另存为 (Ctrl+Shift+S) asks for a place again', async () => {
    save.mockResolvedValueOnce(handle('a.nianbao.json')).mockResolvedValueOnce(handle('b.nianbao.json'));
    setup();
    ctrl('s');
    await waitFor(() => expect(document.title).toContain('a.nianbao.json'));
    ctrl('S', true);
    await waitFor(() => expect(document.title).toContain('b.nianbao.json'));
    expect(save.mock.calls[1]![2]).toBeNull();
  });

  it('downloads where the browser has no file access, named 机关名称-年度-年报草稿-日期', async () => {
    save.mockResolvedValue(null);
    setup();
    ctrl('s');
    const name = draftFileName(sampleReport());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`已下载文件「${name}」`));
    expect(document.title).toBe(`${name} - 信息公开年报填报工具`);
  });

  it('says nothing when the clerk closes the picker', async () => {
    save.mockRejectedValue(new DOMException('aborted', 'AbortError'));
    setup();
    ctrl('s');
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(screen.queryByLabelText('文件消息')).toBeNull();
    expect(document.title).toContain('（未保存到文件）');
  });

  it('says so when writing fails', async () => {
    save.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    setup();
    ctrl('s');
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('保存到文件失败：没有写入该文件的权限'),
    );
  });
});

describe('打开文件', () => {
  it('says nothing when the clerk closes the picker, and says so when the browser refuses it', async () => {
    pick.mockRejectedValueOnce(new DOMException('aborted', 'AbortError'));
    const store = setup();
    ctrl('o');
    await waitFor(() => expect(pick).toHaveBeenCalledTimes(1));
    expect(screen.queryByLabelText('文件消息')).toBeNull();

    pick.mockRejectedValueOnce(new DOMException('needs a user gesture', 'NotAllowedError'));
    ctrl('o');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('无法打开文件选择窗口'));
    expect(store.put).not.toHaveBeenCalled();
  });

  it('Ctrl+O with a differing stored draft asks; 覆盖 writes once and links the file', async () => {
    const fromFile = setCells(sampleReport(), { 't3.new.natural': 5 });
    const picked = Object.assign(fileOf((await sampleDraft(fromFile)).text, '同事改过.nianbao.json'), {
      handle: handle('同事改过.nianbao.json'),
    });
    pick.mockResolvedValue(picked);
    const store = setup([sampleReport()]);

    ctrl('o');
    const dialog = await screen.findByRole('dialog', { name: '浏览器中已有这份草稿' });
    expect(dialog).toHaveTextContent('一、本年新收政府信息公开申请数量·自然人');
    expect(store.put).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: '覆盖' }));

    await waitFor(() => expect(screen.getByTestId('natural')).toHaveTextContent('5'));
    expect(store.put).toHaveBeenCalledTimes(1);
    expect(store.put.mock.calls[0]![1]).toEqual({
      revisionReason: '打开文件「同事改过.nianbao.json」覆盖前的版本',
    });
    expect(document.title).toBe('同事改过.nianbao.json - 信息公开年报填报工具');
    expect(screen.queryByRole('dialog')).toBeNull();

    // Linked to the opened file: the next save writes back to it.
    save.mockResolvedValue(picked.handle);
    ctrl('s');
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0]![2]).toBe(picked.handle);
  });

  it('取消 leaves everything as it was', async () => {
    pick.mockResolvedValue(
      fileOf((await sampleDraft(setCells(sampleReport(), { 't3.new.natural': 5 }))).text, 'x.nianbao.json'),
    );
    const store = setup([sampleReport()]);
    ctrl('o');
    await userEvent.click(await screen.findByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已取消打开「x.nianbao.json」'));
    expect(store.put).not.toHaveBeenCalled();
    expect(screen.getByTestId('natural')).toHaveTextContent('2');
  });

  it('a file edited outside the tool opens only as a new draft, not linked to the file', async () => {
    const text = (await sampleDraft()).text.replace('"t3.new.natural": 2', '"t3.new.natural": 8');
    pick.mockResolvedValue(fileOf(text, '记事本改过.nianbao.json'));
    const store = setup([sampleReport()]);
    ctrl('o');
    const dialog = await screen.findByRole('dialog', { name: '文件在本工具之外被改动过' });
    expect(dialog).toHaveTextContent('文件中有 2 处不同');
    await userEvent.click(screen.getByRole('button', { name: '作为新草稿打开' }));
    await waitFor(() => expect(screen.getByTestId('natural')).toHaveTextContent('8'));
    expect(screen.getByTestId('id').textContent).not.toBe(sampleReport().id);
    expect(store.drafts.get(sampleReport().id)).toEqual(sampleReport());
    expect(document.title).toContain('（未保存到文件）');
  });
});

describe('dropping a file on the window', () => {
  const drop = (files: File[]) =>
    act(() => {
      fireEvent.drop(window, { dataTransfer: { types: ['Files'], files, items: [] } });
    });

  it('opens a dropped draft', async () => {
    const fromFile = setCells(sampleReport(), { 't3.new.natural': 6 });
    const store = setup();
    await drop([fileOf((await sampleDraft({ ...fromFile, id: 'other' })).text, '拖进来的.nianbao.json')]);
    await waitFor(() => expect(screen.getByTestId('natural')).toHaveTextContent('6'));
    expect(store.put).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('已从文件「拖进来的.nianbao.json」打开草稿。');
  });

  it('refuses a bad file with a message and stores nothing', async () => {
    const store = setup();
    await drop([fileOf('<html>not a draft</html>', '网页.html')]);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('无法打开「网页.html」：文件不是有效的 JSON 格式'),
    );
    expect(store.put).not.toHaveBeenCalled();
    expect(store.get).not.toHaveBeenCalled();
  });

  it('takes one file at a time', async () => {
    setup();
    await drop([fileOf('{}', 'a.json'), fileOf('{}', 'b.json')]);
    expect(screen.getByRole('alert')).toHaveTextContent('一次只能打开一个草稿文件（拖入了 2 个）');
  });

  it('shows an overlay while a file is dragged over the window', () => {
    setup();
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer: { types: ['Files'] } });
    });
    expect(screen.getByText('松开鼠标，打开草稿文件（.nianbao.json）')).toBeInTheDocument();
    act(() => {
      fireEvent.dragLeave(window, { dataTransfer: { types: ['Files'] } });
    });
    expect(screen.queryByText('松开鼠标，打开草稿文件（.nianbao.json）')).toBeNull();
  });
});
