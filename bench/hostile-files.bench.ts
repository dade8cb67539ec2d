/**
 * Opening hostile draft files (issue 14): 300 000 extra keys, a 4 MB key name, 5 000 nested brackets,
 * a 1e305 in a cell. Each must be refused with one short message, fast. Baseline measured in the same
 * run: JSON.parse of the same text, the first thing opening did before the shape of the text was
 * looked at (then the __proto__ scan and the schema walked all of it again, and the message listed
 * every key).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDraftFile } from '../src/files/open.ts';
import { serializeDraft } from '../src/files/serialize.ts';
import { reportSchema } from '../src/report/document.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const SAMPLES = 9;

async function timeAsync(fn: () => Promise<unknown>, samples = SAMPLES): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

function timeSync(fn: () => unknown, samples = SAMPLES): number[] {
  fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

export default async function hostileFilesBench(): Promise<BenchRow[]> {
  const example = JSON.parse(readFileSync(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8'));
  const sample = (await serializeDraft(reportSchema().parse(example))).text;
  const keys = Array.from({ length: 300_000 }, (_, i) => `"k${i}": 0`).join(',');
  const files: [string, string][] = [
    ['300 000 extra keys in 表格数据 (3.8 MB)', sample.replace('"cells": {', `"cells": {${keys},`)],
    ['a 4 MB key name', sample.replace('"report": {', `"report": {"${'x'.repeat(4_000_000)}": 1,`)],
    [
      '5 000 nested brackets',
      sample.replace('"notes": {}', `"notes": ${'['.repeat(5000)}${']'.repeat(5000)}`),
    ],
    ['1e305 in a cell', sample.replace('"t3.new.natural": 2', '"t3.new.natural": 1e305')],
  ];
  const rows: BenchRow[] = [];
  for (const [what, text] of files) {
    const bytes = new TextEncoder().encode(text);
    const result = await openDraftFile(bytes, 'x.nianbao.json');
    if (result.ok) throw new Error(`${what}: opened, should be refused`);
    const shown = [result.message, ...result.details].join('\n');
    const open = summarise(await timeAsync(() => openDraftFile(bytes, 'x.nianbao.json')));
    const parse = summarise(timeSync(() => JSON.parse(text)));
    rows.push({
      name: `refuse ${what}`,
      median_ms: open.median,
      p95_ms: open.p95,
      baseline_ms: parse.median,
      target: '≤ 1 s',
      note: `message ${shown.length} characters; baseline: JSON.parse of the same ${Math.round(text.length / 1000)} k characters`,
    });
  }
  return rows;
}

runIfMain(import.meta.url, hostileFilesBench);
