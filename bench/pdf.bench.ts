/**
 * PDF export in Node: first export (a fresh process: font parsing and first shaping included) and
 * warm exports of the sample report, the PDF sizes, and the sizes of the bundled fonts. Medians.
 * Targets (issue 5): warm ≤ 250 ms, first ≤ 1 s, sample PDF ≤ 250 KB.
 *   node --import tsx bench/pdf.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { exportReportPdf } from '../src/pdf/export.ts';
import { FONT_URLS } from '../src/pdf/font-files.ts';
import { type Report, reportSchema } from '../src/report/document.ts';

const COLD_RUNS = 5;
const WARM_RUNS = 15;
const SETTINGS = { fingerprint: '3f2a9c1d7b6e5a40', savedAt: new Date('2022-01-20T02:30:00Z') };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function sample(): Report {
  const json = readFileSync(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8');
  return reportSchema().parse(JSON.parse(json));
}

function fonts() {
  return {
    serif: new Uint8Array(brotliDecompressSync(readFileSync(FONT_URLS.serif))),
    sans: new Uint8Array(brotliDecompressSync(readFileSync(FONT_URLS.sans))),
  };
}

async function timeOnce(report: Report, bytes = fonts()): Promise<{ ms: number; size: number }> {
  const start = performance.now();
  const pdf = await exportReportPdf(report, { fonts: bytes, ...SETTINGS });
  return { ms: performance.now() - start, size: pdf.length };
}

if (process.argv.includes('--cold-child')) {
  // One first export in this fresh process; the parent collects the numbers.
  const report = sample();
  const bytes = fonts();
  const { ms, size } = await timeOnce(report, bytes);
  process.stdout.write(JSON.stringify({ ms, size }));
} else {
  const self = fileURLToPath(import.meta.url);
  const cold = Array.from({ length: COLD_RUNS }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--cold-child'], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as { ms: number; size: number };
  });
  const report = sample();
  const bytes = fonts();
  for (let i = 0; i < 3; i++) await timeOnce(report, bytes);
  const warm: number[] = [];
  let size = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const run = await timeOnce(report, bytes);
    warm.push(run.ms);
    size = run.size;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const rows = [
    [
      'sample report, first export (fresh process)',
      `${median(cold.map((c) => c.ms)).toFixed(0)} ms`,
      '≤ 1000 ms',
    ],
    ['sample report, warm export', `${median(warm).toFixed(0)} ms`, '≤ 250 ms'],
    ['sample report, PDF size', kb(size), '≤ 250 KB'],
    ['font: Noto Serif CJK SC subset', mb(statSync(FONT_URLS.serif).size), ''],
    ['font: Noto Sans CJK SC subset', mb(statSync(FONT_URLS.sans).size), ''],
  ];
  console.log(
    `PDF export (Node ${process.version}; medians of ${COLD_RUNS} fresh processes / ${WARM_RUNS} warm runs)`,
  );
  for (const [what, value, target] of rows)
    console.log(`  ${what!.padEnd(46)} ${value!.padStart(9)}  ${target}`);
  console.log(`  warm runs (ms): ${warm.map((w) => w.toFixed(0)).join(' ')}`);
  console.log(`  first exports (ms): ${cold.map((c) => c.ms.toFixed(0)).join(' ')}`);
}
