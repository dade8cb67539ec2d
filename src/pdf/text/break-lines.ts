/**
 * Greedy line breaking with 禁则: a line is filled with as many atoms as fit; if the break would put a
 * closing mark at the start of the next line or an opening mark at the end of this one, earlier atoms
 * are pulled down to the next line instead (no hanging into the margin: every line stays inside the
 * text block and is justified). Only when nothing can be pulled down do closing marks hang.
 */
import type { Atom } from './atoms.ts';
import { mayNotEndLine, mayNotStartLine } from './kinsoku.ts';

export interface BrokenLine {
  atoms: Atom[];
  /** Natural width in points, spaces at the line end excluded. */
  width: number;
  /** Glyphs drawn (character spacing for justification applies between them). */
  glyphs: number;
  /** Available width for this line. */
  available: number;
  /** Last line of the paragraph: left-aligned, not justified. */
  last: boolean;
}

/** Rounding slack so that a line exactly as wide as the measure fits. */
const EPSILON = 0.01;

export function mayBreakBefore(atoms: readonly Atom[], k: number): boolean {
  const before = atoms[k - 1];
  const after = atoms[k];
  if (!before || !after) return true;
  if (after.space || before.space) return true;
  return !mayNotStartLine(after.text) && !mayNotEndLine(before.text);
}

function lineOf(atoms: Atom[], available: number, last: boolean): BrokenLine {
  let end = atoms.length;
  while (end > 0 && atoms[end - 1]!.space) end--;
  const kept = atoms.slice(0, end);
  let width = 0;
  let glyphs = 0;
  for (const atom of kept) {
    width += atom.width;
    glyphs += atom.glyphs;
  }
  return { atoms: kept, width, glyphs, available, last };
}

/** Breaks atoms into lines; `available(i)` is the width of line i (the first may be indented). */
export function breakLines(atoms: readonly Atom[], available: (line: number) => number): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let i = 0;
  while (i < atoms.length) {
    while (i < atoms.length && atoms[i]!.space) i++;
    if (i >= atoms.length) break;
    const width = available(lines.length);
    let used = 0;
    let j = i;
    while (j < atoms.length && (atoms[j]!.space || used + atoms[j]!.width <= width + EPSILON)) {
      used += atoms[j]!.width;
      j++;
    }
    // A single atom wider than the line (one character in a very narrow cell) still takes a line.
    if (j === i) j = i + 1;
    if (j >= atoms.length) {
      lines.push(lineOf(atoms.slice(i), width, true));
      break;
    }
    let k = j;
    while (k > i + 1 && !mayBreakBefore(atoms, k)) k--;
    if (!mayBreakBefore(atoms, k)) {
      // Nothing to pull down (the line would be empty): let the closing marks hang past the measure.
      k = j;
      while (k < atoms.length && !mayBreakBefore(atoms, k)) k++;
    }
    if (k >= atoms.length) {
      lines.push(lineOf(atoms.slice(i), width, true));
      break;
    }
    lines.push(lineOf(atoms.slice(i, k), width, false));
    i = k;
  }
  return lines;
}
