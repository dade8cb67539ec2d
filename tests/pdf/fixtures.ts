/**
 * Reports the PDF tests print: the published sample, a long synthetic one (every text section several
 * pages, every cell a large number, notes on cells) and a draft (open 错误), plus the bundled fonts.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { FONT_URLS } from '../../src/pdf/font-files.ts';
import type { PdfFontBytes } from '../../src/pdf/fonts.ts';
import { CELLS, cellDef } from '../../src/report/cells.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { confirmFinding } from '../../src/report/edit.ts';
import { evaluate } from '../../src/report/rules.ts';
import { T3_OUTCOME_ROWS, TABLE3 } from '../../src/report/template.ts';
import { computeTotals } from '../../src/report/totals.ts';

const ROOT = new URL('../../', import.meta.url);

let fonts: PdfFontBytes | null = null;
export function bundledFonts(): PdfFontBytes {
  fonts ??= {
    serif: new Uint8Array(brotliDecompressSync(readFileSync(FONT_URLS.serif))),
    sans: new Uint8Array(brotliDecompressSync(readFileSync(FONT_URLS.sans))),
  };
  return fonts;
}

export function sampleReport(): Report {
  return reportSchema().parse(JSON.parse(readFileSync(new URL('examples/gx-kjt-2021.json', ROOT), 'utf8')));
}

/** A long clean report: 3 sections of several pages, 6- to 8-digit numbers everywhere, 24 cell notes. */
export function longReport(): Report {
  const sample = sampleReport();
  const repeat = (text: string, times: number) =>
    Array.from({ length: times }, (_, i) => text.replaceAll('2021年', `${2021 + (i % 3)}年`)).join('\n');
  const cells = { ...sample.cells };
  CELLS.forEach((cell, i) => {
    cells[cell.id] = cell.kind === 'amount' ? 4068.2085 : 100_000 + ((i * 7919) % 900_000);
  });
  // Table 3 balances (T3-A): 结转下年度 = 新收 + 上年结转 − 办结, per column.
  for (const column of TABLE3.blocks[0]!.columns) {
    const id = (row: string) => `t3.${row}.${column.key}`;
    const done = T3_OUTCOME_ROWS.reduce((sum, row) => sum + (cells[id(row)] ?? 0), 0);
    cells[id('new')] = done + 123_456;
    cells[id('carriedIn')] = 654_321;
    cells[id('carriedOut')] = 123_456 + 654_321;
  }
  const noted = CELLS.filter((_, i) => i % 8 === 3).slice(0, 24);
  const notes = Object.fromEntries(
    noted.map((c, i) => [
      c.id,
      `${cellDef(c.id).rowLabel}含依申请转办件${i + 1}件，“——”及（括号）照常排版。`,
    ]),
  );
  const long: Report = {
    ...sample,
    agency: '广西壮族自治区科学技术厅（自治区知识产权局）',
    sections: {
      overview: repeat(sample.sections.overview, 3),
      problems: repeat(`${sample.sections.problems}\n${sample.sections.overview.slice(0, 900)}`, 4),
      other: repeat(`本年度未收取信息处理费。${sample.sections.overview.slice(0, 600)}`, 5),
    },
    cells: computeTotals(cells),
    notes,
  };
  // Its overview still quotes the sample's 「申请3件」 against 8-digit tables (T3-F): confirmed, so the
  // long report prints clean (confirmations change nothing in the body's layout).
  return evaluate(long).reduce(
    (r, f) => confirmFinding(r, f, '测试用的长报告：表格为合成的大数字', new Date('2022-01-20T02:00:00Z')),
    long,
  );
}

/** The sample with a wrong total typed by hand: open 错误, so a draft. */
export function draftReport(): Report {
  const sample = sampleReport();
  return { ...sample, manualTotals: true, cells: { ...computeTotals(sample.cells), 't3.total.total': 4 } };
}

/** The sample with two 提示 open (a blank cell of table 4, a figure 一、总体情况 quotes wrong): 待确认. */
export function unconfirmedReport(): Report {
  const sample = sampleReport();
  return {
    ...sample,
    sections: {
      ...sample.sections,
      overview: `${sample.sections.overview}\n全年共办结政府信息公开申请4件。`,
    },
    cells: { ...sample.cells, 't4.cases.reviewOther': null },
  };
}

/** The same with both 提示 confirmed with a 说明: 审核通过, the 审签单 lists them. */
export function confirmedReport(): Report {
  const at = new Date('2022-01-20T02:00:00Z');
  const open = unconfirmedReport();
  const [figure, blank] = [
    evaluate(open).find((f) => f.ruleId === 'T3-F')!,
    evaluate(open).find((f) => f.ruleId === 'EMPTY')!,
  ];
  const one = confirmFinding(open, figure, '含1件由其他机关转来、本机关已办结的申请', at);
  return confirmFinding(one, blank, '本年确无其他结果的复议案件', at);
}

/** 12 confirmed 提示 with long 说明: more than the 审签单 holds. */
export function manyConfirmedReport(): Report {
  const at = new Date('2022-01-20T02:00:00Z');
  const sample = sampleReport();
  const cells = { ...sample.cells };
  for (const id of ['t2.rules.issued', 't3.refusedSecret.natural', 't4.cases.reviewOther']) cells[id] = null;
  const lastYear = {
    year: 2020,
    cells: { 't3.carriedOut.natural': 1, 't3.carriedOut.business': 1 },
    sections: {},
  };
  let r: Report = {
    ...sample,
    cells,
    lastYear,
    sections: {
      ...sample.sections,
      overview: `${sample.sections.overview}\n全年共办结政府信息公开申请4件，予以公开5件，部分公开6件，无法提供7件，不予处理8件，其他处理9件，结转下年度10件，行政复议11件，行政诉讼12件。`,
    },
  };
  evaluate(r).forEach((f, i) => {
    r = confirmFinding(
      r,
      f,
      `第 ${i + 1} 条说明：经核实，该数字与实际情况相符，差异原因已在内部台账中注明，特此说明。`,
      at,
    );
  });
  return r;
}

/** Fixed export settings, so that the files (and the reference images) are reproducible. */
export const SETTINGS = {
  fingerprint: '3f2a9c1d7b6e5a40',
  savedAt: new Date('2022-01-20T02:30:00Z'),
  createdAt: new Date('2022-01-20T02:31:00Z'),
} as const;

/** Text without any whitespace, for comparing what a PDF gives back. */
export const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');
