/** fast-check generators of valid reports: any text (HTML, control characters, lone surrogates,
 *  long lines), any finite number or null in the cells, every optional part present or not. */
import fc from 'fast-check';
import { MAX_COUNT } from '../../src/report/cell-input.ts';
import { CELL_IDS, cellDef } from '../../src/report/cells.ts';
import {
  MAX_INVALID_ENTRY,
  MAX_YEAR,
  MIN_YEAR,
  REPORT_FORMAT_VERSION,
  type Report,
  reportSchema,
} from '../../src/report/document.ts';
import { withTotals } from '../../src/report/totals.ts';

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

/**
 * Any value a cell may hold (src/report/cell-input.ts), the bounds included: a count is a whole
 * number up to MAX_COUNT, an amount ticks of 0.0001 below 10^9. Each cell takes the one of its kind.
 */
type AnyValue = { count: number; amount: number } | null;
const cellValue: fc.Arbitrary<AnyValue> = fc.oneof(
  fc.constant(null),
  fc.record({
    count: fc.oneof(fc.nat(100000), fc.nat(MAX_COUNT), fc.constantFrom(0, MAX_COUNT)),
    amount: fc.integer({ min: 0, max: 9_999_999_999_999 }).map((ticks) => ticks / 10_000),
  }),
);
const ofKind = (v: AnyValue, id: string): number | null => (v === null ? null : v[cellDef(id).kind]);

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

const sparseCells = (values: fc.Arbitrary<AnyValue>) =>
  fc
    .dictionary(fc.constantFrom(...CELL_IDS), values, { maxKeys: 12 })
    .map((cells) => Object.fromEntries(Object.entries(cells).map(([id, v]) => [id, ofKind(v, id)])));

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
        year: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
        cells: sparseCells(cellValue),
        sections: fc.dictionary(fc.constantFrom(...TEXT_KEYS), anyText(), { maxKeys: 3 }),
      }),
    ),
    staleSections: fc.array(fc.constantFrom(...TEXT_KEYS), { maxLength: 3 }),
    invalidEntries: fc.dictionary(
      fc.constantFrom(...CELL_IDS),
      fc.string({ minLength: 1, maxLength: MAX_INVALID_ENTRY }),
      { maxKeys: 3 },
    ),
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
  .map(({ cells, invalidEntries, ...rest }) => ({
    formatVersion: REPORT_FORMAT_VERSION,
    ...rest,
    // A cell holding typed text instead of a value is empty.
    cells: Object.fromEntries(
      CELL_IDS.map((id, i) => [id, id in invalidEntries ? null : ofKind(cells[i] ?? null, id)]),
    ),
    invalidEntries,
  }))
  // The generator is meant to stay inside the schema; parsing proves it (and types the result).
  // Totals as every report that enters the app has them: computed unless typed by hand.
  .map((report) => withTotals(reportSchema().parse(report)));
