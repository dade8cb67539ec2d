/** The import screen: paste or drop a report, review it side by side, confirm or cancel. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEvent, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { readReportFileNode } from '../../../src/import/files/read-file-node.ts';
import { type ImportedDraft, ImportScreen } from '../../../src/ui/import/ImportScreen.tsx';
import { EXPECTED_CELLS } from '../../import/fixtures/expected.ts';
import { report2019 } from '../../import/fixtures/report-2019.ts';
import { SAMPLE_TEXT, sampleHtml, setCellText } from '../../import/fixtures/variants.ts';

const CORPUS = join(process.cwd(), 'tests/import/corpus/city-office-2021');

function setup() {
  const onConfirm = vi.fn<(draft: ImportedDraft) => void>();
  const onCancel = vi.fn();
  const user = userEvent.setup();
  const view = render(<ImportScreen onConfirm={onConfirm} onCancel={onCancel} />);
  return { onConfirm, onCancel, user, view };
}

const pasteBox = () => screen.getByLabelText('粘贴年报全文');

/** Pastes, then waits for the importer (loaded on first use) to have answered. */
async function paste(data: Record<string, string>) {
  fireEvent.paste(pasteBox(), { clipboardData: { getData: (type: string) => data[type] ?? '' } });
  await vi.dynamicImportSettled();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** (fireEvent.drop of @testing-library/preact does not reach the handler under happy-dom; this does.) */
function drop(target: Element, file: File) {
  fireEvent(target, createEvent.drop(target, { dataTransfer: { files: [file] } }));
}

const cell = (id: string) => document.getElementById(`import-cell-${id}`)!;
const confirmButton = () => screen.getByRole('button', { name: '确认导入' });

async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('ImportScreen', () => {
  it('takes the HTML the clipboard offers, shows the draft beside its source, and confirms it', async () => {
    const { onConfirm, user } = setup();
    await paste({ 'text/html': sampleHtml(), 'text/plain': SAMPLE_TEXT });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      '核对导入结果：《自治区科技厅2021年政府信息公开工作年度报告》',
    );
    expect(screen.getByRole('status').textContent).toContain(
      '2021年格式的报告。未找到 0 处 · 不确定 0 处 · 提示 0 处',
    );
    expect(screen.getByText('原文（粘贴的内容）')).toBeTruthy();
    expect(cell('t2.normative.valid').textContent).toBe('81');
    expect(cell('t3.total.total').textContent).toBe('3');
    expect(screen.getByText('审核全部通过。')).toBeTruthy();
    await user.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm.mock.calls[0]![0].report.cells).toEqual(EXPECTED_CELLS);
  });

  it('marks doubtful cells and their source lines, and asks the clerk to confirm having checked them', async () => {
    const { onConfirm, user } = setup();
    const text = setCellText(SAMPLE_TEXT, '规章', 1, '/').replace(
      '\t4.保护第三方合法权益',
      '\t4.保护第三人合法权益',
    );
    await paste({ 'text/plain': text });
    expect(cell('t2.rules.repealed').className).toContain('mark-hint');
    expect(cell('t3.refusedThirdParty.natural').className).toContain('mark-unsure');
    expect(cell('t3.refusedThirdParty.natural').getAttribute('tabindex')).toBe('0');
    expect(cell('t2.rules.issued').className).not.toContain('mark-');
    const line = document.getElementById(`import-source-line-${text.split('\n').indexOf('\t/') + 1}`)!;
    expect(line.className).toContain('mark-hint');

    expect(confirmButton()).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /我已对照原文核对标出的 7 处/ }));
    expect(confirmButton()).toBeEnabled();

    // The row's doubt is said once, for its 7 cells; it moves focus to the row's first cell.
    const rowIssue = screen.getByRole('button', {
      name: /三（三）4\.保护第三方合法权益（7 格）：行名写作“4\.保护第三人合法权益”/,
    });
    await user.click(rowIssue);
    expect(document.activeElement).toBe(cell('t3.refusedThirdParty.natural'));
    await user.click(confirmButton());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('confirms once: a double click does not store the draft twice', async () => {
    const { onConfirm } = setup();
    await paste({ 'text/plain': SAMPLE_TEXT });
    const button = confirmButton();
    // Two clicks in one go, before any re-render (as a quick double click can land).
    button.click();
    button.click();
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('button', { name: '正在创建草稿…' })).toBeDisabled());
  });

  it('a 2019-format report: the cells not imported are marked as such, not left to look blank', async () => {
    setup();
    await paste({ 'text/plain': report2019() });
    const summary = document.querySelector('.import-summary')!.textContent!;
    expect(summary).toMatch(/^2019年试行格式的报告。/);
    expect(summary).toContain('31 格未导入'); // table 2's 10 cells and the 21 of （六）'s three rows
    for (const id of ['t2.normative.valid', 't3.otherNoFee.natural', 't3.otherOther.total']) {
      expect(cell(id).className).toContain('mark-not-imported');
      expect(cell(id).textContent).toMatch(/^空未导入：/);
    }
    // What was imported is not marked.
    expect(cell('t3.new.natural').className).not.toContain('mark-');
    expect(cell('t3.new.natural').textContent).toBe(String(EXPECTED_CELLS['t3.new.natural']));
  });

  it('lists the checks of the imported draft (a published total that does not add up)', async () => {
    setup();
    await paste({ 'text/plain': setCellText(SAMPLE_TEXT, '（七）总计', 0, '5') });
    const checks = screen.getByRole('heading', { name: '审核结果' }).nextElementSibling!;
    expect(checks.textContent).toMatch(/错误.*三（七）总计·自然人 为 5/);
  });

  it('says in Chinese when nothing can be read, and stays on the paste box', async () => {
    setup();
    await paste({ 'text/plain': '今天天气很好。' });
    expect(screen.getByRole('alert').textContent).toMatch(/没有识别出年度报告的内容/);
    expect(pasteBox()).toBeTruthy();
  });

  it('refuses a paste larger than any report at once, leaving the box empty', async () => {
    const importer = vi.fn();
    render(<ImportScreen onConfirm={vi.fn()} onCancel={vi.fn()} importer={importer} />);
    await paste({ 'text/plain': '\t1\n'.repeat(300_000) });
    expect(screen.getByRole('alert').textContent).toMatch(/^内容过长（约 \d+ 万字）/);
    expect(importer).not.toHaveBeenCalled();
    expect((pasteBox() as HTMLTextAreaElement).value).toBe('');
  });

  it('reads a dropped .txt file, and a browser that cannot run the PDF reader says to paste instead', async () => {
    setup();
    const zone = pasteBox().closest('section')!;
    const pdf = new File([new TextEncoder().encode('%PDF-1.7')], '2021年报.pdf');
    drop(zone, pdf);
    // happy-dom has no Web Worker: what an old browser that cannot run the reader shows.
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        /2021年报\.pdf：这个浏览器无法直接打开 PDF 或 Word 文件.*请在阅读器或 Word 中全选、复制文字，再粘贴到导入框中/,
      ),
    );
    const txt = new File([new TextEncoder().encode(SAMPLE_TEXT)], '2021年报.txt', { type: 'text/plain' });
    drop(zone, txt);
    await waitFor(() => expect(screen.getByText('原文（2021年报.txt）')).toBeTruthy());
    expect(cell('t2.license.decisions').textContent).toBe('11');
  });

  it('opens a dropped .pdf and .docx (read as the command line reads them), and says why a broken one cannot be', async () => {
    const readFile = async (file: File) =>
      readReportFileNode(file.name, new Uint8Array(await file.arrayBuffer()));
    render(<ImportScreen onConfirm={vi.fn()} onCancel={vi.fn()} readFile={readFile} />);
    const zone = pasteBox().closest('section')!;
    drop(zone, new File([new TextEncoder().encode('%PDF-1.7 broken')], '坏的.pdf'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^坏的\.pdf：无法读取这个 PDF 文件/),
    );
    const corpus = (name: string) => readFileSync(join(CORPUS, name));
    drop(zone, new File([corpus('a4.pdf')], '2021年报.pdf'));
    await waitFor(() => expect(screen.getByText(/原文（2021年报\.pdf，PDF 的文字/)).toBeTruthy(), {
      timeout: 20_000,
    });
    expect(cell('t3.new.natural').textContent).toBe('1268');
    expect(screen.getByRole('status').textContent).toContain('未找到 0 处 · 不确定 0 处');
    await userEvent.click(screen.getByRole('button', { name: '重新粘贴' }));
    drop(pasteBox().closest('section')!, new File([corpus('report.docx')], '2021年报.docx'));
    await waitFor(() => expect(screen.getByText(/原文（2021年报\.docx，Word 文件的文字）/)).toBeTruthy(), {
      timeout: 20_000,
    });
    expect(cell('t4.cases.reviewUpheld').textContent).toBe('41');
  }, 60_000);

  it('reads typed text with 识别, goes back with 重新粘贴, and cancels with 取消', async () => {
    const { onCancel, user } = setup();
    expect(screen.getByRole('button', { name: '识别' })).toBeDisabled();
    fireEvent.input(pasteBox(), { target: { value: SAMPLE_TEXT } });
    await user.click(screen.getByRole('button', { name: '识别' }));
    await user.click(screen.getByRole('button', { name: '重新粘贴' }));
    expect(pasteBox()).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('has no accessibility violations on either screen', async () => {
    const { view } = setup();
    expect(await axeViolations(view.container)).toEqual([]);
    await paste({ 'text/plain': setCellText(SAMPLE_TEXT, '规章', 1, '/') });
    expect(await axeViolations(view.container)).toEqual([]);
    // axe over the review's 200 cells takes seconds in happy-dom on a busy machine.
  }, 60_000);
});
