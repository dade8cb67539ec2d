/**
 * Prints the corpus table: for each kind of input, how many inputs import exactly, with flagged
 * cells only, or with a silently wrong number (must be 0); and the cells of each.
 * Usage: node --import tsx scripts/corpus/print-scores.ts [--cells]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusInputs, importCorpusInput } from './inputs.ts';
import { scoreCells } from './score.ts';

const perKind = new Map<
  string,
  { exact: number; flagged: number; wrong: number; cells: [number, number, number] }
>();
const details: string[] = [];
for (const report of readdirSync(CORPUS_DIR).sort()) {
  for (const input of corpusInputs(join(CORPUS_DIR, report))) {
    const { result, expected } = await importCorpusInput(input);
    const row = perKind.get(input.kind) ?? { exact: 0, flagged: 0, wrong: 0, cells: [0, 0, 0] };
    perKind.set(input.kind, row);
    if (!result.ok) {
      row.flagged++;
      details.push(`${report} ${input.kind}: refused: ${result.message}`);
      continue;
    }
    const score = scoreCells(result.report.cells, result.issues, expected.cells);
    row.cells[0] += score.exact;
    row.cells[1] += score.flagged;
    row.cells[2] += score.wrong.length;
    if (score.wrong.length) row.wrong++;
    else if (score.flagged) row.flagged++;
    else row.exact++;
    if (score.wrong.length || score.flagged)
      details.push(
        `${report} ${input.kind}: flagged ${score.flagged}, wrong ${score.wrong.length} ${score.wrong.slice(0, 8).join(' ')}`,
      );
  }
}
console.log('kind | inputs exact / flagged / silently wrong | cells exact / flagged / silently wrong');
for (const [kind, r] of perKind)
  console.log(`${kind} | ${r.exact} / ${r.flagged} / ${r.wrong} | ${r.cells.join(' / ')}`);
if (process.argv.includes('--cells')) console.log(details.join('\n'));
