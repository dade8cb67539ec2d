// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/cli/read-report.ts';
import { blankReport } from '../../src/report/document.ts';
import { EXAMPLE } from './fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readReportFile', () => {
  it('reads the example, also with a byte-order mark', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const plain = await readReportFile(bytes(text), EXAMPLE);
    const withBom = await readReportFile(bytes(`\uFEFF${text}`), EXAMPLE);
    expect(plain.ok && plain.report.agency).toBe('自治区科技厅');
    expect(withBom).toEqual(plain);
  });

  it('names bytes that are not UTF-8 text, and spreadsheets', async () => {
    const gbk = await readReportFile(new Uint8Array([0xb1, 0xed, 0xb6, 0xfe]), 'a.json');
    expect(gbk).toEqual({ ok: false, message: expect.stringContaining('不是 UTF-8 编码的文本文件') });
    const xlsx = await readReportFile(bytes('PK\u0003\u0004…'), '表格.xlsx');
    expect(xlsx).toEqual({ ok: false, message: expect.stringContaining('from-tables') });
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const result = await readReportFile(bytes('{\n  "formatVersion": 1\n  "id": "x"\n}'), 'a.json');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/第 3 行第 \d+ 列附近格式有误/) });
  });

  it('says a file cut short is incomplete', async () => {
    const result = await readReportFile(bytes('{"formatVersion": 1, "cells": {'), 'a.json');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('内容在中途断开') });
  });

  it('says a newer tool wrote a file of a later format version', async () => {
    const report = { ...blankReport(), formatVersion: 2 };
    const result = await readReportFile(bytes(JSON.stringify(report)), 'a.json');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('更新版本的工具保存（格式版本 2') });
  });

  it('lists schema problems in words, at most 8 of them', async () => {
    const report = blankReport() as Record<string, unknown> & ReturnType<typeof blankReport>;
    for (const id of Object.keys(report.cells).slice(0, 10))
      (report.cells as Record<string, unknown>)[id] = 'x';
    (report as { year: unknown }).year = '2021';
    const result = await readReportFile(bytes(JSON.stringify(report)), 'a.json');
    if (result.ok) throw new Error('expected a failure');
    expect(result.message).toContain('共 11 处问题');
    expect(result.message).toContain('报告年度（year）：');
    expect(result.message).toContain('“规章·本年制发件数”单元格（cells.t2.rules.issued）');
    expect(result.message).toContain('……另有 3 处');
  });
});
