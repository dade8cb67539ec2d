// @vitest-environment node
/**
 * 10,000 broken, foreign, re-encoded and hostile draft files (fixed seed) through importDraftFile:
 * never an exception or a hang, always a short Chinese message, a refused file never reaches the
 * store, and a file that is accepted can then be used everywhere: saved again (file and browser
 * store), summed (汇总, CSV), shown (审核, draft list, 同比, tables) and laid out as a PDF.
 *
 * Mutations: byte flips, truncation, insertions, wrong types, huge and tiny numbers, decimals, NaN and
 * Infinity (as strings and as bare words), huge strings and key counts, deep nesting, __proto__ keys,
 * duplicate keys, encodings, correct and wrong hashes, versions of the file and of the report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beyondLimits, sumUnits } from '../../src/aggregate/sum.ts';
import { unitsToCsv } from '../../src/aggregate/unit-csv.ts';
import { readyUnit } from '../../src/aggregate/units.ts';
import { checkedReport } from '../../src/cli/read-report.ts';
import { canonicalJson } from '../../src/files/canonical.ts';
import { MAX_FILE_BYTES } from '../../src/files/format.ts';
import { type ImportChoice, type ImportResult, importDraftFile } from '../../src/files/import.ts';
import { openDraftFile } from '../../src/files/open.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { sha256Bytes } from '../../src/files/sha256.ts';
import { prepareDocument } from '../../src/pdf/export.ts';
import { CELL_IDS } from '../../src/report/cells.ts';
import { blankReport, type Report, reportSchema } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { reportToTsv } from '../../src/report/tsv.ts';
import { cellChanges } from '../../src/report/year-on-year.ts';
import { contentFacts, storableReport } from '../../src/storage/records.ts';
import { bundledFonts } from '../pdf/fixtures.ts';
import { encodeGbk, encodeUtf16, utf8, withUtf8Bom } from './encodings.ts';
import { sampleDraft, sampleReport } from './sample.ts';
import { spyStore } from './store-spy.ts';

const RUNS = 10_000;
const SEED = 14;
const NAME = '草稿.nianbao.json';

/**
 * Placeholders for what JSON.stringify cannot write (number literals JavaScript cannot hold, bare
 * words, nesting deeper than it recurses), put into the text afterwards.
 */
const LITERALS: [string, string][] = [
  ['"__HUGE_NUMBER__"', '1e999'],
  ['"__LONG_INTEGER__"', '123456789012345678901234567890'],
  ['"__NINES__"', '9'.repeat(309)],
  ['"__TINY__"', '5e-324'],
  ['"__MINUS_ZERO__"', '-0'],
  ['"__NAN__"', 'NaN'],
  ['"__INFINITY__"', 'Infinity'],
  ['"__DEEP__"', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['"__DEEP_OBJECT__"', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`],
];

const MANY_KEYS = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i]));

/** Numbers and number-like values a careless editor or a hostile file puts into a cell. */
const NUMBERISH: unknown[] = [
  1e305,
  1e-7,
  0.1 + 0.2,
  1.23456,
  0.5,
  -1,
  999_999_999,
  1_000_000_000,
  999_999_999.9999,
  999_999_999_999,
  4068.208,
  Number.MAX_SAFE_INTEGER,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e3',
  '１２',
  '',
  '__HUGE_NUMBER__',
  '__LONG_INTEGER__',
  '__NINES__',
  '__TINY__',
  '__MINUS_ZERO__',
  '__NAN__',
  '__INFINITY__',
];

const weirdValue = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...NUMBERISH) },
  {
    weight: 25,
    arbitrary: fc.constantFrom<unknown>(
      'abc',
      null,
      true,
      {},
      [],
      '<script>alert(1)</script>',
      '\u0000\u001f\u2028',
      { __proto__: null, polluted: 1 },
      [[[[[[]]]]]],
      '__DEEP__',
      '__DEEP_OBJECT__',
    ),
  },
  // Huge values are costly to make; a few hundred of each in 10 000 files is plenty.
  { weight: 2, arbitrary: fc.constantFrom<unknown>(MANY_KEYS, 'x'.repeat(300_000)) },
  { weight: 30, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const weirdKey = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '') },
  { weight: 1, arbitrary: fc.constant('y'.repeat(100_000)) },
  { weight: 10, arbitrary: fc.string() },
);
const VERSIONS: unknown[] = [0, 1, 2, 3, 99, -1, 1.5, '1', null, 1e308, '__HUGE_NUMBER__'];

type Json = Record<string, unknown>;
type Path = (string | number)[];

/** Paths to every object and value in a parsed file. */
function placesIn(value: unknown, path: Path = [], out: Path[] = []) {
  out.push(path);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      placesIn(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function parentOf(root: Json, path: Path): Json | null {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Json)?.[key as string];
  return node && typeof node === 'object' ? (node as Json) : null;
}

/** Sets a value as an own property (as JSON.parse would make "__proto__"), creating objects on the way. */
function put(root: Json, path: Path, value: unknown) {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key as string];
    if (!next || typeof next !== 'object') {
      Object.defineProperty(node, key, { value: {}, enumerable: true, configurable: true, writable: true });
    }
    node = node[key as string] as Json;
  }
  Object.defineProperty(node, path[path.length - 1]!, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  });
}

/** The SHA-256 the tool would write for the report now in the file, when it can be computed. */
function fixHash(root: Json) {
  try {
    const hex = Array.from(sha256Bytes(new TextEncoder().encode(canonicalJson(root.report))), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    if ('sha256' in root) root.sha256 = hex;
  } catch {
    // a report canonicalJson cannot write keeps the old (now wrong) hash
  }
}

function serialise(root: Json): string {
  let out = JSON.stringify(root, null, 1);
  for (const [placeholder, literal] of LITERALS) out = out.replaceAll(placeholder, literal);
  return out;
}

/** One JSON-level edit anywhere: replace a value, delete one, or add an odd key. */
function anywhereEdit(
  text: string,
  pick: number,
  action: number,
  value: unknown,
  key: string,
  hash: boolean,
) {
  const root = JSON.parse(text) as Json;
  const places = placesIn(root);
  const path = places[pick % places.length]!;
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (action === 0 && parent && last !== undefined) parent[last as string] = value;
  else if (action === 1 && parent && last !== undefined) delete parent[last as string];
  else {
    const target = path.length === 0 ? root : (parent?.[last as string] as Json | undefined);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  if (hash) fixHash(root);
  return serialise(root);
}

/** The report inside a file (the envelope's, or the bare report of the early format). */
const reportPath = (root: Json): Path => ('report' in root ? ['report'] : []);

/** An edit aimed where numbers live: a cell, last year's cells and year, an invalid entry, versions. */
function targetedEdit(text: string, target: number, cell: number, value: unknown, hash: boolean) {
  const root = JSON.parse(text) as Json;
  const at = reportPath(root);
  const id = CELL_IDS[cell % CELL_IDS.length]!;
  switch (target % 7) {
    case 0:
    case 1:
      put(root, [...at, 'cells', id], value);
      break;
    case 2:
      put(root, [...at, 'lastYear'], { year: 2020, cells: { [id]: value }, sections: {} });
      break;
    case 3:
      put(root, [...at, 'lastYear'], { year: value, cells: {}, sections: {} });
      break;
    case 4:
      put(root, [...at, 'cells', id], null);
      put(root, [...at, 'invalidEntries'], { [id]: value });
      break;
    case 5:
      put(root, [...at, 'formatVersion'], VERSIONS[cell % VERSIONS.length]);
      break;
    default:
      if ('fileFormatVersion' in root) root.fileFormatVersion = VERSIONS[cell % VERSIONS.length];
      else put(root, [...at, 'manualTotals'], value);
  }
  if (hash) fixHash(root);
  return serialise(root);
}

/** A key written twice (JSON.parse keeps the last): a line repeated with another value before it. */
function duplicateKey(text: string, pick: number, value: unknown): string {
  const lines = text.split('\n');
  const keyed = lines.flatMap((line, i) => (/^\s*"[^"]*": /.test(line) ? [i] : []));
  if (keyed.length === 0) return text;
  const i = keyed[pick % keyed.length]!;
  const [, head] = /^(\s*"[^"]*": )/.exec(lines[i]!)!;
  let shown = JSON.stringify(value) ?? 'null';
  for (const [placeholder, literal] of LITERALS) shown = shown.replaceAll(placeholder, literal);
  lines.splice(i, 0, `${head}${shown},`);
  return lines.join('\n');
}

async function fileArbitrary() {
  const bases = [
    (await sampleDraft()).text,
    (await sampleDraft(blankReport({ id: 'b1', year: 2021 }))).text,
    JSON.stringify(sampleReport()),
  ];
  const base = fc.constantFrom(...bases);
  const text = fc.oneof(
    { weight: 1, arbitrary: base },
    {
      weight: 6,
      arbitrary: fc
        .tuple(base, fc.nat(), fc.nat(2), weirdValue, weirdKey, fc.boolean())
        .map(([t, pick, action, value, key, hash]) => anywhereEdit(t, pick, action, value, key, hash)),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(base, fc.nat(), fc.nat(), weirdValue, fc.boolean())
        .map(([t, target, cell, value, hash]) => targetedEdit(t, target, cell, value, hash)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), weirdValue).map(([t, pick, v]) => duplicateKey(t, pick, v)),
    },
    { weight: 1, arbitrary: fc.tuple(base, fc.nat()).map(([t, cut]) => t.slice(0, cut % t.length)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.string({ maxLength: 20 }), fc.nat())
        .map(([t, insert, at]) => t.slice(0, at % t.length) + insert + t.slice(at % t.length)),
    },
  );
  const encoded = fc.oneof(
    { weight: 6, arbitrary: text.map(utf8) },
    { weight: 1, arbitrary: text.map(withUtf8Bom) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text, fc.constantFrom('le', 'be') as fc.Arbitrary<'le' | 'be'>, fc.boolean())
        .map(([t, o, b]) => encodeUtf16(t, o, b)),
    },
    { weight: 1, arbitrary: text.map(encodeGbk) },
  );
  return fc.oneof(
    { weight: 16, arbitrary: encoded },
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
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20)) },
  );
}

const CHINESE = /[\u4e00-\u9fff]/;
const LEAKED = /Error|undefined|\[object|NaN|Infinity|at position|Unexpected|stack|expected|received/i;
/** Latin words a refusal may contain besides quotations of the file: names of files and encodings. */
const ALLOWED_WORDS = new Set([
  'nianbao',
  'json',
  'JSON',
  'UTF',
  'GBK',
  'GB',
  'BOM',
  'ANSI',
  'Unicode',
  'SHA',
  'null',
  'true',
  'false',
  'MB',
]);
const MAX_MESSAGE = 400;
const MAX_DETAIL = 300;

/** A message without its quotations of the file's content («"…"»): what the tool itself says. */
const unquoted = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
/** Latin words of a message, quotations and numbers (1e+305) left out. */
const latinWords = (text: string) =>
  unquoted(text)
    .replace(/\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, '')
    .match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];

/** What is wrong with a refusal, or [] (one expect per file: vitest's expect is slow in a loop). */
function refusalFaults(message: string, details: readonly string[]): string[] {
  const faults: string[] = [];
  if (!CHINESE.test(message)) faults.push(`not Chinese: ${message}`);
  if (message.length > MAX_MESSAGE) faults.push(`message of ${message.length} characters`);
  if (details.length > 21) faults.push(`${details.length} lines`);
  for (const line of [message, ...details]) {
    if (LEAKED.test(unquoted(line))) faults.push(`leaked: ${line}`);
    for (const word of latinWords(line)) if (!ALLOWED_WORDS.has(word)) faults.push(`${word} in ${line}`);
  }
  for (const line of details) {
    if (!/^「.+」|^……另有/.test(line)) faults.push(`unlabelled: ${line}`);
    if (line.length > MAX_DETAIL) faults.push(`line of ${line.length} characters`);
  }
  return faults;
}

const FIXED_SAVED_AT = new Date('2022-01-15T08:30:00.000Z');
/** A PDF layout takes ~60 ms: the first distinct accepted reports are laid out, not all of them. */
const MAX_LAYOUTS = 60;

/** Reports already checked (many accepted files hold the same report: re-encoded, hash fixed …). */
const checked = new Set<string>();

/** An accepted report works everywhere a report goes. */
async function checkUsable(report: Report) {
  // Saved again: into a file that opens as the same report, and into the browser's store.
  const saved = await serializeDraft(report, { now: FIXED_SAVED_AT });
  if (checked.has(saved.canonical)) return;
  checked.add(saved.canonical);
  const again = await openDraftFile(saved.bytes, 'again.nianbao.json');
  expect(again.ok && again.hashStatus).toBe('verified');
  expect(again.ok && canonicalJson(again.report)).toBe(saved.canonical);
  expect(canonicalJson(storableReport(report, report.id))).toBe(saved.canonical);
  expect(Number.isFinite(contentFacts(report).size)).toBe(true);
  // Summed: the 汇总 of it alone is itself a valid report, and its CSV holds only finite numbers.
  const sum = sumUnits([report]);
  expect(beyondLimits(sum)).toBeNull();
  expect(checkedReport(sum).ok).toBe(true);
  const csv = unitsToCsv([readyUnit({ key: 'k', origin: 'file', name: 'f' }, report)], { total: sum });
  expect(csv).not.toMatch(/Infinity|NaN/);
  // Shown: every number finite, every finding worded, tables and 同比 computable.
  const faults: string[] = [];
  for (const id of CELL_IDS) {
    const v = report.cells[id];
    if (v !== null && !Number.isFinite(v)) faults.push(`${id} = ${v}`);
  }
  // Messages quote typed text («填写的“Infinity”»); what they say themselves holds no such word.
  for (const finding of evaluate(report))
    if (/Infinity|NaN|undefined/.test(finding.message.replace(/“[^”]*”/g, ''))) faults.push(finding.message);
  for (const row of cellChanges(report)) {
    for (const n of [row.change, row.changeRatio])
      if (n !== null && !Number.isFinite(n)) faults.push(row.label);
  }
  if (/Infinity|NaN/.test(reportToTsv(report, { headers: true }))) faults.push('tables');
  expect(faults).toEqual([]);
  if (checked.size <= MAX_LAYOUTS) {
    const { pages } = prepareDocument(report, {
      fonts: bundledFonts(),
      fingerprint: 'fuzz',
      savedAt: FIXED_SAVED_AT,
      missingGlyphs: 'mark',
    });
    expect(pages.length).toBeGreaterThan(0);
  }
}

describe('fuzz: importDraftFile', () => {
  it(`${RUNS} odd files (seed ${SEED}): no exception or hang, short Chinese refusals, accepted files usable everywhere`, async () => {
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
          expect(unquoted(result.message)).not.toMatch(LEAKED);
          if (result.status === 'rejected') {
            expect(store.get).not.toHaveBeenCalled();
            expect(store.put).not.toHaveBeenCalled();
            expect(refusalFaults(result.message, result.details)).toEqual([]);
          } else if (result.status === 'opened') {
            expect(store.put.mock.calls.length).toBeLessThanOrEqual(1);
            for (const [stored] of store.put.mock.calls)
              expect(reportSchema().safeParse(stored).success).toBe(true);
            for (const warning of result.warnings) expect(warning).toMatch(CHINESE);
            await checkUsable(result.report);
          } else {
            expect(store.put).not.toHaveBeenCalled();
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, timeout: 10_000 },
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (process.env.FUZZ_REPORT)
      console.log(Object.fromEntries([...counts].sort()), checked.size, 'distinct');
    // The fuzz really reached every outcome, not only the first check.
    for (const outcome of [
      'rejected:encoding',
      'rejected:not-json',
      'rejected:not-ours',
      'rejected:invalid',
      'rejected:newer',
      'rejected:too-large',
      'opened:added',
      'opened:overwritten',
      'opened:copied',
      'cancelled',
    ]) {
      expect(counts.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
  }, 600_000);
});
