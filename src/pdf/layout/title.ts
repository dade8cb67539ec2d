/**
 * The report title, centred in the title face. A long title is broken into as few lines as needed and
 * then balanced (lines of similar length, as GB/T 9704 asks: 排列对称), preferring a break right after
 * the agency name so that no word is torn apart.
 */
import type { FontFaces } from '../fonts.ts';
import type { StyledRun } from '../text/atoms.ts';
import type { BrokenLine } from '../text/break-lines.ts';
import { breakRuns } from './lines.ts';
import { STYLE } from './page.ts';

export function titleLines(agency: string, rest: string, faces: FontFaces, width: number): BrokenLine[] {
  const run = (text: string): StyledRun => ({ text, style: STYLE.title });
  const whole = breakRuns([run(agency + rest)], faces, width);
  if (whole.length === 1) return whole;
  // Two lines that break after the agency name, when both fit.
  const [first, ...others] = [breakRuns([run(agency)], faces, width), breakRuns([run(rest)], faces, width)];
  if (whole.length === 2 && first!.length === 1 && others[0]!.length === 1) {
    return [first![0]!, others[0]![0]!].map((line) => ({ ...line, last: true, available: width }));
  }
  // Otherwise narrow the measure as long as the line count stays the same.
  let best = whole;
  for (let narrower = width - 1; narrower > width / 2; narrower -= 1) {
    const lines = breakRuns([run(agency + rest)], faces, narrower);
    if (lines.length > whole.length) break;
    best = lines;
  }
  return best.map((line) => ({ ...line, last: true, available: width }));
}
