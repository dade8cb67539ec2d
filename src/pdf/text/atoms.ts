/**
 * Splits styled text into atoms: the pieces a line may not break inside. A run of Latin letters and
 * digits (with the dots, hyphens, slashes … inside numbers, addresses and URLs) is one atom; so is
 * —— and ……; a run of spaces is one (collapsible) atom; every other character is an atom of its own.
 */
import type { FaceRole, FontFaces } from '../fonts.ts';

export interface TextStyle {
  face: FaceRole;
  size: number;
  /** Synthetic bold (fill + stroke): the 加粗 of office software for fonts without a bold face. */
  bold?: boolean;
}

export interface StyledRun {
  text: string;
  style: TextStyle;
}

export interface Atom {
  text: string;
  style: TextStyle;
  /** Points. */
  width: number;
  glyphs: number;
  /** Spaces: a break opportunity, dropped at the start and end of a line. */
  space: boolean;
}

const ALNUM = 'A-Za-z0-9\\u00C0-\\u024F\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const ATOM = new RegExp(
  [
    '(?<space>[ \\u3000]+)',
    '—{2,}|…+|⋯+',
    `[${ALNUM}]+(?:[.\\-/@_:+&,'·~#=?]+[${ALNUM}]+)*[%‰]?`,
    '[\\s\\S]\\p{M}*',
  ].join('|'),
  'guy',
);

export function atomsOf(runs: readonly StyledRun[], faces: FontFaces, maxWidth = Infinity): Atom[] {
  const atoms: Atom[] = [];
  for (const { text, style } of runs) {
    const face = faces[style.face];
    const measure = (piece: string, space: boolean): Atom => ({
      text: piece,
      style,
      width: face.width(piece) * style.size,
      glyphs: face.glyphCount(piece),
      space,
    });
    ATOM.lastIndex = 0;
    for (const match of text.matchAll(ATOM)) {
      const atom = measure(match[0], match.groups?.space !== undefined);
      if (atom.width > maxWidth && !atom.space && Array.from(atom.text).length > 1) {
        // Wider than the line (a long URL): the only honest choice is to break it anywhere.
        for (const char of atom.text.match(/[\s\S]\p{M}*/gu) ?? []) atoms.push(measure(char, false));
      } else {
        atoms.push(atom);
      }
    }
  }
  return atoms;
}
