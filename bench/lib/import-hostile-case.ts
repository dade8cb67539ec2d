/**
 * One hostile import in a fresh process (bench/import-hostile.bench.ts spawns it): prints JSON with
 * the time of importReport and the process's peak resident memory, so each case's memory is its own.
 * Usage: node --import tsx bench/lib/import-hostile-case.ts <case name>
 */
import { performance } from 'node:perf_hooks';
import { importReport } from '../../src/import/import-report.ts';
import { HOSTILE_CASES, type HostileCase } from './import-hostile-inputs.ts';

const name = process.argv[2] as HostileCase;
const make = HOSTILE_CASES[name];
if (!make) throw new Error(`unknown case ${name}`);
const input = make();
const rssBefore = process.resourceUsage().maxRSS;
const start = performance.now();
let outcome: string;
try {
  const result = importReport(input);
  outcome = result.ok ? 'imported' : `refused: ${result.message.slice(0, 40)}`;
} catch (error) {
  outcome = `threw: ${error instanceof Error ? error.message.slice(0, 60) : String(error)}`;
}
const ms = performance.now() - start;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, peakMb, inputMb: rssBefore / 1024, outcome }));
