// @vitest-environment node
/** The built command line (scripts/build-cli.ts): the `nianbao` bin runs as a plain Node program. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.ts';
import { EXAMPLE, SUM_ERROR } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-built-cli-'));
let bin: string;

beforeAll(async () => {
  bin = await buildCli(join(dir, 'dist-cli'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin itself (its #! line), as a shell does after `npm link`. */
function nianbao(...args: string[]) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, NIANBAO_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dist-cli/nianbao.js', { timeout: 60_000 }, () => {
  it('is an executable with a node #! line and no TypeScript left', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('check: the same answers and exit codes as npm run cli', () => {
    expect(nianbao('check', EXAMPLE)).toEqual({
      code: 0,
      out: `${EXAMPLE} 《自治区科技厅2021年政府信息公开工作年度报告》：审核通过，没有发现问题。\n`,
      err: '',
    });
    const bad = nianbao('check', SUM_ERROR);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('三（七）总计·自然人 为 3，但（一）至（六）各项之和为 2');
  });

  it('pdf (a lazily loaded chunk) finds the bundled fonts next to the built code', () => {
    const out = join(dir, 'report.pdf');
    const r = nianbao('pdf', EXAMPLE, '-o', out);
    expect(r.err).toMatch(/^已写入 .+report\.pdf（\d+ KB）。\n$/);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(out).size).toBeGreaterThan(50_000);
  });

  it('--help lists every command', () => {
    const r = nianbao('--help');
    expect(r.code).toBe(0);
    for (const name of ['check', 'tables', 'from-tables', 'pdf', 'import-text', 'sum', 'csv'])
      expect(r.out).toContain(name);
    expect(r.out).toContain('用法：nianbao <命令> [参数]');
  });

  it("every command's help and hint names the way it was started (nianbao, not npm run cli)", () => {
    const help = nianbao('sum', '--help');
    expect(help.out).toContain('用法：nianbao sum <文件…>');
    expect(help.out).not.toContain('npm run cli');
    const missing = nianbao('pdf');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('例如：nianbao pdf ');
    expect(nianbao('check', '--bogus').err).toContain('运行 nianbao check --help 查看用法');
  });
});
