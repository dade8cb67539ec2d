/**
 * The importer on the hostile inputs of issue 14 (deep nesting, huge spans, a 50 MB table and text):
 * time of importReport and peak memory, each case in its own Node process. Baseline in the same
 * run: the sample report's text imported the same way. Target: every case answers within 2 s (a
 * refusal in Chinese is an answer); the peak memory is in the note, next to the process's own with
 * the input built.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HOSTILE_CASES } from './lib/import-hostile-inputs.ts';
import { runIfMain } from './lib/run-alone.ts';
import { median } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const RUNS = 3;
const CASE_SCRIPT = fileURLToPath(new URL('./lib/import-hostile-case.ts', import.meta.url));

interface CaseRun {
  ms: number;
  peakMb: number;
  inputMb: number;
  outcome: string;
}

function runCase(name: string): CaseRun {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CASE_SCRIPT, name], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: 600_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseRun;
}

export default async function bench(): Promise<BenchRow[]> {
  const baseline = Array.from({ length: RUNS }, () => runCase('sample'));
  const baselineMs = median(baseline.map((r) => r.ms));
  return Object.keys(HOSTILE_CASES)
    .filter((name) => name !== 'sample')
    .map((name) => {
      const runs = Array.from({ length: RUNS }, () => runCase(name));
      return {
        name: `import: ${name}`,
        median_ms: median(runs.map((r) => r.ms)),
        baseline_ms: baselineMs,
        target: '≤ 2 s',
        peak_mb: Math.round(Math.max(...runs.map((r) => r.peakMb))),
        note: `${runs[0]!.outcome}; peak ${Math.round(Math.max(...runs.map((r) => r.peakMb)))} MB (input built: ${Math.round(runs[0]!.inputMb)} MB); baseline: the sample's text`,
      };
    });
}

runIfMain(import.meta.url, bench);
