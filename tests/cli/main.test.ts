// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from './memory-io.ts';

describe('main', () => {
  it('with no arguments or --help lists every registered command in Chinese', async () => {
    for (const args of [[], ['--help'], ['-h'], ['help']]) {
      const io = memoryIo();
      expect(await main(args, io)).toBe(0);
      expect(io.stdout()).toContain('用法：npm run cli -- <命令>');
      for (const command of COMMANDS) {
        expect(io.stdout().split('\n')).toContainEqual(
          expect.stringMatching(`^  ${command.name} +${command.summary}$`),
        );
      }
    }
  });

  it('<command> --help and help <command> print that command’s help and run nothing', async () => {
    for (const args of [
      ['check', '--help'],
      ['check', 'x.json', '-h'],
      ['help', 'check'],
    ]) {
      const io = memoryIo();
      expect(await main(args, io)).toBe(0);
      expect(io.stdout()).toBe(COMMANDS.find((c) => c.name === 'check')!.help);
      expect(io.stderr()).toBe('');
    }
  });

  it('an unknown command is exit 2 with a Chinese message naming the commands', async () => {
    const io = memoryIo();
    expect(await main(['chek', 'a.json'], io)).toBe(2);
    expect(io.stderr()).toContain('没有“chek”这个命令');
    expect(io.stderr()).toContain('check、tables、from-tables');
  });

  it('an unknown option is exit 2 with a Chinese message', async () => {
    const io = memoryIo();
    expect(await main(['tables', 'a.json', '--colour'], io)).toBe(2);
    expect(io.stderr()).toContain('tables 没有选项“--colour”');
  });

  const broken: Command = {
    name: 'broken',
    summary: '总是出错',
    help: '',
    run: async () => {
      throw new TypeError('cannot read properties of undefined');
    },
  };

  it('an unexpected exception is exit 2 with a Chinese message and no stack trace', async () => {
    const io = memoryIo();
    expect(await main(['broken'], io, { commands: [broken], debug: false })).toBe(2);
    expect(io.stderr()).toContain('出现意外错误：cannot read properties of undefined');
    expect(io.stderr()).toContain('NIANBAO_DEBUG=1');
    expect(io.stderr()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('with debug on, the stack trace follows the message', async () => {
    const io = memoryIo();
    expect(await main(['broken'], io, { commands: [broken], debug: true })).toBe(2);
    expect(io.stderr()).toMatch(/TypeError: cannot read properties of undefined\n\s+at /);
  });
});
