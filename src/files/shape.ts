/**
 * A look at a file's text before it is parsed: no object of a draft has more than a few hundred
 * members (the cells: 200), no list more than MAX_MEMBERS items, and nothing nests more than a few
 * levels. A file far beyond that (300 000 extra keys, 5 000 nested brackets) is refused here in one
 * linear pass, instead of making JSON.parse, the __proto__ scan and the schema each walk it (seconds
 * on an old office PC), and the refusal names where, how many and the first few keys.
 *
 * Lenient on purpose: it only counts brackets, commas and the strings that are keys; whether the
 * text is JSON at all is JSON.parse's to say afterwards.
 */
import { shownKey } from './labels.ts';

/** Far more members than any object or list of a draft has. */
export const MAX_MEMBERS = 2000;
/** A draft nests 5 levels (envelope → report → lastYear → cells → value). */
export const MAX_DEPTH = 32;
const KEYS_SHOWN = 5;
/** Characters of a key read to show it (a 4 MB key is shown by its start). */
const KEY_PREFIX = 200;

export interface ShapeProblem {
  kind: 'members' | 'depth';
  /** Where: keys of the enclosing objects, indexes of the enclosing lists. */
  path: (string | number)[];
  /** Members seen when the scan stopped (at least MAX_MEMBERS + 1). */
  count: number;
  /** The first keys of that object, shown shortened and quoted. */
  firstKeys: string[];
}

interface Frame {
  object: boolean;
  /** Commas seen at this level: members so far, minus one. */
  commas: number;
  /** Where the key of the member being read starts and ends in the text (objects): decoded only
   *  when a message needs it. */
  keyStart: number;
  keyEnd: number;
  firstKeys: string[];
  /** A string here would be a key: just after «{» or a «,» in an object. */
  expectKey: boolean;
}

/** The end of the string starting at `start` (after its closing quote), or -1 when it does not end. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i++;
  }
  return -1;
}

function keyText(text: string, start: number, end: number): string {
  if (end <= start) return '';
  const raw = text.slice(start + 1, Math.min(end - 1, start + 1 + KEY_PREFIX));
  try {
    return JSON.parse(`"${raw.replace(/\\$/, '')}"`) as string;
  } catch {
    return raw;
  }
}

export function shapeProblem(text: string): ShapeProblem | null {
  const stack: Frame[] = [];
  /** The path to the innermost frame: per enclosing frame, the key or index being read in it. */
  const pathToTop = () =>
    stack.slice(0, -1).map((f) => (f.object ? keyText(text, f.keyStart, f.keyEnd) : f.commas));
  /** The first object or list found too large: counted on to its end, for the message. */
  let big: { frame: Frame; depth: number; path: (string | number)[] } | null = null;
  const bigProblem = (): ShapeProblem | null =>
    big && {
      kind: 'members',
      path: big.path,
      count: big.frame.commas + 1,
      firstKeys: big.frame.firstKeys,
    };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      if (top?.object && top.expectKey) {
        top.keyStart = i;
        top.keyEnd = end;
        if (top.firstKeys.length < KEYS_SHOWN) top.firstKeys.push(shownKey(keyText(text, i, end)));
        top.expectKey = false;
      }
      i = end - 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({
        object: c === 0x7b,
        commas: 0,
        keyStart: i,
        keyEnd: i,
        firstKeys: [],
        expectKey: c === 0x7b,
      });
      if (stack.length > MAX_DEPTH)
        return bigProblem() ?? { kind: 'depth', path: pathToTop(), count: stack.length, firstKeys: [] };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (big && stack.length === big.depth) return bigProblem();
      stack.pop();
    } else if (c === 0x2c /* , */ && top) {
      top.commas++;
      top.expectKey = top.object;
      if (!big && top.commas >= MAX_MEMBERS) big = { frame: top, depth: stack.length, path: pathToTop() };
    }
  }
  return bigProblem();
}
