/**
 * Lets a bench file run on its own (`node --import tsx bench/pdf.bench.ts`) as well as through the
 * runner: the file calls `runIfMain(import.meta.url, bench)` after defining its default export.
 * When the runner imports the file, the process's main script is bench/run.ts, so nothing runs twice.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRows } from './table.ts';
import type { Bench } from './types.ts';

export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(moduleUrl);
}

export function runIfMain(moduleUrl: string, bench: Bench): void {
  if (!isMain(moduleUrl)) return;
  bench().then(
    (rows) => console.log(formatRows(rows.map((row) => ({ file: '', row })))),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
