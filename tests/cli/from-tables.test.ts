// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { reportSchema } from '../../src/report/document.ts';
import { DATA_LINES_ONLY, EXAMPLE, GBK_TABLE2 } from './fixtures.ts';
import { type MemoryIo, memoryIo } from './memory-io.ts';

const example = reportSchema().parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

async function run(io: MemoryIo, ...args: string[]) {
  return main(args, io);
}

async function tablesOf(io: MemoryIo, file: string, ...options: string[]) {
  const out = memoryIo(Object.fromEntries(io.files));
  expect(await run(out, 'tables', file, ...options)).toBe(0);
  return out.stdout();
}

describe('from-tables', () => {
  it('round trip: tables → from-tables → tables gives the same text', async () => {
    const io = memoryIo();
    expect(await run(io, 'tables', EXAMPLE, '-o', 't.tsv')).toBe(0);
    expect(
      await run(io, 'from-tables', 't.tsv', '-o', 'r.json', '--year', '2021', '--agency', '自治区科技厅'),
    ).toBe(0);
    expect(await tablesOf(io, 'r.json')).toBe(await tablesOf(io, EXAMPLE));
    const report = reportSchema().parse(JSON.parse(io.text('r.json')));
    expect(report.cells).toEqual(example.cells);
    expect(report).toMatchObject({ manualTotals: false, agency: '自治区科技厅', year: 2021 });
    expect(report.period).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(io.stderr()).toContain('已生成 r.json（读入 32 行）');
  });

  it('round trip without header lines', async () => {
    const io = memoryIo();
    await run(io, 'tables', EXAMPLE, '--no-headers', '-o', 'bare.tsv');
    expect(await run(io, 'from-tables', 'bare.tsv', '-o', 'r.json')).toBe(0);
    expect(await tablesOf(io, 'r.json')).toBe(await tablesOf(io, EXAMPLE));
  });

  it('reads data lines only, labelled in clerks’ ways or not at all (CRLF fixture)', async () => {
    const io = memoryIo();
    expect(await run(io, 'from-tables', DATA_LINES_ONLY, '-o', 'r.json')).toBe(0);
    expect(reportSchema().parse(JSON.parse(io.text('r.json'))).cells).toEqual(example.cells);
  });

  it('reads a GBK file from a spreadsheet and says which rows it did not find', async () => {
    const io = memoryIo();
    expect(await run(io, 'from-tables', GBK_TABLE2)).toBe(0);
    const report = reportSchema().parse(JSON.parse(io.stdout()));
    expect(report.cells['t2.normative.issued']).toBe(3);
    expect(report.cells['t2.normative.repealed']).toBe(0);
    expect(report.cells['t2.license.decisions']).toBe(1024);
    expect(report.cells['t2.fees.amount']).toBe(4068.208);
    expect(report.cells['t2.penalty.decisions']).toBeNull();
    expect(io.stderr()).toContain(
      '28 行没有读到，保持空白：表二的行政处罚，行政强制；表三全部 25 行；表四的件数。',
    );
  });

  it('totals that agree with their parts (or are empty) become automatic totals', async () => {
    const io = memoryIo({ 't.tsv': '表四\n件数\t1\t2\t0\t0\t\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1' });
    expect(await run(io, 'from-tables', 't.tsv')).toBe(0);
    const report = reportSchema().parse(JSON.parse(io.stdout()));
    expect(report.manualTotals).toBe(false);
    expect(report.cells['t4.cases.reviewTotal']).toBe(3);
    // Table 3 is not in the TSV: its totals stay empty like its cells, not 0.
    expect(report.cells['t3.total.total']).toBeNull();
  });

  it('a total that disagrees is kept, totals become manual and check shows the mismatch', async () => {
    const io = memoryIo({ 't.tsv': '表四\n件数\t1\t2\t0\t0\t4\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0' });
    expect(await run(io, 'from-tables', 't.tsv', '-o', 'r.json', '--agency', '某局', '--year', '2021')).toBe(
      0,
    );
    expect(io.stderr()).toContain('1 个总计与分项之和不一致');
    expect(io.stderr()).toContain('行政复议·总计：表中为 4，分项之和为 3');
    const report = reportSchema().parse(JSON.parse(io.text('r.json')));
    expect(report.manualTotals).toBe(true);
    expect(report.cells['t4.cases.reviewTotal']).toBe(4);
    const checked = memoryIo(Object.fromEntries(io.files));
    expect(await main(['check', 'r.json'], checked)).toBe(1);
    expect(checked.stdout()).toContain(
      'T4-A  行政复议·总计 为 4，但结果维持、结果纠正、其他结果、尚未审结之和为 3',
    );
  });

  it('any line it cannot read: exit 2, every problem by line, nothing written', async () => {
    const io = memoryIo({ 't.tsv': '规章\t1\tx\t3\n行政规范性文件\t1\t2\t3\t4\n' });
    expect(await run(io, 'from-tables', 't.tsv', '-o', 'r.json')).toBe(2);
    expect(io.stderr()).toContain('t.tsv：有 2 处读不懂，未生成年报文件。');
    expect(io.stderr()).toContain('第 1 行：规章·本年废止件数：“x”不是数字');
    expect(io.stderr()).toContain('第 2 行：“行政规范性文件”这一行只有 3 列，但这里有 4 个数');
    expect(io.files.has('r.json')).toBe(false);
  });

  it('does not overwrite an existing file without --force', async () => {
    const io = memoryIo({ 't.tsv': '规章\t1\t2\t3', 'r.json': 'keep me' });
    expect(await run(io, 'from-tables', 't.tsv', '-o', 'r.json')).toBe(2);
    expect(io.stderr()).toContain('r.json 已经存在，未做任何修改。要覆盖它请加 --force');
    expect(io.text('r.json')).toBe('keep me');
    expect(await run(io, 'from-tables', 't.tsv', '-o', 'r.json', '--force')).toBe(0);
    expect(JSON.parse(io.text('r.json')).cells['t2.rules.valid']).toBe(3);
  });

  it('rejects a bad --year and a missing input file', async () => {
    const io = memoryIo({ 't.tsv': '规章\t1\t2\t3' });
    expect(await run(io, 'from-tables', 't.tsv', '--year', '21')).toBe(2);
    expect(io.stderr()).toContain('--year 应为四位数的年度');
    const missing = memoryIo();
    expect(await run(missing, 'from-tables', 'tests/cli/fixtures/none.tsv')).toBe(2);
    expect(missing.stderr()).toContain('找不到这个文件');
  });
});
