/**
 * The benchmark runner: `npm run bench` (= node --import tsx bench/run.ts).
 *
 * Contract for a bench module, bench/<name>.bench.ts:
 * - `export default async function (): Promise<BenchRow[]>` (types in bench/lib/types.ts). Each row is
 *   `{ name, median_ms, p95_ms?, baseline_ms?, target?, note?, ...extra }`, times in milliseconds.
 * - Measure the baseline in the same run, on the same machine (an empty loop over the same cells, a
 *   single JSON.stringify, a page with one plain input …), and say in `note` what it is: figures from
 *   different machines are not comparable, a ratio to a baseline is.
 * - `target` is text. 「≤ 0.2 ms」 (median), 「p95 ≤ 8 ms」, 「≤ 1 s」 are checked and marked ok/MISSED;
 *   anything else is printed as it is.
 * - Importing the module must not start any work: do it in the default export. A file may also run
 *   alone by ending with `runIfMain(import.meta.url, bench)` (bench/lib/run-alone.ts), which does
 *   nothing when the runner imports it.
 * - Clean up what you start (browsers, servers, temp dirs) in a finally block: benches run one after
 *   another in this one process. A bench that cannot run here (no Chromium …) should throw an Error
 *   saying why; the runner reports it and goes on with the others.
 *
 * Usage: npm run bench [-- [--json] [--strict] [filter …]]
 *   filter    run only bench files whose name contains one of these words (e.g. `rules pdf`)
 *   --json    print the results as JSON (rows with their file) instead of a table
 *   --strict  exit 1 when a checked target is missed (a failing bench always exits 1)
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMain } from './lib/run-alone.ts';
import { formatRows, type ResultEntry, targetStatus } from './lib/table.ts';
import type { BenchRow } from './lib/types.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

function benchFiles(dir = BENCH_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .sort();
}

/** Why a returned value is not a list of rows, or null when it is. */
function rowProblem(rows: unknown): string | null {
  if (!Array.isArray(rows)) return 'the default export did not return an array of rows';
  for (const [i, row] of rows.entries()) {
    const r = row as Partial<BenchRow> | null;
    if (!r || typeof r.name !== 'string') return `row ${i} has no name`;
    if (typeof r.median_ms !== 'number' || !Number.isFinite(r.median_ms))
      return `row ${i} (${r.name}) has no finite median_ms`;
  }
  return null;
}

async function runFile(file: string): Promise<{ entries: ResultEntry[]; error: string | null }> {
  const name = file.slice(0, -SUFFIX.length);
  try {
    const module = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { default?: unknown };
    if (typeof module.default !== 'function') return { entries: [], error: 'no default export function' };
    const rows: unknown = await module.default();
    const problem = rowProblem(rows);
    if (problem) return { entries: [], error: problem };
    return { entries: (rows as BenchRow[]).map((row) => ({ file: name, row })), error: null };
  } catch (error) {
    return { entries: [], error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(args: readonly string[]) {
  const json = args.includes('--json');
  const strict = args.includes('--strict');
  const filters = args.filter((a) => !a.startsWith('--'));
  const files = benchFiles().filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)));
  if (files.length === 0) {
    console.error(`no bench file in ${BENCH_DIR} matches ${filters.join(' ') || '*.bench.ts'}`);
    process.exitCode = 1;
    return;
  }

  const entries: ResultEntry[] = [];
  const failures: { file: string; error: string }[] = [];
  for (const file of files) {
    if (!json) console.error(`running ${file} …`);
    const result = await runFile(file);
    entries.push(...result.entries);
    if (result.error) failures.push({ file, error: result.error });
  }

  if (json) {
    const results = entries.map((e) => ({ ...e, status: targetStatus(e.row) }));
    console.log(JSON.stringify({ node: process.version, results, failures }, null, 2));
  } else {
    console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}\n`);
    if (entries.length) console.log(formatRows(entries));
    for (const f of failures) console.log(`\n${f.file} FAILED: ${f.error}`);
  }
  const missed = entries.filter((e) => targetStatus(e.row) === 'missed');
  if (failures.length || (strict && missed.length)) process.exitCode = 1;
}

if (isMain(import.meta.url)) await main(process.argv.slice(2));
