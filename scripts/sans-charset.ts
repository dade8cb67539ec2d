/**
 * Writes src/pdf/fonts/charset/sans-used.txt: every character the PDF draws in the 黑体 role (see
 * tests/pdf/sans-texts.ts), for scripts/make-fonts.py to subset the sans font to. Run it with the
 * full sans font in place after changing a heading or a label drawn in sans, then make-fonts.py:
 *   node --import tsx scripts/sans-charset.ts && /usr/bin/python3 scripts/make-fonts.py
 * (tests/pdf/sans-coverage.test.ts fails until both have run).
 */
import { writeFileSync } from 'node:fs';
import { bundledFonts } from '../tests/pdf/fixtures.ts';
import { sansCharacters, sansReports } from '../tests/pdf/sans-texts.ts';

const chars = new Set<string>();
for (const report of sansReports())
  for (const char of sansCharacters(report, bundledFonts())) chars.add(char);
const text = [...chars]
  .filter((c) => c.codePointAt(0)! > 0x7e) // ASCII is always kept
  .sort()
  .join('');
const out = new URL('../src/pdf/fonts/charset/sans-used.txt', import.meta.url);
writeFileSync(out, `${text}\n`);
console.log(`${chars.size} characters drawn in sans, ${[...text].length} beyond ASCII → ${out.pathname}`);
