import { PROGRAM } from './program.ts';

/**
 * Options of a sub-command (`-o file`, `--force`, `--year=2021`), parsed with Chinese messages.
 * `--help` never reaches here: main answers it for every command.
 */

export interface OptionSpec {
  /** `--name`, also the key in the result. */
  name: string;
  /** One letter: `-o`. */
  short?: string;
  /** What the option's value is, in Chinese (「文件名」); absent for a flag. */
  value?: string;
}

export type ParsedArgs =
  | { ok: true; options: Record<string, string | true>; positionals: string[] }
  | { ok: false; message: string };

export function parseCommandArgs(
  args: readonly string[],
  specs: readonly OptionSpec[],
  command: string,
): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  const helpHint = `运行 ${PROGRAM} ${command} --help 查看用法。`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2), '=') : [arg.slice(1), undefined];
    const spec = specs.find((s) => (arg.startsWith('--') ? s.name === flag : s.short === flag));
    if (!spec) return { ok: false, message: `${command} 没有选项“${arg}”。${helpHint}` };
    if (!spec.value) {
      if (inline !== undefined) return { ok: false, message: `选项“--${spec.name}”不带值。${helpHint}` };
      options[spec.name] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-')) {
      return { ok: false, message: `选项“${arg}”后面缺少${spec.value}。${helpHint}` };
    }
    options[spec.name] = value;
  }
  return { ok: true, options, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The message of anything thrown, for showing after a file name. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
