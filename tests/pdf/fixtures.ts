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
  return {
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
}

/** The sample with a wrong total typed by hand: open 错误, so a draft. */
export function draftReport(): Report {
  const sample = sampleReport();
  return { ...sample, manualTotals: true, cells: { ...computeTotals(sample.cells), 't3.total.total': 4 } };
}

/** Fixed export settings, so that the files (and the reference images) are reproducible. */
export const SETTINGS = {
  fingerprint: '3f2a9c1d7b6e5a40',
  savedAt: new Date('2022-01-20T02:30:00Z'),
  createdAt: new Date('2022-01-20T02:31:00Z'),
} as const;

/** Text without any whitespace, for comparing what a PDF gives back. */
export const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');
