/**
 * The real CliIo over node:fs and the process streams. File errors come back as Chinese messages
 * (without the path; commands put the path in front), never as Node's English error codes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from './command.ts';

const READ_ERRORS: Record<string, string> = {
  ENOENT: '找不到这个文件，请检查文件名和所在文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EACCES: '没有读取这个文件的权限',
  EPERM: '没有读取这个文件的权限',
  EMFILE: '同时打开的文件太多，请分批处理',
};

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: '所在文件夹不存在，请先建好文件夹',
  EISDIR: '这是一个文件夹，不能写成文件',
  EACCES: '没有写入的权限',
  EPERM: '没有写入的权限',
  EROFS: '磁盘是只读的',
  ENOSPC: '磁盘空间不足',
};

function fileError(error: unknown, messages: Record<string, string>, fallback: string): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? messages[code] : undefined;
  return new Error(known ?? `${fallback}${typeof code === 'string' ? `（${code}）` : ''}`, { cause: error });
}

/** Each out/err call is one or more whole lines, like console.log: a final newline is added. */
export function nodeIo(): CliIo {
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => void process.stdout.write(line(text)),
    err: (text) => void process.stderr.write(line(text)),
    async readFile(path) {
      try {
        return await readFile(path);
      } catch (error) {
        throw fileError(error, READ_ERRORS, '无法读取这个文件');
      }
    },
    async writeFile(path, data) {
      try {
        await writeFile(path, data);
      } catch (error) {
        throw fileError(error, WRITE_ERRORS, '无法写入这个文件');
      }
    },
  };
}
