/**
 * A CliIo for tests: output collected in memory, files written to memory, files read from memory
 * first and otherwise from disk through the real node io (so fixture files and the real Chinese
 * file errors are used).
 */
import type { CliIo } from '../../src/cli/command.ts';
import { nodeIo } from '../../src/cli/node-io.ts';

export interface MemoryIo extends CliIo {
  stdout(): string;
  stderr(): string;
  files: Map<string, Uint8Array>;
  text(path: string): string;
}

export function memoryIo(files: Record<string, string | Uint8Array> = {}): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  const encode = (data: string | Uint8Array) =>
    typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const stored = new Map(Object.entries(files).map(([path, data]) => [path, encode(data)]));
  const disk = nodeIo();
  return {
    files: stored,
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
    text(path) {
      const data = stored.get(path);
      if (!data) throw new Error(`test: nothing written to ${path}`);
      return new TextDecoder().decode(data);
    },
    async readFile(path) {
      return stored.get(path) ?? disk.readFile(path);
    },
    async writeFile(path, data) {
      stored.set(path, encode(data));
    },
  };
}
