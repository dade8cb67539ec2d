/**
 * Word export (issue 19) in Node: the first export in a fresh process (cold code paths) and warm exports of the sample report; the sizes of the files. Baseline in the
 * same run: the web page export of the same report (the same model, no docx library or zip).
 *   npm run bench -- export-word    (or alone: node --import tsx bench/export-word.bench.ts)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportReportDocx } from '../src/export/docx/export.ts';
import { exportReportHtml } from '../src/export/html/index.ts';
import { type Report, reportSchema } from '../src/report/document.ts';
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

async function timeDocx(report: Report, approvalSheet: 'before' | null = null) {
  const start = performance.now();
  const docx = await exportReportDocx(report, { ...SETTINGS, approvalSheet });
  return { ms: performance.now() - start, size: docx.length };
}

function timeHtml(report: Report) {
  const start = performance.now();
  const html = exportReportHtml(report);
  return {
    ms: performance.now() - start,
    page: Buffer.byteLength(html.page),
    fragment: Buffer.byteLength(html.fragment),
  };
}

/** One first export in this fresh process (modules loaded, nothing run yet); the parent collects. */
async function coldChild(): Promise<void> {
  const { ms, size } = await timeDocx(sample());
  process.stdout.write(JSON.stringify({ ms, size }));
}

export default async function exportWordBench(): Promise<BenchRow[]> {
  const self = fileURLToPath(import.meta.url);
  const cold = Array.from({ length: COLD_RUNS }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--cold-child'], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as { ms: number; size: number };
  });
  const report = sample();
  const draft = { ...report, cells: { ...report.cells, 't3.new.natural': 5 } };
  for (let i = 0; i < 3; i++) {
    await timeDocx(report);
    timeHtml(report);
  }
  const warm: number[] = [];
  const html: number[] = [];
  let size = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const run = await timeDocx(report);
    warm.push(run.ms);
    size = run.size;
    html.push(timeHtml(report).ms);
  }
  const draftSize = (await timeDocx(draft, 'before')).size;
  const pages = timeHtml(report);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    {
      name: 'Word export of the sample, first (fresh Node process)',
      median_ms: median(cold.map((c) => c.ms)),
      baseline_ms: median(warm),
      target: '≤ 1 s',
      note: `${COLD_RUNS} processes, each its first export (cold code paths); baseline: a warm export`,
    },
    {
      name: 'Word export of the sample, warm',
      median_ms: median(warm),
      p95_ms: p95(warm),
      baseline_ms: median(html),
      target: '≤ 250 ms',
      docx_bytes: size,
      draft_docx_bytes: draftSize,
      html_page_bytes: pages.page,
      html_fragment_bytes: pages.fragment,
      note:
        `${WARM_RUNS} runs after 3; .docx ${kb(size)} (a draft with 审签单 and watermark ${kb(draftSize)}); ` +
        `web page ${kb(pages.page)}, fragment ${kb(pages.fragment)}; baseline: the web page export of the same report`,
    },
  ];
}

if (process.argv.includes('--cold-child')) await coldChild();
else runIfMain(import.meta.url, exportWordBench);
