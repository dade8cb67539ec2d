/**
 * The built command line (scripts/build-cli.ts → dist-cli/nianbao.js) as a shell runs it, whole
 * processes timed from spawn to exit: `check` of one report, and `sum` of 1 000 units' files. Baseline
 * in the same run: `node -e 0`, the start of Node itself. Also `npm run cli` (tsx compiling the
 * TypeScript at every start), which the built CLI replaces.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli } from '../scripts/build-cli.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const EXAMPLE = new URL('../examples/gx-kjt-2021.json', import.meta.url);
const UNITS = 1_000;

/**
 * CPU time (user + system, ms) of every child this process has waited for, from /proc/self/stat
 * (cutime, cstime; 10 ms ticks). On a shared machine the wall time of a process grows with the load;
 * its CPU time much less: it is about what the process takes on an idle machine. null off Linux.
 */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

const cpu: Record<string, number[]> = {};

/** Wall time of one process, in ms (its CPU time kept under `label`); fails loudly when the command does. */
function timed(label: string, args: string[]): number {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  if (cpuBefore !== null && cpuAfter !== null) {
    cpu[label] ??= [];
    cpu[label].push(cpuAfter - cpuBefore);
  }
  return ms;
}

const cpuNote = (label: string) =>
  cpu[label]?.length && cpu.node?.length
    ? `; CPU ${summarise(cpu[label]).median.toFixed(0)} ms (node -e 0: ${summarise(cpu.node).median.toFixed(0)} ms)`
    : '';

const sample = (runs: number, fn: () => number) => Array.from({ length: runs }, fn);

/** 1 000 report files of distinct agencies (the sample's numbers, agency 第 n 单位). */
function unitFiles(dir: string): string[] {
  const report = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { id: string; agency: string };
  mkdirSync(dir);
  return Array.from({ length: UNITS }, (_, i) => {
    const file = join(dir, `unit-${String(i).padStart(4, '0')}.json`);
    writeFileSync(file, JSON.stringify({ ...report, id: `unit-${i}`, agency: `某市第${i + 1}单位` }));
    return file;
  });
}

export default async function cliBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-bench-'));
  try {
    const cli = await buildCli(join(dir, 'dist-cli'));
    const files = unitFiles(join(dir, 'units'));
    const example = join(dir, 'units', 'unit-0000.json');
    const out = join(dir, 'sum.json');

    // Interleaved, so a burst of load elsewhere on the machine hits all three alike.
    const node: number[] = [];
    const check: number[] = [];
    const tsx: number[] = [];
    for (let i = 0; i < 15; i++) {
      node.push(timed('node', ['-e', '0']));
      check.push(timed('check', [cli, 'check', example]));
      if (i < 5) tsx.push(timed('tsx', ['--import', 'tsx', 'src/cli.ts', 'check', example]));
    }
    const sum = sample(5, () => {
      rmSync(out, { force: true });
      return timed('sum', [cli, 'sum', ...files, '-o', out]);
    });
    const n = summarise(node);
    const c = summarise(check);
    const s = summarise(sum);
    const t = summarise(tsx);
    return [
      {
        name: 'nianbao check (1 file), built CLI',
        median_ms: c.median,
        p95_ms: c.p95,
        baseline_ms: n.median,
        target: '≤ 150 ms',
        note: `${check.length} runs, process start to exit; baseline: node -e 0${cpuNote('check')}`,
      },
      {
        name: `nianbao sum (${UNITS} files) -o, built CLI`,
        median_ms: s.median,
        p95_ms: s.p95,
        baseline_ms: n.median,
        target: '≤ 1 s',
        note: `${sum.length} runs, including start; baseline: node -e 0${cpuNote('sum')}`,
      },
      {
        name: 'npm run cli -- check (tsx, before)',
        median_ms: t.median,
        baseline_ms: n.median,
        note: `${tsx.length} runs: TypeScript compiled at every start${cpuNote('tsx')}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, cliBench);
