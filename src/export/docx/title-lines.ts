/**
 * The title's lines as the PDF sets them (src/pdf/layout/title.ts, GB/T 9704: words kept whole, lines
 * balanced — 「自治区科技厅」/「2021年政府信息公开工作年度报告」, not a lone 「报告」 on the second line).
 * Word lays out with the office's fonts, which this side does not have: widths are those of a
 * 方正小标宋 title, every Chinese character one em, Latin letters and digits half of one.
 */
import type { FontFace, FontFaces } from '../../pdf/fonts.ts';
import { TEXT_WIDTH } from '../../pdf/layout/page.ts';
import { titleLines } from '../../pdf/layout/title.ts';
import { reportTitle } from '../../report/template.ts';

/** Below the CJK blocks (Latin, digits, spaces) and the half-width forms: half an em. */
const halfWidth = (code: number) => code < 0x2e80 || (code >= 0xff61 && code <= 0xffdc);

const emWidth = (text: string) => {
  let width = 0;
  for (const char of text) width += halfWidth(char.codePointAt(0)!) ? 0.5 : 1;
  return width;
};

const estimated = (role: FontFace['role']): FontFace => ({
  role,
  font: undefined as never,
  width: emWidth,
  glyphCount: (text) => Array.from(text).length,
  hasCodePoint: () => true,
  ideographMiddle: 0.38,
});

const FACES: FontFaces = { serif: estimated('serif'), sans: estimated('sans') };
/** A little under the text width: Word's real widths may run a hair wider than the estimate. */
const SAFETY = 4;

/** The title as lines (one line when it fits). */
export function wordTitleLines(agency: string, year: number | null): string[] {
  const lines = titleLines(agency, reportTitle('', year), FACES, TEXT_WIDTH - SAFETY);
  return lines.map((line) =>
    line.atoms
      .map((atom) => atom.text)
      .join('')
      .trim(),
  );
}
