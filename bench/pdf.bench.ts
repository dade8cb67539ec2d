/**
 * PDF export in Node: first export (a fresh process: font parsing and first shaping included) and
 * warm exports of the sample report, the PDF sizes, and the sizes of the bundled fonts. Medians.
 * Targets (issue 5): warm ≤ 250 ms, first ≤ 1 s, sample PDF ≤ 250 KB.
 *   npm run bench -- pdf    (or alone: node --import tsx bench/pdf.bench.ts)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { exportReportPdf } from '../src/pdf/export.ts';
import { FONT_URLS } from '../src/pdf/font-files.ts';
import { blankReport, type Report, reportSchema } from '../src/report/document.ts';
import { runIfMain } from './lib/run-alone.ts';
import { median, p95 } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const COLD_RUNS = 5;
const WARM_RUNS = 15;
const SETTINGS = { fingerprint: '3f2a9c1d7b6e5a40', savedAt: new Date('2022-01-20T02:30:00Z') };

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

/** One first export in this fresh process; the parent collects the numbers. */
async function coldChild(): Promise<void> {
  const { ms, size } = await timeOnce(sample(), fonts());
  process.stdout.write(JSON.stringify({ ms, size }));
}

export default async function pdfBench(): Promise<BenchRow[]> {
  const self = fileURLToPath(import.meta.url);
  const cold = Array.from({ length: COLD_RUNS }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--cold-child'], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as { ms: number; size: number };
  });
  const report = sample();
  const blank = blankReport({ id: 'blank', agency: '某局', year: 2021 });
  const bytes = fonts();
  for (let i = 0; i < 3; i++) await timeOnce(report, bytes);
  const warm: number[] = [];
  const blankWarm: number[] = [];
  let size = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const run = await timeOnce(report, bytes);
    warm.push(run.ms);
    size = run.size;
    blankWarm.push((await timeOnce(blank, bytes)).ms);
  }
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  const fontSizes = `fonts (brotli): serif ${mb(statSync(FONT_URLS.serif).size)}, sans ${mb(statSync(FONT_URLS.sans).size)}`;
  return [
    {
      name: 'sample report, first export (fresh Node process)',
      median_ms: median(cold.map((c) => c.ms)),
      baseline_ms: median(warm),
      target: '≤ 1 s',
      note: `${COLD_RUNS} processes (font parsing and first shaping included); baseline: a warm export`,
    },
    {
      name: 'sample report, warm export',
      median_ms: median(warm),
      p95_ms: p95(warm),
      baseline_ms: median(blankWarm),
      target: '≤ 250 ms',
      bytes: size,
      note: `${WARM_RUNS} runs after 3; PDF ${(size / 1024).toFixed(0)} KB (target ≤ 250 KB); baseline: a blank report's export; ${fontSizes}`,
    },
  ];
}

if (process.argv.includes('--cold-child')) await coldChild();
else runIfMain(import.meta.url, pdfBench);
