/**
 * 内容雷同: a text section nearly identical to last year's. similarPassages finds the sentences of
 * this year's text that last year's report already said (numbers and years masked, so a sentence
 * copied with only the figures updated still counts), merged into passages; the rules turn that
 * into a 提示 when most of a section is such passages. Pure and DOM-free.
 */
import type { Report, TextSectionKey } from './document.ts';
import type { Rule } from './rules.ts';
import { SECTIONS } from './template.ts';

/** A sentence counts as repeated when this share of its character pairs recurs in one of last year's. */
export const SENTENCE_SIMILARITY = 0.85;
/** A section is 雷同 when repeated sentences make up this share of its text. */
export const SECTION_SIMILARITY = 0.8;
/** Shorter sentences («我厅高度重视。») repeat legitimately and are not compared. */
const MIN_SENTENCE_CHARS = 12;
/**
 * A section shorter than this (compared characters) is not called 雷同: a one-line 六 such as
 * «未收取信息处理费，无其他需报告的事项。» is rightly the same every year.
 */
export const MIN_SIMILAR_SECTION_CHARS = 40;

export interface TextSpan {
  /** Offsets into the text as given (start inclusive, end exclusive). */
  start: number;
  end: number;
  text: string;
}

export interface SimilarPassage {
  thisYear: TextSpan;
  lastYear: TextSpan;
  /** 0…1, the lowest sentence similarity inside the passage. */
  similarity: number;
}

export interface SectionSimilarity {
  /** Share (0…1) of this year's comparable text that repeats last year's. */
  readonly ratio: number;
  /** Characters of this year's text that were compared (sentences long enough, no punctuation). */
  readonly comparedChars: number;
  readonly passages: readonly SimilarPassage[];
}

/** Character pairs of a string, as a multiset. */
export function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function sizeOf(grams: Map<string, number>): number {
  let n = 0;
  for (const count of grams.values()) n += count;
  return n;
}

/** Dice coefficient over character pairs: 1 for equal strings, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  const total = sizeOf(ga) + sizeOf(gb);
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, count] of ga) shared += Math.min(count, gb.get(gram) ?? 0);
  return (2 * shared) / total;
}

interface Sentence extends TextSpan {
  /** What is compared: no spaces or punctuation, every run of digits as one «#». */
  key: string;
}

const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;]*/g;

/** Keys of sentences seen lately: while a clerk types, every other sentence of the section is unchanged. */
const REMEMBERED_KEYS = 5000;
const keys = new Map<string, string>();

function keyOf(sentence: string): string {
  let key = keys.get(sentence);
  if (key === undefined) {
    key = sentence
      .normalize('NFKC')
      .replace(/\d+(\.\d+)?/g, '#')
      .replace(/[\s\p{P}]/gu, '');
    if (keys.size >= REMEMBERED_KEYS) keys.clear();
    keys.set(sentence, key);
  }
  return key;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    const start = match.index;
    const key = keyOf(match[0]);
    if (key.length >= MIN_SENTENCE_CHARS)
      out.push({ start, end: start + match[0].length, text: match[0], key });
  }
  return out;
}

interface Match {
  /** Index into last year's sentences, -1 for none. */
  index: number;
  similarity: number;
}

/**
 * Last year's text, prepared once: its sentences, their character pairs and an index from pair to
 * sentence. It also remembers the best match of every sentence key asked about and the last whole
 * comparison, so re-checking after a keystroke elsewhere costs a lookup, and after a keystroke in
 * the section only the sentence typed in is compared again.
 */
interface LastYearText {
  sentences: Sentence[];
  grams: Map<string, number>[];
  sizes: number[];
  postings: Map<string, number[]>;
  matches: Map<string, Match>;
  last: { thisYear: string; result: SectionSimilarity } | null;
}

/** Texts prepared, most recently used last: a few reports × three sections. */
const PREPARED_TEXTS = 12;
/** Sentence matches remembered per last-year text before the memo starts afresh. */
const REMEMBERED_MATCHES = 5000;
const prepared = new Map<string, LastYearText>();

function prepare(lastYear: string): LastYearText {
  const known = prepared.get(lastYear);
  if (known) {
    prepared.delete(lastYear);
    prepared.set(lastYear, known);
    return known;
  }
  const sentenceList = sentences(lastYear);
  const grams = sentenceList.map((s) => bigrams(s.key));
  const postings = new Map<string, number[]>();
  grams.forEach((sentenceGrams, i) => {
    for (const gram of sentenceGrams.keys()) {
      const list = postings.get(gram);
      if (list) list.push(i);
      else postings.set(gram, [i]);
    }
  });
  const text: LastYearText = {
    sentences: sentenceList,
    grams,
    sizes: grams.map(sizeOf),
    postings,
    matches: new Map(),
    last: null,
  };
  prepared.set(lastYear, text);
  if (prepared.size > PREPARED_TEXTS) prepared.delete(prepared.keys().next().value!);
  return text;
}

/** Best match in last year's sentences for one of this year's, through the index of character pairs. */
function bestMatch(last: LastYearText, key: string): Match {
  const known = last.matches.get(key);
  if (known) return known;
  const grams = bigrams(key);
  const size = sizeOf(grams);
  const shared = new Map<number, number>();
  for (const [gram, count] of grams) {
    for (const i of last.postings.get(gram) ?? []) {
      shared.set(i, (shared.get(i) ?? 0) + Math.min(count, last.grams[i]!.get(gram)!));
    }
  }
  let best: Match = { index: -1, similarity: 0 };
  for (const [i, n] of shared) {
    const similarity = (2 * n) / (size + last.sizes[i]!);
    if (similarity > best.similarity) best = { index: i, similarity };
  }
  if (last.matches.size >= REMEMBERED_MATCHES) last.matches.clear();
  last.matches.set(key, best);
  return best;
}

/**
 * The passages of this year's text that repeat last year's: runs of consecutive repeated sentences,
 * each with the stretch of last year's text it repeats. Empty when nothing repeats.
 */
export function similarPassages(thisYear: string, lastYear: string): readonly SimilarPassage[] {
  return compareTexts(thisYear, lastYear).passages;
}

/**
 * How much of this year's text repeats last year's, and where. Remembered: the same two texts give
 * the same (shared, read-only) result without comparing again.
 */
export function compareTexts(thisYear: string, lastYear: string): SectionSimilarity {
  const last = prepare(lastYear);
  if (last.last?.thisYear === thisYear) return last.last.result;
  const result = compareWith(thisYear, lastYear, last);
  last.last = { thisYear, result };
  return result;
}

function compareWith(thisYear: string, lastYear: string, prepared: LastYearText): SectionSimilarity {
  const now = sentences(thisYear);
  const last = prepared.sentences;
  if (now.length === 0 || last.length === 0) return { ratio: 0, comparedChars: 0, passages: [] };
  const matches = now.map((s) => bestMatch(prepared, s.key));
  const passages: SimilarPassage[] = [];
  let repeated = 0;
  let open: { from: number; to: number; lastFrom: number; lastTo: number; similarity: number } | null = null;
  const close = () => {
    if (!open) return;
    const a = now[open.from]!;
    const b = now[open.to]!;
    const c = last[open.lastFrom]!;
    const d = last[open.lastTo]!;
    passages.push({
      thisYear: { start: a.start, end: b.end, text: thisYear.slice(a.start, b.end) },
      lastYear: { start: c.start, end: d.end, text: lastYear.slice(c.start, d.end) },
      similarity: Math.round(open.similarity * 1000) / 1000,
    });
    open = null;
  };
  matches.forEach((match, i) => {
    if (match.similarity < SENTENCE_SIMILARITY) {
      close();
      return;
    }
    repeated += now[i]!.key.length;
    // A passage continues while last year's matching sentences also follow one another.
    if (open && open.to === i - 1 && match.index === open.lastTo + 1) {
      open.to = i;
      open.lastTo = match.index;
      open.similarity = Math.min(open.similarity, match.similarity);
      return;
    }
    close();
    open = { from: i, to: i, lastFrom: match.index, lastTo: match.index, similarity: match.similarity };
  });
  close();
  const total = now.reduce((sum, s) => sum + s.key.length, 0);
  return { ratio: total ? repeated / total : 0, comparedChars: total, passages };
}

const QUOTE_CHARS = 40;
const quote = (text: string) => {
  const flat = text.replace(/\s+/g, '');
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}…` : flat;
};

/** Whether a comparison makes the section 雷同 (the TEXT-SIMILAR 提示 and the year-on-year view agree). */
export function isSimilarSection(s: SectionSimilarity): boolean {
  return (
    s.ratio >= SECTION_SIMILARITY && s.passages.length > 0 && s.comparedChars >= MIN_SIMILAR_SECTION_CHARS
  );
}

/** The 提示 for one section, or null: 「五、… 与 2020 年报告 92% 相同（内容雷同）…」. */
export function similarityMessage(
  heading: string,
  thisYear: string,
  lastYear: string,
  lastYearNumber: number,
): string | null {
  const { ratio, comparedChars, passages } = compareTexts(thisYear, lastYear);
  if (!isSimilarSection({ ratio, comparedChars, passages })) return null;
  const longest = [...passages].sort(
    (a, b) => b.thisYear.end - b.thisYear.start - (a.thisYear.end - a.thisYear.start),
  )[0]!;
  return (
    `${heading} 与 ${lastYearNumber} 年报告的同一部分 ${Math.round(ratio * 100)}% 相同（内容雷同），` +
    `共 ${passages.length} 段相同，如“${quote(longest.thisYear.text)}”。请按本年度实际情况重写`
  );
}

/** One 提示 rule per text section, shaped like the rules of rules.ts (id TEXT-SIMILAR). */
export const SIMILARITY_RULES: readonly Rule[] = SECTIONS.flatMap((section) =>
  section.kind === 'text'
    ? [
        {
          id: 'TEXT-SIMILAR',
          severity: '提示',
          table: null,
          cells: [],
          fields: [section.key],
          check(report: Report) {
            const last = report.lastYear?.sections[section.key as TextSectionKey];
            const now = report.sections[section.key as TextSectionKey];
            // Still 需更新 (TEXT-STALE): that finding already says it is last year's text.
            if (!last || !now.trim() || report.staleSections.includes(section.key as TextSectionKey))
              return null;
            return similarityMessage(section.heading, now, last, report.lastYear!.year);
          },
        } satisfies Rule,
      ]
    : [],
);
