// @vitest-environment node
/**
 * Huge, stale and out-of-range numbers through every command (issue 14): a file holding 1e305 is
 * refused by each, naming the cell; no command writes Infinity or zod's English; automatic totals
 * are recomputed on the way in, so `tables` prints what `check` and `pdf` use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { MAX_COUNT } from '../../src/report/cell-input.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { withTotals } from '../../src/report/totals.ts';
import { EXAMPLE } from './fixtures.ts';
import { memoryIo } from './memory-io.ts';

const sample = (): Report => reportSchema().parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

async function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const io = memoryIo(files);
  const code = await main(args, io);
  return { code, io, out: io.stdout(), err: io.stderr() };
}

/** A draft file with a correct hash, as if written by a tool that let 1e305 through. */
async function hugeFile(): Promise<string> {
  const text = (await serializeDraft({ ...sample(), cells: { ...sample().cells, 't3.new.natural': 7 } }))
    .text;
  return text.replace('"t3.new.natural": 7', '"t3.new.natural": 1e305');
}

const ENGLISH = /[A-Za-z]{4,}/;

describe('numbers a cell may not hold, through the command line', () => {
  it.each([
    ['check', []],
    ['tables', []],
    ['sum', ['-o', 'x.nianbao.json']],
    ['sum', ['-o', 'x.json']],
    ['csv', ['-o', 'x.csv']],
  ])('%s %j refuses a file with 1e305, naming the cell, and writes nothing', async (command, rest) => {
    const { code, io, err, out } = await run([command, 'huge.nianbao.json', ...rest], {
      'huge.nianbao.json': await hugeFile(),
    });
    expect(code).toBe(2);
    expect(err).toContain(
      '「一、本年新收政府信息公开申请数量·自然人」超出范围（件数最多 9 位数），文件中为 1e+305',
    );
    expect([...io.files.keys()]).toEqual(['huge.nianbao.json']);
    expect(`${out}${err}`).not.toMatch(/Infinity|NaN/);
    // Option names (--skip-unreadable) and file names are the only Latin words.
    expect(err.replace(/\S+\.(?:nianbao\.)?json|\S+\.csv|e\+305|--[a-z-]+/g, '')).not.toMatch(ENGLISH);
  });

  it('tables prints recomputed automatic totals, as check and pdf use them, not a stale one in the file', async () => {
    const stale = { ...sample(), manualTotals: false, cells: { ...sample().cells, 't3.new.total': 99 } };
    const text = (await serializeDraft(stale)).text;
    const { code, out } = await run(['tables', 'stale.nianbao.json', '--no-headers'], {
      'stale.nianbao.json': text,
    });
    expect(code).toBe(0);
    const row = out.split('\n').find((l) => l.startsWith('一、本年新收政府信息公开申请数量'))!;
    expect(row.split('\t').at(-1)).toBe(String(withTotals(stale).cells['t3.new.total']));
    const checked = await run(['check', 'stale.nianbao.json'], { 'stale.nianbao.json': text });
    expect(checked.out).not.toContain('T3-C');
  });

  it('sum refuses, in Chinese, a 汇总 whose cells would be beyond what a cell may hold', async () => {
    const big = { ...sample(), cells: { ...sample().cells, 't3.new.natural': MAX_COUNT } };
    const files = {
      'a.nianbao.json': (await serializeDraft({ ...big, id: 'a', agency: '甲' })).text,
      'b.nianbao.json': (await serializeDraft({ ...big, id: 'b', agency: '乙' })).text,
    };
    for (const output of ['x.nianbao.json', 'x.json']) {
      const { code, io, err } = await run(['sum', 'a.nianbao.json', 'b.nianbao.json', '-o', output], files);
      expect(code).toBe(2);
      expect(err).toContain('汇总后有 1 格的数字超出本工具能记录的范围');
      expect(err).toContain(`一、本年新收政府信息公开申请数量·自然人（${2 * MAX_COUNT}）`);
      expect(io.files.has(output)).toBe(false);
    }
  });

  it('sum -o x.json checks what it writes: a too long --agency is said in Chinese, never zod’s English', async () => {
    const { code, err, io } = await run(['sum', EXAMPLE, '-o', 'x.json', '--agency', '局'.repeat(300)]);
    expect(code).toBe(2);
    expect(err).toContain('生成的报告有内容不符合格式，未写入：');
    expect(err).toContain('「机关名称」过长：最多 200 个字符，文件中有 300 个');
    expect(err).not.toMatch(/"code"|too_big|Too big/);
    expect(io.files.has('x.json')).toBe(false);
  });

  it('csv writes no Infinity: its 合计 row of valid units is finite', async () => {
    const { code, io } = await run(['csv', EXAMPLE, EXAMPLE, '--keep-duplicates', '-o', 'x.csv']);
    expect(code).toBe(0);
    expect(io.text('x.csv')).not.toMatch(/Infinity|NaN/);
  });

  it('from-tables refuses a count of 10 digits and an amount of 16 digits, as typing and paste do', async () => {
    const tsv = ['规章\t1000000000\t0\t0', '行政事业性收费\t4501021990010112.34'].join('\n');
    const { code, err, io } = await run(['from-tables', 't.tsv', '-o', 'r.json'], { 't.tsv': tsv });
    expect(code).toBe(2);
    expect(err).toContain('第 1 行：规章·本年制发件数：“1000000000”超出范围（件数最多 9 位数）');
    expect(err).toContain('“4501021990010112.34”超出范围（金额应小于 1000000000 万元）');
    expect(io.files.has('r.json')).toBe(false);
  });
});
