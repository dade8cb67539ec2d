// @vitest-environment node
/** The import-text command: a published report file → a draft file or report JSON, with the doubts listed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/command.ts';
import { importTextCommand } from '../../src/cli/import-text.ts';
import { main } from '../../src/cli/main.ts';
import { openDraftFile } from '../../src/files/open.ts';
import { reportSchema } from '../../src/report/document.ts';
import { memoryIo } from '../cli/memory-io.ts';
import { EXPECTED_CELLS } from './fixtures/expected.ts';
import { SAMPLE_TEXT, sampleHtml, setCellText } from './fixtures/variants.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

const run = (args: string[], io = memoryIo()) =>
  main(['import-text', ...args], io, { commands: [importTextCommand] });

describe('import-text', () => {
  it('writes the sample as plain report JSON with all its numbers, exit 0', async () => {
    const io = memoryIo({ 'in.txt': SAMPLE_TEXT });
    expect(await run(['in.txt', '-o', 'out.json'], io)).toBe(EXIT.ok);
    const report = reportSchema().parse(JSON.parse(io.text('out.json')));
    expect(report.cells).toEqual(EXPECTED_CELLS);
    expect(report.agency).toBe('自治区科技厅');
    expect(io.stderr()).toContain(
      '《自治区科技厅2021年政府信息公开工作年度报告》，2021年格式，读到 200 个单元格；不确定 0 处，未找到 0 处，提示 0 处。',
    );
  });

  it('writes a draft file the tool opens when the name ends in .nianbao.json', async () => {
    const io = memoryIo({ 'in.html': sampleHtml() });
    expect(await run(['in.html', '-o', 'out.nianbao.json'], io)).toBe(EXIT.ok);
    const opened = await openDraftFile(io.files.get('out.nianbao.json')!, 'out.nianbao.json');
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.report.cells).toEqual(EXPECTED_CELLS);
  });

  it('reads GBK text, lists the doubts with their source line, and exits 1 when cells need checking', async () => {
    // The sample saved by Notepad as 「ANSI」 (GB18030), with 行政许可's 11 written as 「若干」.
    const io = memoryIo();
    expect(await run([fixture('gx-kjt-2021-gb18030.txt'), '-o', 'out.json'], io)).toBe(EXIT.findings);
    const report = reportSchema().parse(JSON.parse(io.text('out.json')));
    expect(report.agency).toBe('自治区科技厅');
    expect(report.cells['t2.license.decisions']).toBeNull();
    expect(io.stderr()).toContain('不确定 0 处，未找到 1 处');
    expect(io.stderr()).toContain(
      '  未找到  行政许可·本年处理决定数量：原文有这一行，但后面没有数字（写作“行政许可 若干”），保持空白（原文第 44 行：行政许可 若干）',
    );
  });

  it('prints the JSON when no output file is given', async () => {
    const io = memoryIo({ 'in.txt': SAMPLE_TEXT });
    expect(await run(['in.txt'], io)).toBe(EXIT.ok);
    expect(JSON.parse(io.stdout()).year).toBe(2021);
  });

  it('reads a published PDF and the office’s .docx into a draft file with all their numbers, exit 0', async () => {
    const corpus = (name: string) => new URL(`./corpus/city-police-2022/${name}`, import.meta.url).pathname;
    const expected = JSON.parse(readFileSync(corpus('expected.json'), 'utf8')) as {
      cells: Record<string, number>;
    };
    for (const name of ['narrow.pdf', 'report.docx']) {
      const io = memoryIo();
      expect(await run([corpus(name), '-o', 'out.nianbao.json'], io)).toBe(EXIT.ok);
      expect(io.stderr()).toContain(
        '《柳州市公安局2022年政府信息公开工作年度报告》，2021年格式，读到 200 个单元格；不确定 0 处',
      );
      const opened = await openDraftFile(io.files.get('out.nianbao.json')!, 'out.nianbao.json');
      expect(opened.ok && opened.report.cells).toEqual(expected.cells);
    }
  });

  it('lists checks of the format the imported numbers fail, and marks their cells', async () => {
    const io = memoryIo({ 'in.txt': setCellText(SAMPLE_TEXT, '（一）予以公开', 2, '7') });
    expect(await run(['in.txt', '-o', 'out.json'], io)).toBe(EXIT.findings);
    expect(io.stderr()).toMatch(/勾稽关系不符 \d+ 项（涉及的单元格已标为不确定）/);
    expect(io.stderr()).toContain('  勾稽关系不符  三（一）予以公开·总计 为 1，但自然人至其他各列之和为 7');
    expect(io.stderr()).toContain('  不确定  三（七）总计·科研机构：导入的数字不符合表格的勾稽关系');
  });

  it('refuses PDF, Word, unreadable text and existing outputs with a Chinese message, exit 2', async () => {
    const io = memoryIo({
      'a.pdf': '%PDF-1.7 …',
      'a.docx': 'PK\u0003\u0004…',
      'junk.txt': '今天天气很好。',
      'in.txt': SAMPLE_TEXT,
      'exists.json': '{}',
    });
    expect(await run(['a.pdf'], io)).toBe(EXIT.badInput);
    expect(await run(['a.docx'], io)).toBe(EXIT.badInput);
    expect(await run(['junk.txt'], io)).toBe(EXIT.badInput);
    expect(await run(['in.txt', '-o', 'exists.json'], io)).toBe(EXIT.badInput);
    expect(await run(['missing.txt'], io)).toBe(EXIT.badInput);
    const err = io.stderr();
    expect(err).toContain('a.pdf：无法读取这个 PDF 文件（文件不完整或已损坏）');
    expect(err).toContain('a.docx：无法读取这个 Word 文件');
    expect(err).toContain('junk.txt：没有识别出年度报告的内容');
    expect(err).toContain('exists.json 已经存在，未做任何修改');
    expect(err).toContain('missing.txt：找不到这个文件');
    expect(io.text('exists.json')).toBe('{}');
  });
});
