// @vitest-environment node
/** The real entry point as a process, on the unit fixtures: files on disk, exit codes as a shell sees them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNIT_FILES as U } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_DEBUG: '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run cli: 汇总 (spawned)', { timeout: 60_000 }, () => {
  it('sum writes a draft file the check command reads; csv writes a table with a BOM', () => {
    const total = join(dir, '汇总.nianbao.json');
    const sum = cli('sum', U.jia, U.yi, '-o', total, '--agency', '某市人民政府');
    expect(sum).toMatchObject({ code: 0, out: '' });
    expect(sum.err).toContain(`已汇总：计入 2 个单位，2021 年度，写入 ${total}。`);

    const check = cli('check', total);
    // The combined report's own texts are still to be written: 六、其他需要报告的事项 is a 错误.
    expect(check.code).toBe(1);
    expect(check.out).toContain('《某市人民政府2021年政府信息公开工作年度报告》：有错误（1 个错误');
    expect(check.out).toContain('S6-FEE');

    const csv = join(dir, 'units.csv');
    expect(cli('csv', U.jia, U.yi, '-o', csv).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF来源,机关名称,年度,审核错误,审核提示,规章·本年制发件数')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5); // header, 2 units, 合计, and the empty rest after the last CRLF
  });

  it('exit 2 and nothing written when a file cannot be read; the reason on stderr', () => {
    const total = join(dir, 'never.nianbao.json');
    const sum = cli('sum', U.jia, U.broken, '-o', total);
    expect(sum.code).toBe(2);
    expect(sum.err).toContain(`${U.broken}：无法读取——文件不完整`);
    expect(() => readFileSync(total)).toThrow();
  });
});
