/**
 * The command line: picks a sub-command from the registry, answers --help, and turns any
 * unexpected exception into a Chinese message and exit code 2 (a stack trace only for developers).
 */
import '../platform/zod-jitless.ts';
import { messageOf } from './args.ts';
import { type CliIo, type Command, EXIT } from './command.ts';
import { COMMANDS } from './commands.ts';
import { PROGRAM } from './program.ts';

export { PROGRAM };

export interface MainOptions {
  /** Print stack traces of unexpected errors (env NIANBAO_DEBUG=1). */
  debug?: boolean;
  commands?: readonly Command[];
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

export function commandList(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    '信息公开年报填报工具 · 命令行',
    '',
    `用法：${PROGRAM} <命令> [参数]`,
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `查看某个命令的说明：${PROGRAM} <命令> --help`,
    '退出码：0 成功；1 有错误（或需要核对的内容）；2 文件无法读取、内容无效或命令写错；3 没有错误但有提示未确认（check、pdf）。',
  ].join('\n');
}

function debugFromEnv(): boolean {
  return globalThis.process?.env?.NIANBAO_DEBUG === '1';
}

export async function main(args: readonly string[], io: CliIo, options: MainOptions = {}): Promise<number> {
  const commands = options.commands ?? COMMANDS;
  const debug = options.debug ?? debugFromEnv();
  const [name, ...rest] = args;
  if (name === undefined || isHelp(name)) {
    io.out(commandList(commands));
    return EXIT.ok;
  }
  const helpFor = name === 'help' ? rest[0] : undefined;
  const command = commands.find((c) => c.name === (helpFor ?? name));
  if (name === 'help' && !helpFor) {
    io.out(commandList(commands));
    return EXIT.ok;
  }
  if (!command) {
    io.err(
      `没有“${helpFor ?? name}”这个命令。可用的命令：${commands.map((c) => c.name).join('、')}。` +
        `运行 ${PROGRAM} --help 查看说明。`,
    );
    return EXIT.badInput;
  }
  const beforeEnd = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  try {
    if (helpFor || beforeEnd.some(isHelp)) {
      io.out((command.load ? await command.load() : command).help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    io.err(
      `出现意外错误：${messageOf(error)}\n这是本工具的问题，不是您的文件的问题。请把所用的命令和文件发给维护人员` +
        `${debug ? '。' : '（设置环境变量 NIANBAO_DEBUG=1 可显示详细信息）。'}`,
    );
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.badInput;
  }
}
