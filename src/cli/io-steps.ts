/** Steps several commands share: read the input file, and refuse to overwrite an output without --force. */
import { messageOf } from './args.ts';
import type { CliIo } from './command.ts';

/** The file's bytes, or null after saying in Chinese why it could not be read. */
export async function readInput(io: CliIo, file: string): Promise<Uint8Array | null> {
  try {
    return await io.readFile(file);
  } catch (error) {
    io.err(`${file}：${messageOf(error)}`);
    return null;
  }
}

async function exists(io: CliIo, path: string): Promise<boolean> {
  try {
    await io.readFile(path);
    return true;
  } catch {
    return false;
  }
}

/** True (after saying so) when `output` exists and --force was not given: nothing may be written. */
export async function refuseOverwrite(io: CliIo, output: unknown, force: unknown): Promise<boolean> {
  if (typeof output !== 'string' || force || !(await exists(io, output))) return false;
  io.err(`${output} 已经存在，未做任何修改。要覆盖它请加 --force，或换一个输出文件名。`);
  return true;
}
