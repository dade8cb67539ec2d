/**
 * Broken lines → text operations: consecutive atoms of one style become one text op; a full line is
 * justified by spreading its slack over the gaps between glyphs (character spacing), as Chinese
 * typesetting does, so the right edge of the text block is straight.
 */
import type { FontFaces } from '../fonts.ts';
import { type Atom, atomsOf, type StyledRun } from '../text/atoms.ts';
import { type BrokenLine, breakLines } from '../text/break-lines.ts';
import type { TextOp } from './model.ts';

export type Align = 'justify' | 'left' | 'center' | 'right';

/** A line that would need more than this share of its width as extra spacing stays ragged. */
const MAX_JUSTIFY_SLACK = 0.2;

export function breakRuns(
  runs: readonly StyledRun[],
  faces: FontFaces,
  width: number,
  firstLineIndent = 0,
): BrokenLine[] {
  const atoms = atomsOf(runs, faces, width - firstLineIndent);
  return breakLines(atoms, (i) => (i === 0 ? width - firstLineIndent : width));
}

function charSpacingOf(line: BrokenLine, align: Align): number {
  if (align !== 'justify' || line.last || line.glyphs < 2) return 0;
  const slack = line.available - line.width;
  if (slack <= 0 || slack > line.available * MAX_JUSTIFY_SLACK) return 0;
  return slack / (line.glyphs - 1);
}

function sameStyle(a: Atom, b: Atom): boolean {
  return a.style.face === b.style.face && a.style.size === b.style.size && a.style.bold === b.style.bold;
}

/** Text ops of one line whose box starts at x (the line's own indent already in `available`). */
export function lineOps(line: BrokenLine, x: number, baseline: number, align: Align): TextOp[] {
  const spacing = charSpacingOf(line, align);
  let cursor = x;
  if (align === 'center') cursor += (line.available - line.width) / 2;
  if (align === 'right') cursor += line.available - line.width;
  const ops: TextOp[] = [];
  let start = 0;
  for (let i = 1; i <= line.atoms.length; i++) {
    const first = line.atoms[start]!;
    if (i < line.atoms.length && sameStyle(first, line.atoms[i]!)) continue;
    const atoms = line.atoms.slice(start, i);
    const text = atoms.map((a) => a.text).join('');
    ops.push({
      kind: 'text',
      x: cursor,
      y: baseline,
      text,
      face: first.style.face,
      size: first.style.size,
      ...(first.style.bold ? { bold: true } : {}),
      ...(spacing ? { charSpacing: spacing } : {}),
    });
    for (const atom of atoms) cursor += atom.width + atom.glyphs * spacing;
    start = i;
  }
  return ops;
}

/** Baseline that centres the ideograph box of `size` on the middle of a line box. */
export function baselineIn(top: number, height: number, size: number, ideographMiddle: number): number {
  return top + height / 2 + ideographMiddle * size;
}

/** One unbroken line (labels, page furniture) measured against `available` for alignment. */
export function singleLine(runs: readonly StyledRun[], faces: FontFaces, available: number): BrokenLine {
  const atoms = atomsOf(runs, faces);
  let width = 0;
  let glyphs = 0;
  for (const atom of atoms) {
    width += atom.width;
    glyphs += atom.glyphs;
  }
  return { atoms, width, glyphs, available, last: true };
}
