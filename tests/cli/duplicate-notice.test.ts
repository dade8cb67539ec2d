// @vitest-environment node
/** sum's duplicate notice stays short however many files repeat one agency: count, first few, the flag for all. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { EXAMPLE } from './fixtures.ts';
import { memoryIo } from './memory-io.ts';

const report = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

/** `count` files of one agency (the sample), and `groups` agencies with two files each. */
function files(count: number, groups = 0): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) out[`same/${i}.json`] = JSON.stringify({ ...report, id: `s${i}` });
  for (let g = 0; g < groups; g++)
    for (const v of ['a', 'b'])
      out[`pair/${g}${v}.json`] = JSON.stringify({ ...report, id: `p${g}${v}`, agency: `第${g}局` });
  return out;
}

async function sum(all: Record<string, string>, extra: string[] = []) {
  const io = memoryIo(all);
  const code = await main(['sum', ...Object.keys(all), '-o', 'out.json', ...extra], io);
  return { code, err: io.stderr() };
}

describe('sum: the duplicate notice', () => {
  it('two or three files: every name, as before', async () => {
    const { err } = await sum(files(2));
    expect(err).toContain(
      '重复：same/0.json、same/1.json 同为「自治区科技厅」2021 年度；只计入保存时间最新的',
    );
    expect(err).not.toContain('--list-duplicates');
  });

  it('1 000 files of one agency: the count, the first three, and how to list them all', async () => {
    const { code, err } = await sum(files(1000));
    expect(code).toBe(0);
    const notice = err.split('\n').filter((l) => l.startsWith('重复：'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(
      /^重复：「自治区科技厅」2021 年度共 1000 个文件（same\/0\.json、same\/1\.json、same\/2\.json 等）；只计入保存时间最新的 same\/\d+\.json（要全部计入请加 --keep-duplicates）。$/,
    );
    expect(notice[0]!.length).toBeLessThan(200);
    expect(err).toContain('要逐个列出全部重复的文件，请加 --list-duplicates 再运行一次。');
    expect(err).toContain('已汇总：计入 1 个单位（共 1000 个文件，999 个未计入）');
  });

  it('many groups: the first ten, and how many more', async () => {
    const { err } = await sum(files(0, 25));
    expect(err.split('\n').filter((l) => l.startsWith('重复：'))).toHaveLength(10);
    expect(err).toContain('另有 15 组重复未列出（共 25 组）。');
  });

  it('--list-duplicates: every file of every group', async () => {
    const { err } = await sum({ ...files(5), ...files(0, 12) }, ['--list-duplicates']);
    const notice = err.split('\n').filter((l) => l.startsWith('重复：'));
    expect(notice).toHaveLength(13);
    expect(notice.find((l) => l.includes('自治区科技厅'))).toContain(
      'same/0.json、same/1.json、same/2.json、same/3.json、same/4.json 同为',
    );
    expect(err).not.toContain('另有');
  });
});
