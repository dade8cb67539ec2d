// @vitest-environment node
/**
 * `docx` and `html`: written like the app's exports (the .docx reads back through mammoth, the page
 * through the importer), Chinese messages, exit 0 clean / 1 draft / 2 nothing written.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { importReport } from '../../src/import/import-report.ts';
import { docxToHtml, sample } from '../export/fixtures.ts';
import { memoryIo } from './memory-io.ts';

const SAMPLE = 'examples/gx-kjt-2021.json';
const draftJson = () => JSON.stringify({ ...sample(), cells: { ...sample().cells, 't3.new.natural': 5 } });

describe('docx', () => {
  it('writes the sample as a Word file the importer reads back whole; exit 0', async () => {
    const io = memoryIo();
    expect(await main(['docx', SAMPLE, '-o', 'out.docx'], io)).toBe(0);
    expect(io.stderr()).toMatch(/^已写入 out\.docx（\d+ KB）。$/);
    const { html, messages } = await docxToHtml(io.files.get('out.docx')!);
    expect(messages).toEqual([]);
    const back = importReport({ html });
    expect(back.ok && back.report.cells).toEqual(sample().cells);
  });

  it('a draft is written with its marking, exit 1; --approval adds the 审签单', async () => {
    const io = memoryIo({ 'draft.json': draftJson() });
    expect(
      await main(
        ['docx', 'draft.json', '-o', 'd.docx', '--approval', 'after', '--saved-at', '2022-01-20T10:30+08:00'],
        io,
      ),
    ).toBe(1);
    expect(io.stderr()).toContain('这是草稿（审核未通过：尚有 2 处错误）');
    const { html } = await docxToHtml(io.files.get('d.docx')!);
    expect(html).toContain('审　签　单');
    expect(html).toContain('保存于 北京时间 2022-01-20 10:30');
  });

  it('refuses without -o, with a bad --approval, or an unreadable file: exit 2, nothing written', async () => {
    for (const args of [
      ['docx', SAMPLE],
      ['docx', SAMPLE, '-o', 'x.docx', '--approval', 'middle'],
      ['docx', 'missing.json', '-o', 'x.docx'],
      ['docx', 'tests/cli/fixtures/truncated.json', '-o', 'x.docx'],
      ['docx', SAMPLE, '-o', 'x.docx', '--saved-at', '昨天'],
    ]) {
      const io = memoryIo();
      expect(await main(args, io)).toBe(2);
      expect(io.files.size).toBe(0);
      expect(io.stderr()).toMatch(/[\u4e00-\u9fff]/);
      expect(io.stderr()).not.toMatch(/Error|at .*\.ts/);
    }
  });
});

describe('html', () => {
  it('writes the complete page, or with --fragment the <div> alone; exit 0', async () => {
    const io = memoryIo();
    expect(await main(['html', SAMPLE, '-o', 'page.html'], io)).toBe(0);
    expect(await main(['html', SAMPLE, '-o', 'part.html', '--fragment'], io)).toBe(0);
    const page = io.text('page.html');
    const part = io.text('part.html');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(part.startsWith('<div>')).toBe(true);
    expect(page).toContain(part.trim());
    for (const html of [page, part]) {
      const back = importReport({ html });
      expect(back.ok && back.report.cells).toEqual(sample().cells);
    }
  });

  it('a draft: written, marked at the top, exit 1 with a warning not to publish it', async () => {
    const io = memoryIo({ 'draft.json': draftJson() });
    expect(await main(['html', 'draft.json', '-o', 'd.html'], io)).toBe(1);
    expect(io.text('d.html')).toContain('草稿 · 审核未通过：尚有 2 处错误');
    expect(io.stderr()).toContain('请不要发布');
  });

  it('refuses without -o or with extra files: exit 2, nothing written', async () => {
    for (const args of [
      ['html', SAMPLE],
      ['html', SAMPLE, SAMPLE, '-o', 'x.html'],
      ['html', SAMPLE, '-o', 'x.html', '--bogus'],
    ]) {
      const io = memoryIo();
      expect(await main(args, io)).toBe(2);
      expect(io.files.size).toBe(0);
    }
  });
});
