/** fast-check generators of valid reports: any text (HTML, control characters, lone surrogates,
 *  long lines), any finite number or null in the cells, every optional part present or not. */
import fc from 'fast-check';
import { CELL_IDS } from '../../src/report/cells.ts';
import { REPORT_FORMAT_VERSION, type Report, reportSchema } from '../../src/report/document.ts';

const TEXT_KEYS = ['overview', 'problems', 'other'] as const;

/** Strings a clerk (or a hostile file) could hold: unicode with surrogates and control characters,
 *  markup, and now and then a very long line. */
export const anyText = (maxLength = 200) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '"\\\u0000\u001f\u2028',
        '__proto__',
      ),
    },
  );

/** Section texts: also a very long single line now and then. */
const longText = fc.oneof(
  { weight: 4, arbitrary: anyText() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 2000, maxLength: 5000 }) },
);

const cellValue = fc.oneof(
  fc.constant(null),
  fc.nat(100000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 5 }),
);

const isoDate = fc.oneof(
  fc.constant(''),
  fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);

const sparseCells = (values: fc.Arbitrary<number | null>) =>
  fc.dictionary(fc.constantFrom(...CELL_IDS), values, { maxKeys: 12 });

export const reportArbitrary: fc.Arbitrary<Report> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 100 }),
    agency: anyText(200),
    year: fc.option(fc.integer({ min: 1990, max: 2200 })),
    period: fc.record({ start: isoDate, end: isoDate }),
    contact: fc.record({
      address: anyText(),
      postcode: anyText(10),
      phone: anyText(20),
      email: anyText(40),
      website: anyText(80),
    }),
    preamble: longText,
    sections: fc.record({ overview: longText, problems: anyText(), other: longText }),
    cells: fc.array(cellValue, { minLength: CELL_IDS.length, maxLength: CELL_IDS.length }),
    notes: fc.dictionary(fc.constantFrom(...CELL_IDS), fc.string({ unit: 'binary', maxLength: 200 }), {
      maxKeys: 5,
    }),
    manualTotals: fc.boolean(),
    lastYear: fc.option(
      fc.record({
        year: fc.integer({ min: -1e9, max: 1e9 }),
        cells: sparseCells(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }))),
        sections: fc.dictionary(fc.constantFrom(...TEXT_KEYS), anyText(), { maxKeys: 3 }),
      }),
    ),
    staleSections: fc.array(fc.constantFrom(...TEXT_KEYS), { maxLength: 3 }),
    invalidEntries: fc.dictionary(fc.constantFrom(...CELL_IDS), fc.string({ maxLength: 40 }), { maxKeys: 3 }),
    confirmations: fc.array(
      fc.record({
        key: fc.string({ minLength: 1, maxLength: 60 }),
        basis: fc.string({ maxLength: 60 }),
        note: anyText().filter((t) => t.trim().length > 0 && t.length <= 500),
        at: fc.constant('2026-12-03T10:00:00.000Z'),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ cells, ...rest }) => ({
    formatVersion: REPORT_FORMAT_VERSION,
    ...rest,
    cells: Object.fromEntries(CELL_IDS.map((id, i) => [id, cells[i] ?? null])),
  }))
  // The generator is meant to stay inside the schema; parsing proves it (and types the result).
  .map((report) => reportSchema().parse(report));
