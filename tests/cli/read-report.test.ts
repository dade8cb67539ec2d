// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/cli/read-report.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { blankReport, REPORT_FORMAT_VERSION, reportSchema } from '../../src/report/document.ts';
import { EXAMPLE } from './fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const example = () => reportSchema().parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

describe('readReportFile', () => {
  it('reads the example, also with a byte-order mark, with nothing to note', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const plain = await readReportFile(bytes(text), EXAMPLE);
    const withBom = await readReportFile(bytes(`\uFEFF${text}`), EXAMPLE);
    expect(plain.ok && plain.report.agency).toBe('自治区科技厅');
    expect(plain).toMatchObject({ ok: true, warnings: [], fileFormatVersion: 0 });
    expect(withBom).toEqual(plain);
  });

  it('reads a draft file (.nianbao.json) as the app writes it', async () => {
    const draft = await serializeDraft(example(), { now: new Date('2022-01-15T08:30:00Z') });
    const read = await readReportFile(draft.bytes, 'a.nianbao.json');
    expect(read).toMatchObject({
      ok: true,
      warnings: [],
      hashStatus: 'verified',
      fileFormatVersion: 1,
      savedAt: '2022-01-15T08:30:00.000Z',
    });
    expect(read.ok && read.report).toEqual(example());
  });

  it('notes a draft file edited outside the tool, and still reads it', async () => {
    const draft = await serializeDraft(example());
    const edited = draft.text.replace('"t2.rules.issued": 0', '"t2.rules.issued": 5');
    const read = await readReportFile(bytes(edited), 'a.nianbao.json');
    if (!read.ok) throw new Error(read.message);
    expect(read.hashStatus).toBe('mismatch');
    expect(read.report.cells['t2.rules.issued']).toBe(5);
    expect(read.warnings.join()).toContain('在本工具之外被改动过');
  });

  it('reads a report re-saved in GBK (Notepad “ANSI”) and says so; names binary files and spreadsheets', async () => {
    const report = { ...blankReport({ year: 2021, id: 'gbk' }), agency: 'AB' };
    // The agency 「表二」 written in GBK (b1ed b6fe); the rest of the file is ASCII either way.
    const [before, after] = JSON.stringify(report).split('"AB"') as [string, string];
    const raw = new Uint8Array([...bytes(`${before}"`), 0xb1, 0xed, 0xb6, 0xfe, ...bytes(`"${after}`)]);
    const gbk = await readReportFile(raw, 'a.json');
    if (!gbk.ok) throw new Error(gbk.message);
    expect(gbk.report.agency).toBe('表二');
    expect(gbk.warnings.join()).toContain('GBK');

    const binary = await readReportFile(new Uint8Array([0x7b, 0x00, 0x01, 0x02, 0x7d, 0x00, 0x00]), 'a.json');
    expect(binary).toEqual({ ok: false, message: expect.stringContaining('不是文本文件') });
    const xlsx = await readReportFile(bytes('PK\u0003\u0004…'), '表格.xlsx');
    expect(xlsx).toEqual({ ok: false, message: expect.stringContaining('from-tables') });
    const pdf = await readReportFile(bytes('%PDF-1.7'), '年报.pdf');
    expect(pdf).toEqual({ ok: false, message: expect.stringContaining('这是 PDF 文件') });
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const result = await readReportFile(bytes('{\n  "formatVersion": 1\n  "id": "x"\n}'), 'a.json');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/第 3 行第 \d+ 列附近/) });
  });

  it('says a file cut short is incomplete', async () => {
    const result = await readReportFile(bytes('{"formatVersion": 1, "cells": {'), 'a.json');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('内容在结尾处中断了') });
  });

  it('says a newer tool wrote a file of a later format version', async () => {
    const report = { ...blankReport(), formatVersion: REPORT_FORMAT_VERSION + 1 };
    const result = await readReportFile(bytes(JSON.stringify(report)), 'a.json');
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(`较新版本的本工具保存（报告格式第 ${REPORT_FORMAT_VERSION + 1} 版`),
    });
  });

  it('lists schema problems in words, one per line, at most 20 of them', async () => {
    const report = blankReport() as Record<string, unknown> & ReturnType<typeof blankReport>;
    for (const id of Object.keys(report.cells).slice(0, 24))
      (report.cells as Record<string, unknown>)[id] = 'x';
    (report as { year: unknown }).year = '2021';
    const result = await readReportFile(bytes(JSON.stringify(report)), 'a.json');
    if (result.ok) throw new Error('expected a failure');
    const lines = result.message.split('\n');
    expect(lines[0]).toContain('文件中有 25 处内容不符合草稿格式');
    expect(lines).toContain('  - 「报告年度」应为数字，文件中为 "2021"');
    expect(lines).toContain('  - 「规章·本年制发件数」应为 0 至 999999999 的整数（件）或留空，文件中为 "x"');
    expect(lines.at(-1)).toBe('  - ……另有 5 处问题未列出。');
    expect(lines).toHaveLength(22);
  });
});
