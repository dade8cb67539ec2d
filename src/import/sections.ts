/**
 * The source cut at the six section headings (一、总体情况 … 六、其他需要报告的事项), found in order.
 * A heading is recognised in the 2021 wording, in the 2019 trial wording (format-2019.ts), or
 * loosely (a small difference, a unit added after it); what is before the first heading is the
 * title and preamble. Lines of table rows never count as headings (「四、结转下年度继续办理」).
 */
import { dice } from '../report/similarity.ts';
import { SECTIONS, type SectionDef } from '../report/template.ts';
import { HEADINGS_2019 } from './format-2019.ts';
import { normaliseLabel } from './normalise.ts';
import type { SourceLine } from './source.ts';

export type HeadingWording = '2021' | '2019' | 'loose';

export interface HeadingFound {
  section: SectionDef;
  line: SourceLine;
  wording: HeadingWording;
}

export interface SectionSplit {
  /** Lines before the first heading found: title and preamble. */
  head: SourceLine[];
  /** In the order of SECTIONS; null where the heading was not found. */
  headings: (HeadingFound | null)[];
  /** The lines under each heading up to the next heading found; empty where not found. */
  bodies: SourceLine[][];
}

const NUMERAL = /^([一二三四五六])[、.]?/;
/** Headings are short; a longer line starting 「一、」 is running text. */
const MAX_EXTRA_CHARS = 10;
const LOOSE_SIMILARITY = 0.75;

const bodyOf = (heading: string) => normaliseLabel(heading).replace(NUMERAL, '');

const WORDINGS = SECTIONS.map((section) => ({
  section,
  body2021: bodyOf(section.heading),
  body2019: HEADINGS_2019[section.no] ? bodyOf(HEADINGS_2019[section.no]!) : null,
}));

/** A line longer than this is running text, whatever it starts with. */
const MAX_HEADING_LINE = 80;

/** The line as headings are compared (null: it cannot be one), computed once per line. */
function headingText(line: SourceLine): string | null {
  if (line.text.trim().length > MAX_HEADING_LINE || line.text.replace(/^\t/, '').includes('\t')) return null;
  return normaliseLabel(line.text);
}

function headingWording(text: string | null, index: number): HeadingWording | null {
  if (text === null) return null;
  const numeral = NUMERAL.exec(text)?.[1];
  const { section, body2021, body2019 } = WORDINGS[index]!;
  if (numeral && numeral !== section.no) return null;
  const body = text.replace(NUMERAL, '');
  if (body === body2021) return '2021';
  if (body === body2019) return '2019';
  if (!numeral) return null;
  for (const known of [body2021, body2019]) {
    if (!known || body.length > known.length + MAX_EXTRA_CHARS) continue;
    if (body.startsWith(known) || dice(body, known) >= LOOSE_SIMILARITY) return 'loose';
  }
  return null;
}

export function splitSections(lines: readonly SourceLine[]): SectionSplit {
  const headings: (HeadingFound | null)[] = SECTIONS.map(() => null);
  const at: number[] = [];
  let from = 0;
  const texts: (string | null | undefined)[] = [];
  const textAt = (i: number) => {
    if (texts[i] === undefined) texts[i] = headingText(lines[i]!);
    return texts[i]!;
  };
  SECTIONS.forEach((section, index) => {
    for (let i = from; i < lines.length; i++) {
      const wording = headingWording(textAt(i), index);
      if (!wording) continue;
      headings[index] = { section, line: lines[i]!, wording };
      at[index] = i;
      from = i + 1;
      return;
    }
  });
  const found = at.map((i, index) => ({ i, index })).filter((x) => x.i !== undefined);
  const bodies = SECTIONS.map((_, index) => {
    const start = at[index];
    if (start === undefined) return [];
    const next = found.find((x) => x.i > start)?.i ?? lines.length;
    return lines.slice(start + 1, next);
  });
  // Without any heading, the front ends where the first table starts (a paste of the tables alone).
  const firstTable = lines.findIndex((l) => l.text.includes('\t'));
  const headEnd = found[0]?.i ?? (firstTable >= 0 ? firstTable : lines.length);
  return { head: lines.slice(0, headEnd), headings, bodies };
}

/**
 * The lines a table's reader should look at: under its heading, or, when that heading is missing,
 * everything between the headings found around it (shared with a neighbour; rows are told apart by
 * their labels).
 */
export function tableRegion(split: SectionSplit, lines: readonly SourceLine[], index: number): SourceLine[] {
  if (split.headings[index]) return split.bodies[index]!;
  const before = [...split.headings.slice(0, index)].reverse().find((h) => h !== null);
  const after = split.headings.slice(index + 1).find((h) => h !== null);
  const start = before ? before.line.no : 0; // line numbers are 1-based: this is the line after
  const end = after ? after.line.no - 1 : lines.length;
  return lines.slice(start, end);
}
