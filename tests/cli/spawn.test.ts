// @vitest-environment node
/** The real entry point as a process: exit codes and streams as a shell sees them. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, MISSING, SUM_ERROR } from './fixtures.ts';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_DEBUG: '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run cli (spawned)', { timeout: 60_000 }, () => {
  it('check: 0 for a clean report, 1 for a report with a 错误', () => {
    expect(cli('check', EXAMPLE)).toEqual({
      code: 0,
      out: `${EXAMPLE} 《自治区科技厅2021年政府信息公开工作年度报告》：审核通过，没有发现问题。\n`,
      err: '',
    });
    const bad = cli('check', SUM_ERROR);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('三（七）总计·自然人 为 3，但（一）至（六）各项之和为 2');
  });

  it('check of many files with a missing one: 2, the others still checked', () => {
    const { code, out, err } = cli('check', EXAMPLE, MISSING, SUM_ERROR);
    expect(code).toBe(2);
    expect(out).toContain(`${SUM_ERROR} 《`);
    expect(out).toContain('共检查 3 个文件');
    expect(err).toBe(`${MISSING}：无法审核——找不到这个文件，请检查文件名和所在文件夹\n`);
  });
});
