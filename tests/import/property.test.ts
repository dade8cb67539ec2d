// @vitest-environment node
/**
 * Properties of the importer over random valid reports (scripts/corpus/random-reports.ts, seeded,
 * rendered once by scripts/corpus/generate.ts into tests/import/corpus/random-*: rendering Chromium
 * for every case would be far too slow here):
 * - every way the report reaches a clerk (web page, its copies, .docx, PDF and the three orders its
 *   text is copied in) imports to its numbers, or flags every cell that differs;
 * - text damaged on the way (lines or numbers lost or doubled, lines joined or split, words put in)
 *   never gives a silently wrong number. Damage that swaps two numbers is not tried: the text would
 *   then say other numbers, and where the format has no check (表二) nothing could tell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusInputs, type Expected, importCorpusInput } from '../../scripts/corpus/inputs.ts';
import { RANDOM_REPORTS } from '../../scripts/corpus/random-reports.ts';
import { scoreCells } from '../../scripts/corpus/score.ts';
import { importReport } from '../../src/import/import-report.ts';

const RANDOM = readdirSync(CORPUS_DIR).filter((d) => d.startsWith('random-'));
const TEXT_KINDS = [
  'browser-copy.txt',
  'word-copy.txt',
  'a4.default.txt',
  'a4.layout.txt',
  'a4.raw.txt',
  'narrow.default.txt',
  'narrow.layout.txt',
  'narrow.raw.txt',
];

describe('random valid reports, rendered and copied every way', () => {
  it('are all in the corpus', () => expect(RANDOM).toHaveLength(RANDOM_REPORTS));

  for (const report of RANDOM) {
    it(`${report}: numbers back, or flagged`, async () => {
      for (const input of corpusInputs(join(CORPUS_DIR, report))) {
        const { result, expected } = await importCorpusInput(input);
        const name = `${report} ${input.kind}`;
        expect([name, result.ok]).toEqual([name, true]);
        if (result.ok)
          expect([name, scoreCells(result.report.cells, result.issues, expected.cells).wrong]).toEqual([
            name,
            [],
          ]);
      }
    });
  }
});

type Damage =
  | { kind: 'delete-line' | 'duplicate-line' | 'join-lines' | 'split-line' | 'delete-token'; at: number }
  | { kind: 'insert-words'; at: number; words: string };

/** The text with one damage applied (positions taken modulo what there is). */
function damaged(text: string, damage: Damage): string {
  const lines = text.split('\n');
  const i = damage.at % lines.length;
  const line = lines[i]!;
  switch (damage.kind) {
    case 'delete-line':
      lines.splice(i, 1);
      break;
    case 'duplicate-line':
      lines.splice(i, 0, line);
      break;
    case 'join-lines':
      if (i + 1 < lines.length) lines.splice(i, 2, `${line}${lines[i + 1]}`);
      break;
    case 'split-line': {
      const cut = line.search(/[ \t]/);
      if (cut > 0) lines.splice(i, 1, line.slice(0, cut), line.slice(cut + 1));
      break;
    }
    case 'delete-token': {
      const tokens = line.split(/([ \t]+)/);
      const words = tokens.filter((_, k) => k % 2 === 0);
      if (words.length > 1) {
        const k = (damage.at % words.length) * 2;
        tokens.splice(k, 2);
        lines[i] = tokens.join('');
      }
      break;
    }
    case 'insert-words':
      lines.splice(i, 0, damage.words);
      break;
  }
  return lines.join('\n');
}

const DAMAGE: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      'delete-line',
      'duplicate-line',
      'join-lines',
      'split-line',
      'delete-token' as const,
    ),
    at: fc.nat(),
  }) as fc.Arbitrary<Damage>,
  fc.record({
    kind: fc.constant('insert-words' as const),
    at: fc.nat(),
    words: fc.constantFrom('合计', '单位：件', '注：无', '（续表）', '自然人', '规章', '其他'),
  }),
);

describe('damaged copies never give a silently wrong number', () => {
  const sources = RANDOM.flatMap((report) => {
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, report, 'expected.json'), 'utf8')) as Expected;
    return TEXT_KINDS.map((kind) => ({
      name: `${report} ${kind}`,
      text: readFileSync(join(CORPUS_DIR, report, kind), 'utf8'),
      expected,
    }));
  });

  it('one to three damages anywhere in any copy', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: sources.length - 1 }),
        fc.array(DAMAGE, { minLength: 1, maxLength: 3 }),
        (n, damages) => {
          const source = sources[n]!;
          const text = damages.reduce(damaged, source.text);
          const result = importReport({ text });
          if (!result.ok) return;
          const wrong = scoreCells(result.report.cells, result.issues, source.expected.cells).wrong;
          expect([source.name, damages, wrong]).toEqual([source.name, damages, []]);
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });
});
