// @vitest-environment node
/** 汇总 on the command line: sum, csv, and check over many units' files (fixtures/units). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readUnitsCsv } from '../../src/aggregate/unit-csv.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { main } from '../../src/cli/main.ts';
import { openDraftFile } from '../../src/files/open.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { EXAMPLE, UNIT_FILES as U } from './fixtures.ts';
import { memoryIo } from './memory-io.ts';

const sample = (): Report => reportSchema().parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

async function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const io = memoryIo(files);
  const code = await main(args, io);
  return { code, io, out: io.stdout(), err: io.stderr() };
}

async function openWritten(io: ReturnType<typeof memoryIo>, path: string) {
  const opened = await openDraftFile(io.files.get(path)!, path);
  if (!opened.ok) throw new Error(opened.message);
  return opened;
}

describe('sum', () => {
  it('adds the units cell by cell into a draft file; units with 错误 are counted and named: exit 1', async () => {
    const { code, io, err } = await run(['sum', U.jia, U.yi, U.bingError, '-o', 'total.nianbao.json']);
    expect(code).toBe(1);
    expect(err).toContain(`${U.bingError} 《丙局2021年政府信息公开工作年度报告》：3 个错误（如：自然人列：`);
    expect(err).toContain('已汇总：计入 3 个单位，2021 年度，写入 total.nianbao.json。');
    const opened = await openWritten(io, 'total.nianbao.json');
    expect(opened.hashStatus).toBe('verified');
    const { cells, agency, year, manualTotals } = opened.report;
    expect({ agency, year, manualTotals }).toEqual({ agency: '', year: 2021, manualTotals: false });
    expect(cells['t2.normative.issued']).toBe(3 * sample().cells['t2.normative.issued']!);
    // 丙局's hand-typed total is not summed: the total follows the parts.
    expect(cells['t3.total.natural']).toBe(3 * sample().cells['t3.total.natural']!);
  });

  it('--skip-errors leaves units with 错误 out: exit 0 when the rest is clean', async () => {
    const { code, io, err } = await run([
      'sum',
      U.jia,
      U.yi,
      U.bingError,
      '--skip-errors',
      '-o',
      'total.nianbao.json',
      '--agency',
      '某市人民政府',
    ]);
    expect(code).toBe(0);
    expect(err).toContain('3 个错误，未计入');
    expect(err).toContain('计入 2 个单位（共 3 个文件，1 个未计入）');
    expect(err).toContain('汇总后的表格审核无错误。');
    expect(err).toContain('汇总报告的正文尚待填写');
    const { report } = await openWritten(io, 'total.nianbao.json');
    expect(report.agency).toBe('某市人民政府');
    expect(report.cells['t2.normative.issued']).toBe(2 * sample().cells['t2.normative.issued']!);
  });

  it('of two files of the same agency and year, counts the newer only, unless --keep-duplicates', async () => {
    const newer = await run(['sum', U.jiaOld, U.jia, U.yi, '-o', 'total.json']);
    expect(newer.code).toBe(0);
    expect(newer.err).toContain(
      `重复：${U.jiaOld}、${U.jia} 同为「甲局」2021 年度；只计入保存时间最新的 ${U.jia}（要全部计入请加 --keep-duplicates）。`,
    );
    const total = reportSchema().parse(JSON.parse(newer.io.text('total.json')));
    expect(total.cells['t2.rules.issued']).toBe(0);
    const all = await run(['sum', U.jiaOld, U.jia, U.yi, '-o', 'total.json', '--keep-duplicates']);
    expect(all.err).toContain('按 --keep-duplicates 全部计入');
    expect(reportSchema().parse(JSON.parse(all.io.text('total.json'))).cells['t2.rules.issued']).toBe(7);
  });

  it('an unreadable file: nothing written, exit 2, unless --skip-unreadable', async () => {
    const refused = await run(['sum', U.jia, U.broken, U.yi, '-o', 'total.nianbao.json']);
    expect(refused.code).toBe(2);
    expect(refused.io.files.has('total.nianbao.json')).toBe(false);
    expect(refused.err).toContain(`${U.broken}：无法读取——文件不完整`);
    expect(refused.err).toContain('有 1 个文件无法读取（见上），为免漏掉单位，未生成。');
    const skipped = await run([
      'sum',
      U.jia,
      U.broken,
      U.yi,
      '-o',
      'total.nianbao.json',
      '--skip-unreadable',
    ]);
    expect(skipped.code).toBe(0);
    expect((await openWritten(skipped.io, 'total.nianbao.json')).report.year).toBe(2021);
  });

  it('refuses units of different years', async () => {
    const old = JSON.stringify({
      ...sample(),
      agency: '丁局',
      year: 2020,
      period: { start: '2020-01-01', end: '2020-12-31' },
    });
    const { code, err, io } = await run(['sum', U.jia, U.yi, 'old.json', '-o', 't.json'], {
      'old.json': old,
    });
    expect(code).toBe(2);
    expect(err).toContain('所计入的报告年度不一致（2021 年度 2 个，2020 年度 1 个），未生成。');
    expect(io.files.has('t.json')).toBe(false);
  });

  it('without -o prints report JSON; an existing output is kept unless --force', async () => {
    const printed = await run(['sum', U.jia, U.yi]);
    expect(printed.code).toBe(0);
    expect(reportSchema().parse(JSON.parse(printed.out)).cells['t3.new.total']).toBe(
      2 * sample().cells['t3.new.total']!,
    );
    const kept = await run(['sum', U.jia, '-o', 'x.json'], { 'x.json': 'old' });
    expect(kept.code).toBe(2);
    expect(kept.err).toContain('x.json 已经存在，未做任何修改');
    expect(kept.io.text('x.json')).toBe('old');
    expect((await run(['sum', U.jia, '-o', 'x.json', '--force'], { 'x.json': 'old' })).code).toBe(0);
  });

  it('asks for files, and says its usage with --help', async () => {
    expect((await run(['sum'])).err).toContain('请给出要汇总的文件');
    const help = await run(['sum', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe(COMMANDS.find((c) => c.name === 'sum')!.help);
    expect(help.out).toContain('用法：npm run cli -- sum <文件…>');
  });
});

describe('csv', () => {
  it('writes UTF-8 with BOM, one row per counted unit and a 合计 row equal to the sum', async () => {
    const { code, io, err } = await run(['csv', U.jiaOld, U.jia, U.yi, '-o', 'units.csv']);
    expect(code).toBe(0);
    expect(err).toContain('已导出：计入 2 个单位（共 3 个文件，1 个未计入），写入 units.csv。');
    const bytes = io.files.get('units.csv')!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readUnitsCsv(new TextDecoder().decode(bytes));
    expect(rows.map((r) => [r.source, r.agency, r.year, r.errors])).toEqual([
      [U.jia, '甲局', 2021, 0],
      [U.yi, '乙局', 2021, 0],
      ['合计', '', 2021, null],
    ]);
    expect(rows[0]!.cells).toEqual(sample().cells);
    await run(['sum', U.jiaOld, U.jia, U.yi, '-o', 'total.json'], {}).then(async ({ io: sumIo }) => {
      expect(rows[2]!.cells).toEqual(reportSchema().parse(JSON.parse(sumIo.text('total.json'))).cells);
    });
  });

  it('--no-total leaves the 合计 row out; -o is required; units with 错误 give exit 1', async () => {
    const noTotal = await run(['csv', U.jia, U.bingError, '--no-total', '-o', 'u.csv']);
    expect(noTotal.code).toBe(1);
    expect(readUnitsCsv(noTotal.io.text('u.csv')).map((r) => r.agency)).toEqual(['甲局', '丙局']);
    const missing = await run(['csv', U.jia]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('请给出要导出的文件和输出文件');
  });
});

describe('check over many units', () => {
  it('reads draft files and report JSON alike, names duplicates before the summary', async () => {
    const { code, out, err } = await run(['check', U.jia, U.jiaOld, U.yi, U.broken]);
    expect(code).toBe(2);
    expect(out).toContain(`${U.jia} 《甲局2021年政府信息公开工作年度报告》：审核通过，没有发现问题。`);
    expect(out).toContain(`${U.yi} 《乙局2021年政府信息公开工作年度报告》：审核通过，没有发现问题。`);
    expect(out.split('\n').slice(-2)).toEqual([
      `重复：${U.jia}、${U.jiaOld} 同为「甲局」2021 年度，汇总时只应计入其中一份。`,
      '共检查 4 个文件：3 个审核通过，0 个待确认，0 个有错误，1 个无法读取。',
    ]);
    expect(err).toBe(
      `${U.broken}：无法审核——文件不完整：内容在结尾处中断了。文件可能已损坏（例如只复制或下载了一部分），或不是本工具的草稿文件。`,
    );
  });

  it('notes a draft file edited outside the tool under its title', async () => {
    const edited = readFileSync(U.jia, 'utf8').replace('"t2.rules.issued": 0', '"t2.rules.issued": 1');
    const { code, out } = await run(['check', 'edited.nianbao.json'], { 'edited.nianbao.json': edited });
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'edited.nianbao.json 《甲局2021年政府信息公开工作年度报告》：审核通过，没有发现问题。',
      expect.stringMatching(/^ {2}注意 {2}文件内容与保存时记录的校验值不一致/),
    ]);
  });

  it('checks totals as the app shows them: a stale automatic total is recomputed, a typed one is checked', async () => {
    const report = sample();
    report.cells['t3.total.natural'] = 50; // stale, but totals are automatic
    const auto = await run(['check', 'auto.json'], { 'auto.json': JSON.stringify(report) });
    expect(auto.code).toBe(0);
    const typed = await run(['check', 'typed.json'], {
      'typed.json': JSON.stringify({ ...report, manualTotals: true }),
    });
    expect(typed.code).toBe(1);
  });
});
