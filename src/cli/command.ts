/** One sub-command of `npm run cli -- <name> …`. Each lives in its own file under src/cli/. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full Chinese help, shown by `<name> --help`. */
  help: string;
  /** Returns the process exit code. Writes through io, never directly to process.stdout. */
  run(args: string[], io: CliIo): Promise<number>;
  /**
   * A command registered lazily (src/cli/commands.ts) has an empty `help` and loads its module, with
   * its libraries, only here: the command line starts without reading pdf-lib or parse5.
   */
  load?: () => Promise<Command>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}

/**
 * Exit codes shared by every command. `findings`: a 错误 is left (审核 有错误); `unconfirmed`: no 错误,
 * but a 提示 is neither resolved nor confirmed with a 说明 (待确认).
 */
export const EXIT = { ok: 0, findings: 1, badInput: 2, unconfirmed: 3 } as const;
