/**
 * Shared by the export tests: the sample report, reports with random numbers in every cell (fast-check),
 * and the two ways back into the importer: a .docx through mammoth (docx → HTML), and the HTML itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { paragraphsOf } from '../../src/pdf/text/paragraphs.ts';
import { CELLS } from '../../src/report/cells.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { withTotals } from '../../src/report/totals.ts';

export function sample(): Report {
  // A path, not a file: URL: under happy-dom the URL class is not Node's.
  const json = readFileSync(join(import.meta.dirname, '../../examples/gx-kjt-2021.json'), 'utf8');
  return reportSchema().parse(JSON.parse(json));
}

export const EXPORT_SETTINGS = { fingerprint: '3f2a9c1d7b6e5a40', savedAt: new Date('2022-01-20T02:30:00Z') };

/** mammoth's reading of a .docx: its HTML and every message (a warning is a defect of the file). */
export async function docxToHtml(docx: Uint8Array): Promise<{ html: string; messages: string[] }> {
  const { value, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
  return { html: value, messages: messages.map((m) => `${m.type}: ${m.message}`) };
}

/** A text as the export prints it and the importer gives it back: one paragraph a line, trimmed. */
export const asPrinted = (text: string): string =>
  paragraphsOf(text)
    .map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n');

/** What must come back from a round trip: every cell (empty prints 0), the texts, agency and year. */
export function expectedBack(report: Report) {
  const printed = withTotals(report);
  return {
    cells: Object.fromEntries(CELLS.map((c) => [c.id, printed.cells[c.id] ?? 0])),
    agency: printed.agency.trim(),
    year: printed.year,
    preamble: asPrinted(printed.preamble),
    sections: {
      overview: asPrinted(printed.sections.overview),
      problems: asPrinted(printed.sections.problems),
      other: asPrinted(printed.sections.other),
    },
  };
}

export function actualBack(report: Report) {
  return {
    cells: Object.fromEntries(CELLS.map((c) => [c.id, report.cells[c.id]])),
    agency: report.agency,
    year: report.year,
    preamble: report.preamble,
    sections: report.sections,
  };
}

// ---------------------------------------------------------------- random reports

const SAMPLE = sample();
/** Sentences of the sample's texts, to build paragraphs the way clerks write them. */
const SENTENCES = [SAMPLE.preamble, ...Object.values(SAMPLE.sections)]
  .join('\n')
  .split(/(?<=。)|\n/)
  .map((s) => s.trim())
  .filter((s) => s.length > 4 && !/^[（(一二三四五六]/.test(s));
const SUBHEADS = ['（一）主动公开', '（二）依申请公开。', '（三）政府信息管理情况。', '（四）平台建设'];

const paragraph = fc
  .array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''));
/** A text section: paragraphs, some headed by a （一） sub-heading of their own. */
const sectionText = fc
  .array(fc.tuple(fc.option(fc.constantFrom(...SUBHEADS), { nil: null }), paragraph), {
    minLength: 1,
    maxLength: 4,
  })
  .map((items) => items.flatMap(([head, body]) => (head ? [head, body] : [body])).join('\n'));

/**
 * Counts: small, office-sized, and up to what a cell may hold (src/report/cell-input.ts: 999 999 999,
 * a typed 总计 12 digits); amounts with up to 4 decimals, below 10^9 万元.
 */
const bigCount = fc.oneof(fc.nat(9), fc.nat(99_999), fc.nat(999_999_999));
const bigTotal = fc.oneof(fc.nat(9), fc.nat(999_999_999_999));
const bigAmount = fc.oneof(
  fc.nat(99_999).map((n) => n / 100),
  fc.nat(999_999_999).map((n) => n / 1e4),
  fc.integer({ min: 0, max: 9_999_999_999_999 }).map((n) => n / 1e4),
);
/** With automatic totals the sums stay within what a total may hold. */
const summableCount = fc.oneof(fc.nat(9), fc.nat(999_999_999));
const summableAmount = fc.nat(999_999_999).map((n) => n / 1e4);

const agencies = fc.constantFrom('自治区科技厅', '某市人民政府办公室', '某县财政局', '某某区教育局');

/**
 * A report with a random number in every cell: totals typed by hand (any number in every cell) or
 * automatic (totals computed from random leaves), with random texts built from real sentences.
 */
export const randomReport: fc.Arbitrary<Report> = fc
  .record({
    manual: fc.boolean(),
    agency: agencies,
    year: fc.integer({ min: 2008, max: 2035 }),
    preamble: paragraph,
    overview: sectionText,
    problems: sectionText,
    other: sectionText,
    seed: fc.array(fc.tuple(bigCount, bigAmount, summableCount, summableAmount, bigTotal), {
      minLength: CELLS.length,
      maxLength: CELLS.length,
    }),
  })
  .map(({ manual, agency, year, preamble, overview, problems, other, seed }) => {
    const cells = Object.fromEntries(
      CELLS.map((c, i) => {
        const [count, amount, summable, summableAmt, total] = seed[i]!;
        const typed = c.isTotal ? total : count;
        const value = c.kind === 'amount' ? (manual ? amount : summableAmt) : manual ? typed : summable;
        return [c.id, value];
      }),
    ) as Report['cells'];
    return {
      ...SAMPLE,
      id: 'random',
      agency,
      year,
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      preamble,
      sections: { overview, problems, other },
      cells,
      manualTotals: manual,
    };
  });
