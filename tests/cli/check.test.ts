// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { EXAMPLE, MISSING, SCHEMA_INVALID, SUM_ERROR, TRUNCATED } from './fixtures.ts';
import { memoryIo } from './memory-io.ts';

async function check(...files: string[]) {
  const io = memoryIo();
  const code = await main(['check', ...files], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('check', () => {
  it('the example report is clean: exit 0', async () => {
    const { code, out, err } = await check(EXAMPLE);
    expect(code).toBe(0);
    expect(out).toBe(`${EXAMPLE} 《自治区科技厅2021年政府信息公开工作年度报告》：审核通过，没有发现问题。`);
    expect(err).toBe('');
  });

  it('a report with a 错误: exit 1, the message names the cell and the numbers', async () => {
    const { code, out } = await check(SUM_ERROR);
    expect(code).toBe(1);
    expect(out).toMatch(/：有错误（3 个错误，0 个提示未确认）/);
    expect(out).toContain('错误  表三  T3-B  三（七）总计·自然人 为 3，但（一）至（六）各项之和为 2');
    expect(out).toContain('错误  表三  T3-A  自然人列');
  });

  it('--errors-only hides 提示 lines but still counts them', async () => {
    const report = JSON.parse(readFileSync(SUM_ERROR, 'utf8'));
    report.cells['t2.rules.issued'] = null;
    const io = memoryIo({ 'hint.json': JSON.stringify(report) });
    expect(await main(['check', 'hint.json', '--errors-only'], io)).toBe(1);
    expect(io.stdout()).toContain('有错误（3 个错误，1 个提示未确认）（未确认的提示未列出');
    expect(io.stdout()).not.toContain('  提示  ');
  });

  it('a JSON file cut short: exit 2, says it is incomplete', async () => {
    const { code, out, err } = await check(TRUNCATED);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^${TRUNCATED}：无法审核——文件不完整：内容在结尾处中断了`));
  });

  it('a JSON syntax error in the middle: exit 2, with its line', async () => {
    const io = memoryIo({ 'typo.json': '{\n  "formatVersion": 1,\n  "agency": "某局",,\n}' });
    expect(await main(['check', 'typo.json'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^typo\.json：无法审核——文件不是有效的 JSON 格式（第 3 行第 \d+ 列附近/);
  });

  it('schema-invalid: exit 2, names the cell by its label and the unknown field', async () => {
    const { code, err } = await check(SCHEMA_INVALID);
    expect(code).toBe(2);
    expect(err).toContain('文件中有 2 处内容不符合草稿格式');
    expect(err).toContain(
      '  - 「一、本年新收政府信息公开申请数量·自然人」应为 0 至 999999999 的整数（件）或留空，文件中为 "2"',
    );
    expect(err).toContain('"comment"');
  });

  it('a missing file: exit 2 with a Chinese message', async () => {
    const { code, err } = await check(MISSING);
    expect(code).toBe(2);
    expect(err).toBe(`${MISSING}：无法审核——找不到这个文件，请检查文件名和所在文件夹`);
  });

  it('other kinds of file are named: empty, PDF, not a report', async () => {
    const io = memoryIo({ 'empty.json': '', 'a.json': '%PDF-1.7 …', 'b.json': '[1, 2]' });
    expect(await main(['check', 'empty.json', 'a.json', 'b.json'], io)).toBe(2);
    expect(io.stderr()).toContain('empty.json：无法审核——文件是空的');
    expect(io.stderr()).toContain('a.json：无法审核——这是 PDF 文件');
    expect(io.stderr()).toContain('b.json：无法审核——文件内容不是本工具的草稿');
  });

  it('many files with one bad: every other file is still checked, summary, exit 2', async () => {
    const { code, out, err } = await check(EXAMPLE, MISSING, SUM_ERROR);
    expect(code).toBe(2);
    expect(out).toContain(
      `${EXAMPLE} 《自治区科技厅2021年政府信息公开工作年度报告》：审核通过，没有发现问题。`,
    );
    expect(out).toContain(`${SUM_ERROR} 《自治区科技厅2021年政府信息公开工作年度报告》：有错误（3 个错误`);
    expect(out.split('\n').at(-1)).toBe(
      '共检查 3 个文件：1 个审核通过，0 个待确认，1 个有错误，1 个无法读取。',
    );
    expect(err).toContain(MISSING);
  });

  it('many readable files, one with a 错误: exit 1', async () => {
    expect((await check(EXAMPLE, SUM_ERROR)).code).toBe(1);
    expect((await check(EXAMPLE, EXAMPLE)).code).toBe(0);
  });

  it('--json gives one entry per file, with the findings', async () => {
    const io = memoryIo();
    expect(await main(['check', '--json', EXAMPLE, SUM_ERROR, MISSING], io)).toBe(2);
    const results = JSON.parse(io.stdout());
    expect(results.map((r: { file: string; readable: boolean }) => [r.file, r.readable])).toEqual([
      [EXAMPLE, true],
      [SUM_ERROR, true],
      [MISSING, false],
    ]);
    expect(results[1].errors).toBe(3);
    expect(results[1].findings[0]).toMatchObject({ severity: '错误', ruleId: 'T3-A' });
  });

  it('no file given: exit 2', async () => {
    const { code, err } = await check();
    expect(code).toBe(2);
    expect(err).toContain('请给出要审核的文件');
  });
});
