/**
 * Which row of the template a run of label text names. The text is everything written since the
 * previous row's numbers (headers, group headings, the row's own label, maybe broken over lines),
 * so the row is the official label that ends latest in it. A label written a little differently
 * (a typo, a PDF line break through it) is matched loosely and marked as such: the clerk confirms.
 */
import { dice } from '../report/similarity.ts';
import type { RowTarget } from './template-labels.ts';

export interface LabelMatch {
  target: RowTarget;
  /** Normalised text before and after the label found (headers before, stray text after). */
  before: string;
  after: string;
  /** Matched by resemblance, not by one of the label's forms. */
  loose: boolean;
}

/** Resemblance needed for a loose match. */
const LOOSE_SIMILARITY = 0.72;
/** A label cut by a line break in a PDF: this share of it, at least this many characters, must be there. */
const CUT_SHARE = 0.6;
const CUT_MIN_CHARS = 6;

function exactMatch(text: string, targets: readonly RowTarget[]): LabelMatch | null {
  let best: { target: RowTarget; start: number; end: number } | null = null;
  for (const target of targets) {
    for (const key of target.keys) {
      const start = text.lastIndexOf(key);
      if (start < 0) continue;
      const end = start + key.length;
      const better =
        !best ||
        end > best.end ||
        (end === best.end && key.length > best.end - best.start) ||
        (end === best.end && key.length === best.end - best.start && target.row && !best.target.row);
      if (better) best = { target, start, end };
    }
  }
  if (!best) return null;
  return {
    target: best.target,
    before: text.slice(0, best.start),
    after: text.slice(best.end),
    loose: false,
  };
}

/** Longest start of `key` that ends `text` (a label whose end went elsewhere). */
function cutLength(text: string, key: string): number {
  for (let n = key.length - 1; n >= CUT_MIN_CHARS; n--) if (text.endsWith(key.slice(0, n))) return n;
  return 0;
}

function looseMatch(
  text: string,
  targets: readonly RowTarget[],
  expected: RowTarget | null,
): LabelMatch | null {
  let best: { target: RowTarget; score: number; length: number } | null = null;
  for (const target of targets) {
    if (!target.row) continue;
    const key = target.keys[0]!;
    const tail = text.slice(-key.length);
    const cut = cutLength(text, key);
    const score = Math.max(dice(key, tail), cut / key.length >= CUT_SHARE ? cut / key.length : 0);
    const length = Math.max(cut, tail.length);
    const better =
      !best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && target === expected);
    if (score >= LOOSE_SIMILARITY && better) best = { target, score, length };
  }
  if (!best) return null;
  return { target: best.target, before: text.slice(0, -best.length), after: '', loose: true };
}

/**
 * @param text normalised label text
 * @param candidates rows not yet read (loose matching only considers these)
 * @param expected the row that would come next in the official order, preferred on a tie
 */
export function matchLabel(
  text: string,
  targets: readonly RowTarget[],
  candidates: readonly RowTarget[],
  expected: RowTarget | null,
): LabelMatch | null {
  if (!text) return null;
  return exactMatch(text, targets) ?? looseMatch(text, candidates, expected);
}
