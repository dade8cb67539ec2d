/**
 * 汇总 from the command line: `check` and `sum` over 1,000 draft files on disk, in this process, as
 * `npm run cli` runs them (files read through the real node io; output discarded). Target: ≤ 1 s
 * each (median of the runs). Baseline measured in the same run: reading the same 1,000 files one
 * after the other (what any command over them must do at least).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CliIo } from '../src/cli/command.ts';
import { main } from '../src/cli/main.ts';
import { nodeIo } from '../src/cli/node-io.ts';
import { serializeDraft } from '../src/files/serialize.ts';
import { CELLS } from '../src/report/cells.ts';
import { type Report, reportSchema } from '../src/report/document.ts';
import { withTotals } from '../src/report/totals.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const FILES = 1000;
const RUNS = 7;

/** Unit i: the sample report under another agency name, its leaves scaled so units differ. */
function unit(base: Report, i: number): Report {
  const cells = { ...base.cells };
  for (const c of CELLS) {
    const v = cells[c.id];
    if (!c.isTotal && v !== null && v !== undefined)
      cells[c.id] = c.kind === 'amount' ? v : v * (1 + (i % 7));
  }
  return withTotals({ ...base, id: `bench-${i}`, agency: `第${i + 1}单位`, cells });
}

async function writeUnits(dir: string): Promise<string[]> {
  const example = await readFile(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8');
  const base = reportSchema().parse(JSON.parse(example));
  const paths: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `unit-${String(i).padStart(4, '0')}.nianbao.json`);
    await writeFile(path, (await serializeDraft(unit(base, i))).bytes);
    paths.push(path);
  }
  return paths;
}

function quietIo(): CliIo {
  const disk = nodeIo();
  return { out: () => {}, err: () => {}, readFile: disk.readFile, writeFile: disk.writeFile };
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up: module loading, JIT
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

export default async function aggregateBench(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-aggregate-'));
  try {
    const paths = await writeUnits(dir);
    const io = quietIo();
    const reading = summarise(
      await time(async () => {
        for (const p of paths) await io.readFile(p);
      }),
    );
    const codes: number[] = [];
    const check = summarise(await time(async () => codes.push(await main(['check', ...paths], io))));
    const total = join(dir, 'total.nianbao.json');
    const sum = summarise(
      await time(async () => codes.push(await main(['sum', ...paths, '-o', total, '--force'], io))),
    );
    const csv = summarise(
      await time(async () =>
        codes.push(await main(['csv', ...paths, '-o', join(dir, 'units.csv'), '--force'], io)),
      ),
    );
    if (codes.some((c) => c !== 0))
      throw new Error(`a command failed on the generated files (exit ${codes})`);
    const note = `${RUNS} runs after a warm-up; baseline: reading the ${FILES} files (~18 KB each) one after the other`;
    return [
      {
        name: `check ${FILES} draft files`,
        median_ms: check.median,
        p95_ms: check.p95,
        baseline_ms: reading.median,
        target: '≤ 1 s',
        note,
      },
      {
        name: `sum ${FILES} draft files → total.nianbao.json`,
        median_ms: sum.median,
        p95_ms: sum.p95,
        baseline_ms: reading.median,
        target: '≤ 1 s',
      },
      {
        name: `csv ${FILES} draft files → units.csv`,
        median_ms: csv.median,
        p95_ms: csv.p95,
        baseline_ms: reading.median,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, aggregateBench);
