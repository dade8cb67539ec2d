// @vitest-environment node
/**
 * The importer's corpus (scripts/corpus/generate.ts): six reports, each as a web page, the browser's
 * copy of it, Word's TAB copy, the office's .docx, Chromium's PDF on A4 and narrow paper and the
 * three orders poppler copies each PDF's text in, and LibreOffice's PDF of the .docx with its header
 * rows repeated on every page (word.pdf, scripts/corpus/word-pdf.ts). Every input imports to exactly its published
 * numbers, or every cell that differs is flagged (不确定 / 未找到): never a silently wrong number.
 * Which inputs are exact today is pinned, so a change that loses exactness is seen.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusInputs, importCorpusInput } from '../../scripts/corpus/inputs.ts';
import { scoreCells } from '../../scripts/corpus/score.ts';

const NAMED = readdirSync(CORPUS_DIR).filter((d) => !d.startsWith('random-'));

/**
 * Inputs that cannot be exact, and why: zeros printed as blank leave no trace in text copied out of
 * a PDF (which cells are blank is unknown), and a browser drops a table row whose cells are all blank.
 */
const NOT_EXACT = new Set([
  'district-edu-2021 browser-copy.txt',
  ...['a4', 'narrow'].flatMap((paper) =>
    ['default', 'layout', 'raw'].map((order) => `district-edu-2021 ${paper}.${order}.txt`),
  ),
]);

describe('the corpus imports exactly, or flags every cell that differs', () => {
  it('has the six reports and every kind of input', () => {
    expect(NAMED).toHaveLength(6);
    for (const report of NAMED) expect(corpusInputs(join(CORPUS_DIR, report))).toHaveLength(13);
  });

  for (const report of NAMED) {
    it(report, async () => {
      for (const input of corpusInputs(join(CORPUS_DIR, report))) {
        const { result, expected } = await importCorpusInput(input);
        const name = `${report} ${input.kind}`;
        expect([name, result.ok]).toEqual([name, true]);
        if (!result.ok) continue;
        const score = scoreCells(result.report.cells, result.issues, expected.cells);
        expect([name, score.wrong]).toEqual([name, []]);
        expect([name, score.exact === 200]).toEqual([name, !NOT_EXACT.has(name)]);
        if (score.exact === 200) {
          expect(result.report.agency).toBe(expected.agency);
          expect(result.report.year).toBe(expected.year);
        }
      }
    });
  }
});
