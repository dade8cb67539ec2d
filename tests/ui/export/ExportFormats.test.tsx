/**
 * The export dialog's Word and 网页 choices: side by side with PDF (审签单 for PDF and Word), 导出Word
 * through a stand-in worker to a download, 导出网页 downloads and 复制网页内容 (text/html + text/plain).
 */
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocxWorkerRequest, DocxWorkerResponse } from '../../../src/export/docx/worker-protocol.ts';
import type { Report } from '../../../src/report/document.ts';
import { evaluate } from '../../../src/report/rules.ts';
import { exampleReport } from '../../../src/ui/App.tsx';
import { ExportDialog } from '../../../src/ui/export/ExportDialog.tsx';

const NAME = '自治区科技厅-2021年度政府信息公开工作年度报告';

/** A Word worker that answers every export with fixed bytes, as the real one answers with a .docx. */
function fakeDocxWorker() {
  const requests: DocxWorkerRequest[] = [];
  const load = vi.fn(async () => () => {
    let listener: ((event: MessageEvent<DocxWorkerResponse>) => void) | null = null;
    return {
      postMessage(message: DocxWorkerRequest) {
        requests.push(message);
        setTimeout(
          () =>
            listener?.({
              data: { type: 'done', id: message.id, docx: new Uint8Array([80, 75, 3, 4]) },
            } as MessageEvent<DocxWorkerResponse>),
          10,
        );
      },
      addEventListener(type: string, l: (event: MessageEvent<DocxWorkerResponse>) => void) {
        if (type === 'message') listener = l;
      },
      terminate: vi.fn(),
    } as unknown as Worker;
  });
  return { load, requests };
}

let downloads: { name: string; type: string }[];
beforeEach(() => {
  downloads = [];
  let lastType = '';
  URL.createObjectURL = vi.fn((blob: Blob) => {
    lastType = blob.type;
    return 'blob:fake';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, type: lastType });
  });
});
afterEach(() => vi.restoreAllMocks());

function setup(report: Report = exampleReport(), intent: 'download' | 'print' = 'download') {
  const docx = fakeDocxWorker();
  render(
    <ExportDialog
      report={report}
      findings={evaluate(report)}
      savedAt={async () => new Date('2022-01-20T08:00:00Z')}
      intent={intent}
      onClose={vi.fn()}
      makeWorker={() => ({ postMessage() {}, addEventListener() {}, terminate() {} }) as unknown as Worker}
      loadDocxWorker={docx.load}
    />,
  );
  return { docx, user: userEvent.setup() };
}

describe('export dialog: PDF, Word and 网页 side by side', () => {
  it('offers the three formats; 审签单 for PDF and Word only; 打印 is PDF alone', async () => {
    const { user } = setup();
    expect(screen.getByRole('dialog', { name: '导出 PDF · Word · 网页' })).toBeInTheDocument();
    for (const label of ['PDF（打印、归档）', 'Word（.docx，公文流转）', '网页（发布到网站）'])
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(screen.getByLabelText('PDF（打印、归档）')).toBeChecked();
    await user.click(screen.getByLabelText('Word（.docx，公文流转）'));
    expect(screen.getByLabelText('加在报告前')).toBeVisible();
    await user.click(screen.getByLabelText('网页（发布到网站）'));
    expect(screen.getByText('审签单（起草人、审核人、签发人、日期）').closest('fieldset')).not.toBeVisible();
  });

  it('打印 has no format choice', () => {
    setup(exampleReport(), 'print');
    expect(screen.queryByLabelText('Word（.docx，公文流转）')).toBeNull();
  });

  it('导出Word: generated in the worker with the 审签单 choice and the fingerprint, then downloaded as .docx', async () => {
    const { user, docx } = setup();
    await user.click(screen.getByLabelText('Word（.docx，公文流转）'));
    await user.click(screen.getByLabelText('加在报告后'));
    expect(docx.load).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '生成并下载' }));
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual([`${NAME}.docx`]));
    expect(downloads[0]!.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.load).toHaveBeenCalledTimes(1);
    expect(docx.requests[0]!.settings).toMatchObject({
      approvalSheet: 'after',
      savedAt: Date.parse('2022-01-20T08:00:00Z'),
    });
    expect(docx.requests[0]!.settings.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(screen.getByRole('status').textContent).toMatch(/已生成「.*\.docx」.*已开始下载/);
    await user.click(screen.getByRole('button', { name: '再次下载' }));
    expect(downloads).toHaveLength(2);
  });

  it('a draft’s Word file is named 草稿 and the panel says how it is marked', async () => {
    const draft = { ...exampleReport(), cells: { ...exampleReport().cells, 't3.new.natural': 5 } };
    const { user } = setup(draft);
    await user.click(screen.getByLabelText('Word（.docx，公文流转）'));
    expect(screen.getByText(/每页页眉写明“草稿 · 审核未通过”并带水印/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '生成并下载' }));
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual([`${NAME}-草稿.docx`]));
  });

  it('导出网页: downloads the page or the fragment', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('网页（发布到网站）'));
    const page = await screen.findByRole('button', { name: '下载网页文件' });
    await waitFor(() => expect(page).toBeEnabled());
    await user.click(page);
    await user.click(screen.getByRole('button', { name: '下载网页片段' }));
    expect(downloads).toEqual([
      { name: `${NAME}.html`, type: 'text/html;charset=utf-8' },
      { name: `${NAME}-网页片段.html`, type: 'text/html;charset=utf-8' },
    ]);
  });

  it('复制网页内容 puts the fragment on the clipboard as text/html, with a text/plain twin', async () => {
    const clipboard = new Map<string, string>();
    document.execCommand = vi.fn((command: string) => {
      if (command !== 'copy') return false;
      const event = new Event('copy', { cancelable: true });
      Object.defineProperty(event, 'clipboardData', {
        value: { setData: (type: string, value: string) => clipboard.set(type, value) },
      });
      document.dispatchEvent(event);
      return true;
    });
    const { user } = setup();
    await user.click(screen.getByLabelText('网页（发布到网站）'));
    const copy = await screen.findByRole('button', { name: '复制网页内容' });
    await waitFor(() => expect(copy).toBeEnabled());
    await user.click(copy);
    expect(clipboard.get('text/html')).toMatch(
      /^<div>\n<h1[^>]*>自治区科技厅2021年政府信息公开工作年度报告<\/h1>/,
    );
    expect(clipboard.get('text/html')).toContain('rowspan="3"');
    expect(clipboard.get('text/plain')).toContain('行政规范性文件\t26\t4\t81');
    expect(screen.getByRole('status').textContent).toContain('已复制网页内容');
  });

  it('when the browser refuses the clipboard, says so and what to do instead', async () => {
    document.execCommand = vi.fn(() => false);
    // The asynchronous Clipboard API refuses too (no permission).
    if ('clipboard' in navigator)
      vi.spyOn(navigator.clipboard, 'write').mockRejectedValue(new Error('denied'));
    const { user } = setup();
    await user.click(screen.getByLabelText('网页（发布到网站）'));
    const copy = await screen.findByRole('button', { name: '复制网页内容' });
    await waitFor(() => expect(copy).toBeEnabled());
    await user.click(copy);
    expect(await screen.findByRole('alert')).toHaveTextContent('浏览器不允许复制到剪贴板');
  });
});
