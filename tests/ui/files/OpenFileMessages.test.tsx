/** Each refusal and warning, as the clerk sees it: the real messages of openDraftFile, rendered. */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/files/format.ts';
import { checkFileSize, openDraftFile } from '../../../src/files/open.ts';
import { type FileNotice, OpenFileMessages } from '../../../src/ui/files/OpenFileMessages.tsx';
import { encodeGbk } from '../../files/encodings.ts';
import { sampleDraft } from '../../files/sample.ts';

const NAME = '科技厅.nianbao.json';
const bytes = (text: string) => new TextEncoder().encode(text);

async function noticeFor(input: Uint8Array): Promise<FileNotice> {
  const result = await openDraftFile(input, NAME);
  return result.ok
    ? {
        tone: result.warnings.length ? 'warning' : 'info',
        message: result.message,
        warnings: result.warnings,
      }
    : { tone: 'error', message: result.message, details: result.details };
}

async function shown(input: Uint8Array) {
  render(<OpenFileMessages notice={await noticeFor(input)} onDismiss={() => {}} />);
  return screen.getByLabelText('文件消息');
}

describe('OpenFileMessages', () => {
  it('says a file is not JSON, and where', async () => {
    const box = await shown(bytes('{"type": "nianbao-tool/draft",, }'));
    expect(box).toHaveAttribute('role', 'alert');
    expect(box).toHaveTextContent(
      '无法打开「科技厅.nianbao.json」：文件不是有效的 JSON 格式（第 1 行第 31 列附近，此处为 ","）',
    );
  });

  it('says a file is not one of this tool', async () => {
    const box = await shown(bytes('{"name": "package", "version": "1.0.0"}'));
    expect(box).toHaveTextContent('文件中没有本工具的文件标记，不是本工具的草稿文件');
  });

  it('asks to upgrade for a newer format version', async () => {
    const text = (await sampleDraft()).text.replace('"fileFormatVersion": 1', '"fileFormatVersion": 2');
    expect(await shown(bytes(text))).toHaveTextContent('文件格式第 2 版，本工具只能读取到第 1 版');
    expect(screen.getByRole('alert')).toHaveTextContent('请升级本工具后再打开');
  });

  it('lists invalid fields by their labels, one per line', async () => {
    const text = (await sampleDraft()).text
      .replace('"t3.new.natural": 2', '"t3.new.natural": "abc"')
      .replace('"phone": "0771-2618700"', '"phone": 771');
    await shown(bytes(text));
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '「联系方式·联系电话」应为文字，文件中为 771',
      '「一、本年新收政府信息公开申请数量·自然人」应为 0 至 999999999 的整数（件）或留空，文件中为 "abc"',
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('文件中有 2 处内容不符合草稿格式，未打开');
  });

  it('warns about an outside edit on a file that opened', async () => {
    const text = (await sampleDraft()).text.replace('"t3.new.natural": 2', '"t3.new.natural": 5');
    const box = await shown(bytes(text));
    expect(box).toHaveAttribute('role', 'status');
    expect(box).toHaveTextContent('已读取文件「科技厅.nianbao.json」');
    expect(screen.getByRole('list', { name: '请注意' })).toHaveTextContent('文件在本工具之外被改动过');
  });

  it('says a file is too large', async () => {
    const rejection = checkFileSize(MAX_FILE_BYTES * 2, 'backup.zip')!;
    render(<OpenFileMessages notice={{ tone: 'error', message: rejection.message }} onDismiss={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('无法打开「backup.zip」：文件过大（10.0 MB）');
  });

  it('says a GBK file was read as GBK', async () => {
    await shown(encodeGbk((await sampleDraft()).text));
    expect(screen.getByRole('list', { name: '请注意' })).toHaveTextContent('已按 GBK（GB18030）编码读取');
  });

  it('says bytes in no known encoding cannot be read', async () => {
    expect(await shown(Uint8Array.from([0x7b, 0xff, 0xfe, 0xfd, 0x7d, 0x80]))).toHaveTextContent(
      '文字编码无法识别',
    );
  });

  it('shows markup from a file as text, never as elements', async () => {
    const text = (await sampleDraft()).text.replace(
      '"phone": "0771-2618700"',
      '"phone": ["<img src=x onerror=alert(1)>"]',
    );
    const box = await shown(bytes(text));
    expect(box.querySelector('img')).toBeNull();
    expect(box).toHaveTextContent('「联系方式·联系电话」应为文字，文件中为 一个列表（1 项）');
    render(
      <OpenFileMessages
        notice={{ tone: 'error', message: '无法打开「<script>alert(1)</script>.json」' }}
        onDismiss={() => {}}
      />,
    );
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('无法打开「<script>alert(1)</script>.json」')).toBeInTheDocument();
  });

  it('names the first few of 300 000 unknown keys and their count, in a few short lines', async () => {
    const extra = Array.from({ length: 300_000 }, (_, i) => `"k${i}": 0`).join(',');
    const text = (await sampleDraft()).text.replace('"report": {', `"report": {${extra},`);
    expect(text.length).toBeGreaterThan(3_000_000);
    const box = await shown(bytes(text));
    expect(box).toHaveTextContent(
      '「报告内容」中有 300015 项，远多于本工具的草稿，前几项为 "k0"、"k1"、"k2"、"k3"、"k4"',
    );
    expect(box.textContent!.length).toBeLessThan(400);
  });

  it('shows a 4 MB key name by its first characters', async () => {
    const key = 'x'.repeat(4_000_000);
    const text = (await sampleDraft()).text.replace('"report": {', `"report": {"${key}": 1,`);
    const box = await shown(bytes(text));
    expect(box).toHaveTextContent(`中有本工具不认识的项："${'x'.repeat(30)}…"`);
    expect(box.textContent!.length).toBeLessThan(400);
    for (const li of box.querySelectorAll('li')) expect(li.textContent!.length).toBeLessThanOrEqual(600);
  });

  it('renders at most 30 lines of at most 600 characters, whatever it is given', () => {
    render(
      <OpenFileMessages
        notice={{ tone: 'error', message: 'm'.repeat(5000), details: Array(1000).fill('d'.repeat(5000)) }}
        onDismiss={() => {}}
      />,
    );
    const items = screen.getByLabelText('文件消息').querySelectorAll('li');
    expect(items).toHaveLength(31);
    expect(items[30]).toHaveTextContent('……另有 970 条未列出。');
    for (const li of items) expect(li.textContent!.length).toBeLessThanOrEqual(600);
  });

  it('closes on 关闭, and renders nothing without a notice', () => {
    const onDismiss = vi.fn();
    const { container, rerender } = render(
      <OpenFileMessages notice={{ tone: 'info', message: '已保存。' }} onDismiss={onDismiss} />,
    );
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    rerender(<OpenFileMessages notice={null} onDismiss={onDismiss} />);
    expect(container).toBeEmptyDOMElement();
  });
});
