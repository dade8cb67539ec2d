// @vitest-environment node
/**
 * 10,000 broken, foreign, re-encoded and hostile files through importDraftFile: never an exception,
 * always a Chinese message, and a refused file never reaches the store (not even a read).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/files/format.ts';
import { type ImportChoice, type ImportResult, importDraftFile } from '../../src/files/import.ts';
import { blankReport, reportSchema } from '../../src/report/document.ts';
import { encodeGbk, encodeUtf16, utf8, withUtf8Bom } from './encodings.ts';
import { sampleDraft, sampleReport } from './sample.ts';
import { spyStore } from './store-spy.ts';

const RUNS = 10_000;
const NAME = '草稿.nianbao.json';

/** Values a hostile or careless editor might put anywhere in the file. Placeholders stand for number
 *  literals JavaScript cannot hold, put into the text after JSON.stringify. */
const LITERALS: [string, string][] = [
  ['"__HUGE_NUMBER__"', '1e999'],
  ['"__LONG_INTEGER__"', '123456789012345678901234567890'],
];
const weirdValue = fc.oneof(
  fc.constantFrom<unknown>(
    'abc',
    -1,
    0.5,
    1e308,
    '__LONG_INTEGER__',
    null,
    true,
    {},
    [],
    '',
    '<script>alert(1)</script>',
    '\u0000\u001f\u2028',
    { __proto__: null, polluted: 1 },
    [[[[[[]]]]]],
    'x'.repeat(300_000),
    '__HUGE_NUMBER__',
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const weirdKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', ''),
  fc.string(),
);

type Json = Record<string, unknown>;

/** Paths to every object and value in a parsed file. */
function placesIn(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      placesIn(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function parentOf(root: Json, path: (string | number)[]): Json | null {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Json)[key as string];
  return node && typeof node === 'object' ? (node as Json) : null;
}

/** One JSON-level edit: replace a value, add an odd key (written as an own property, as JSON.parse
 *  would), or delete one. */
function jsonEdit(text: string, pick: number, action: number, value: unknown, key: string): string {
  const root = JSON.parse(text) as Json;
  const places = placesIn(root);
  const path = places[pick % places.length]!;
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (action === 0 && parent && last !== undefined) (parent as Json)[last as string] = value;
  else if (action === 1 && parent && last !== undefined) delete (parent as Json)[last as string];
  else {
    const target = path.length === 0 ? root : (parent?.[last as string] as Json | undefined);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  let out = JSON.stringify(root, null, 1);
  for (const [placeholder, literal] of LITERALS) out = out.replaceAll(placeholder, literal);
  return out;
}

async function fileArbitrary() {
  const bases = [
    (await sampleDraft()).text,
    (await sampleDraft(blankReport({ id: 'b1', year: 2021 }))).text,
    JSON.stringify(sampleReport()),
  ];
  const base = fc.constantFrom(...bases);
  const text = fc.oneof(
    base,
    fc
      .tuple(base, fc.nat(), fc.nat(2), weirdValue, weirdKey)
      .map(([t, pick, action, value, key]) => jsonEdit(t, pick, action, value, key)),
    fc.tuple(base, fc.nat()).map(([t, cut]) => t.slice(0, cut % t.length)),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.json({ maxDepth: 4 }),
    fc
      .tuple(base, fc.string({ maxLength: 20 }), fc.nat())
      .map(([t, insert, at]) => t.slice(0, at % t.length) + insert + t.slice(at % t.length)),
  );
  const encoded = fc.oneof(
    { weight: 4, arbitrary: text.map(utf8) },
    { weight: 1, arbitrary: text.map(withUtf8Bom) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text, fc.constantFrom('le', 'be') as fc.Arbitrary<'le' | 'be'>, fc.boolean())
        .map(([t, o, b]) => encodeUtf16(t, o, b)),
    },
    { weight: 1, arbitrary: text.map(encodeGbk) },
  );
  const bytes = fc.oneof(
    { weight: 12, arbitrary: encoded },
    // Byte-level damage to a sound file.
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          encoded,
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        )
        .map(([b, flips]) => {
          const copy = b.slice();
          for (const [at, value] of flips) if (copy.length > 0) copy[at % copy.length] = value;
          return copy;
        }),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20)) },
  );
  return bytes;
}

const CHINESE = /[\u4e00-\u9fff]/;
const LEAKED = /Error|undefined|\[object|NaN|at position|Unexpected|stack/;

describe('fuzz: importDraftFile', () => {
  it(`${RUNS} odd files: no exception, a Chinese message each time, no write unless fully valid`, async () => {
    const counts = new Map<string, number>();
    const bytesArbitrary = await fileArbitrary();
    await fc.assert(
      fc.asyncProperty(
        bytesArbitrary,
        fc.constantFrom<ImportChoice>('overwrite', 'new', 'cancel'),
        fc.boolean(),
        async (bytes, choice, storedAlready) => {
          const store = spyStore(storedAlready ? [{ ...sampleReport(), agency: '已在浏览器中的版本' }] : []);
          const result: ImportResult = await importDraftFile(
            { bytes, name: NAME },
            store,
            async () => choice,
          );
          const key =
            result.status === 'rejected'
              ? `rejected:${result.kind}`
              : result.status === 'opened'
                ? `opened:${result.mode}`
                : result.status;
          counts.set(key, (counts.get(key) ?? 0) + 1);

          expect(result.message).toMatch(CHINESE);
          expect(result.message).not.toMatch(LEAKED);
          if (result.status === 'rejected') {
            expect(store.get).not.toHaveBeenCalled();
            expect(store.put).not.toHaveBeenCalled();
            for (const line of result.details) expect(line).toMatch(/^「.+」|^……另有/);
          } else if (result.status === 'opened') {
            expect(store.put.mock.calls.length).toBeLessThanOrEqual(1);
            for (const [stored] of store.put.mock.calls)
              expect(reportSchema().safeParse(stored).success).toBe(true);
            for (const warning of result.warnings) expect(warning).toMatch(CHINESE);
          } else {
            expect(store.put).not.toHaveBeenCalled();
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (process.env.FUZZ_REPORT) console.log(Object.fromEntries([...counts].sort()));
    // The fuzz really reached every outcome, not only the first check.
    for (const outcome of [
      'rejected:encoding',
      'rejected:not-json',
      'rejected:not-ours',
      'rejected:invalid',
      'rejected:too-large',
      'opened:added',
      'opened:overwritten',
      'cancelled',
    ]) {
      expect(counts.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
  }, 600_000);
});
