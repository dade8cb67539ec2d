/** 导出PDF dialog with a stand-in worker: warning for 错误, 审签单 option, glyph check, progress, download. */
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PdfWorkerRequest, PdfWorkerResponse } from '../../../src/pdf/worker-protocol.ts';
import { blankReport, type Report } from '../../../src/report/document.ts';
import { evaluate } from '../../../src/report/rules.ts';
import { exampleReport } from '../../../src/ui/App.tsx';
import { ExportDialog } from '../../../src/ui/export/ExportDialog.tsx';

/** Answers like the real worker: glyph check finds 𠀀, export reports progress then returns bytes. */
function fakeWorker() {
  const requests: PdfWorkerRequest[] = [];
  let listener: ((event: MessageEvent<PdfWorkerResponse>) => void) | null = null;
  const send = (data: PdfWorkerResponse) => listener?.({ data } as MessageEvent<PdfWorkerResponse>);
  const worker = {
    postMessage(message: PdfWorkerRequest) {
      requests.push(message);
      queueMicrotask(() => {
        const text = JSON.stringify(message.report);
        if (message.type === 'check-glyphs') {
          const missing = text.includes('𠀀') ? [{ char: '𠀀', codePoint: 'U+20000', places: ['前言'] }] : [];
          send({ type: 'glyphs', id: message.id, missing });
          return;
        }
        send({
          type: 'progress',
          id: message.id,
          progress: { stage: 'draw', label: '绘制第 1 页，共 3 页', fraction: 0.5 } as never,
        });
        setTimeout(
          () => send({ type: 'done', id: message.id, pdf: new TextEncoder().encode('%PDF-1.7 fake') }),
          20,
        );
      });
    },
    addEventListener(_type: 'message', l: (event: MessageEvent<PdfWorkerResponse>) => void) {
      listener = l;
    },
    terminate: vi.fn(),
  };
  return { worker: worker as unknown as Worker, requests };
}

let clicked: string[];
beforeEach(() => {
  clicked = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

function setup(report: Report, intent: 'download' | 'print' = 'download') {
  const { worker, requests } = fakeWorker();
  const onClose = vi.fn();
  render(
    <ExportDialog
      report={report}
      findings={evaluate(report)}
      savedAt={async () => new Date('2022-01-20T08:00:00Z')}
      intent={intent}
      onClose={onClose}
      makeWorker={() => worker}
    />,
  );
  return { requests, onClose, user: userEvent.setup() };
}

describe('ExportDialog', () => {
  it('exports a clean report: no watermark warning, 审签单 passed on, progress, then a download', async () => {
    const { requests, user } = setup(exampleReport());
    expect(screen.getByText(/审核通过，导出的是正式版本/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('加在报告后'));
    await user.click(screen.getByRole('button', { name: '生成并下载' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('绘制第 1 页'));
    await waitFor(() => expect(clicked).toEqual(['自治区科技厅-2021年度政府信息公开工作年度报告.pdf']));
    const exported = requests.find((r) => r.type === 'export');
    expect(exported?.type === 'export' && exported.settings.approvalSheet).toBe('after');
    expect(exported?.type === 'export' && exported.settings.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(screen.getByRole('status').textContent).toMatch(/已生成.*文件指纹 [0-9a-f]{16}/);
  });

  it('warns before exporting a report with 错误 and names the file 草稿', async () => {
    const { user } = setup(blankReport({ agency: '某局', year: 2024 }));
    expect(screen.getByRole('alert').textContent).toContain('「草稿 · 审核未通过」水印');
    await user.click(screen.getByRole('button', { name: '生成并下载' }));
    await waitFor(() => expect(clicked).toEqual(['某局-2024年度政府信息公开工作年度报告-草稿.pdf']));
  });

  it('a report whose 提示 are not all confirmed is a 待确认 draft: said so, and the file named 草稿', async () => {
    const report = exampleReport();
    report.cells['t4.cases.reviewOther'] = null;
    const { user } = setup(report);
    expect(screen.getByRole('alert').textContent).toContain('还有 1 条提示未确认');
    expect(screen.getByRole('alert').textContent).toContain('提示未确认」水印');
    await user.click(screen.getByRole('button', { name: '生成并下载' }));
    await waitFor(() => expect(clicked).toEqual(['自治区科技厅-2021年度政府信息公开工作年度报告-草稿.pdf']));
  });

  it('lists characters no font has, and exports them marked only when the clerk agrees', async () => {
    const report = { ...exampleReport(), preamble: '含有生僻字𠀀的前言' };
    const { requests, user, onClose } = setup(report);
    await user.click(screen.getByRole('button', { name: '生成并下载' }));
    expect(await screen.findByText(/「𠀀」（U\+20000）出现在：前言/)).toBeInTheDocument();
    expect(requests.some((r) => r.type === 'export')).toBe(false);
    expect(clicked).toEqual([]);
    await user.click(screen.getByRole('button', { name: '用编码标出并继续' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    const exported = requests.find((r) => r.type === 'export');
    expect(exported?.type === 'export' && exported.settings.missingGlyphs).toBe('mark');
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('print opens the PDF in a new tab, and offers a button when the browser blocks it', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = setup(exampleReport(), 'print');
    await user.click(screen.getByRole('button', { name: '生成并打开' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('blob:fake', '_blank'));
    expect(await screen.findByText(/浏览器阻止了新标签页/)).toBeInTheDocument();
    expect(clicked).toEqual([]);
  });
});
