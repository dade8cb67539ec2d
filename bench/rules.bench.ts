/**
 * 审核 cost: evaluating every rule on a full report, which the editor does after each keystroke.
 * Target: median ≤ 0.2 ms. Baselines measured in the same run: one JSON.stringify of the same report
 * (baseline_ms), and a plain loop reading its 200 cells (in the note).
 */
import { readFileSync } from 'node:fs';
import { CELL_IDS } from '../src/report/cells.ts';
import { blankReport, type Report, reportSchema } from '../src/report/document.ts';
import { evaluate, RULES } from '../src/report/rules.ts';
import { withTotals } from '../src/report/totals.ts';
import { measure } from './lib/measure.ts';
import { runIfMain } from './lib/run-alone.ts';
import { summarise } from './lib/stats.ts';
import { formatMs } from './lib/table.ts';
import type { BenchRow } from './lib/types.ts';

const SAMPLES = 5000;

/**
 * The sample report with last year's figures known and consistent (nothing carried over, 现行有效
 * minus this year's changes), so the comparison rules T3-E and T2-A run their whole check; last
 * year's texts are this year's with every figure changed, so TEXT-SIMILAR compares whole sections
 * and fires (the worst case: 内容雷同 in 一 and 五).
 */
function fullReport(): Report {
  const example = JSON.parse(readFileSync(new URL('../examples/gx-kjt-2021.json', import.meta.url), 'utf8'));
  const report = withTotals(reportSchema().parse(example));
  const cells: Record<string, number | null> = {};
  for (const id of CELL_IDS) {
    if (id.startsWith('t3.carriedOut.')) cells[id] = report.cells[id.replace('carriedOut', 'carriedIn')]!;
  }
  for (const row of ['rules', 'normative']) {
    const at = (column: string) => report.cells[`t2.${row}.${column}`] ?? 0;
    cells[`t2.${row}.valid`] = at('valid') - at('issued') + at('repealed');
  }
  const older = (text: string) => text.replace(/\d+/g, (digits) => String(Number(digits) + 1));
  const sections = Object.fromEntries(
    Object.entries(report.sections).map(([key, text]) => [key, older(text)]),
  );
  return { ...report, lastYear: { year: report.year! - 1, cells, sections } };
}

/** A keystroke in 一、总体情况: one character typed in the middle, a different one each run. */
function textKeystroke(report: Report): () => unknown {
  const text = report.sections.overview;
  const at = Math.floor(text.length / 2);
  let typed = 0;
  return () => {
    const char = String.fromCharCode(0x4e00 + (typed++ % 5000));
    const overview = text.slice(0, at) + char + text.slice(at);
    return evaluate({ ...report, sections: { ...report.sections, overview } });
  };
}

function cellLoop(report: Report): () => number {
  return () => {
    let sum = 0;
    for (const id of CELL_IDS) sum += report.cells[id] ?? 0;
    return sum;
  };
}

export default async function rulesBench(): Promise<BenchRow[]> {
  const full = fullReport();
  const blank = blankReport({ id: 'bench-blank', year: 2021 });
  const stringify = summarise(measure(() => JSON.stringify(full), { samples: SAMPLES }));
  const loop = summarise(measure(cellLoop(full), { samples: SAMPLES, batch: 100 }));
  const baselines = `baseline: one JSON.stringify of the same report; a loop reading its 200 cells takes ${formatMs(loop.median)} ms`;

  const onFull = summarise(measure(() => evaluate(full), { samples: SAMPLES }));
  const onBlank = summarise(measure(() => evaluate(blank), { samples: SAMPLES }));
  const keystroke = summarise(measure(() => evaluate(withTotals(full)), { samples: SAMPLES }));
  const typing = summarise(measure(textKeystroke(full), { samples: SAMPLES }));

  return [
    {
      name: `evaluate(): all ${RULES.length} rules, full report (${evaluate(full).length} findings)`,
      median_ms: onFull.median,
      p95_ms: onFull.p95,
      baseline_ms: stringify.median,
      target: '≤ 0.2 ms',
      note: `${SAMPLES} runs; ${baselines}`,
    },
    {
      name: `evaluate(): all rules, blank report (${evaluate(blank).length} findings)`,
      median_ms: onBlank.median,
      p95_ms: onBlank.p95,
      baseline_ms: stringify.median,
      note: 'every cell and text empty: the cost of writing many messages',
    },
    {
      name: 'withTotals() + evaluate(), full report (自动合计: one keystroke)',
      median_ms: keystroke.median,
      p95_ms: keystroke.p95,
      baseline_ms: stringify.median,
      target: '≤ 0.2 ms',
    },
    {
      name: 'evaluate() after a keystroke in 一、总体情况 (2900 characters, last year’s text known)',
      median_ms: typing.median,
      p95_ms: typing.p95,
      baseline_ms: stringify.median,
      target: '≤ 0.2 ms',
      note: 'the edited section is compared with last year’s again; the other sections are not',
    },
  ];
}

runIfMain(import.meta.url, rulesBench);
