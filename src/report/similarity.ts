/**
 * 内容雷同: a text section nearly identical to last year's. similarPassages finds the sentences of
 * this year's text that last year's report already said (numbers and years masked, so a sentence
 * copied with only the figures updated still counts), merged into passages within a paragraph; the
 * rules turn that into a 提示 when most of a section is such passages. compareParagraphs lines the
 * two texts up paragraph by paragraph and says what changed inside each (the 同比 view). Pure and
 * DOM-free.
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
  /** Which paragraph (line) of its text it is in: a passage never runs on into the next one. */
  paragraph: number;
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
  let paragraph = 0;
  let counted = 0;
  for (const match of text.matchAll(SENTENCE)) {
    const start = match.index;
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) paragraph++;
    const key = keyOf(match[0]);
    if (key.length >= MIN_SENTENCE_CHARS)
      out.push({ start, end: start + match[0].length, text: match[0], key, paragraph });
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
    // A passage continues while last year's matching sentences also follow one another, both
    // within one paragraph: a section copied whole is as many passages as it has paragraphs.
    if (
      open &&
      open.to === i - 1 &&
      match.index === open.lastTo + 1 &&
      now[i]!.paragraph === now[i - 1]!.paragraph &&
      last[match.index]!.paragraph === last[open.lastTo]!.paragraph
    ) {
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

// ---------------------------------------------------------------- paragraph by paragraph (同比)

/** Two paragraphs are 「相近」 (the same paragraph, edited) from this wording similarity on. */
export const PARAGRAPH_SIMILARITY = 0.5;

/** One run of a paragraph's change from last year's: kept, new this year, or gone. */
export interface TextChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * How one paragraph of this year's text stands to last year's:
 * - `same`: word for word last year's;
 * - `numbers`: last year's with only figures (or punctuation and spacing) changed;
 * - `edited`: last year's paragraph, rewritten in part;
 * - `new`: like none of last year's.
 */
export type ParagraphStatus = 'same' | 'numbers' | 'edited' | 'new';

export interface ParagraphComparison {
  thisYear: TextSpan;
  /** The paragraph of last year's text it corresponds to; null for `new`. */
  lastYear: TextSpan | null;
  status: ParagraphStatus;
  /** Wording similarity, figures masked (0…1); 0 for `new`. */
  similarity: number;
  /** Last year's paragraph turned into this year's, run by run; empty for `new`. */
  changes: TextChange[];
}

export interface ParagraphsComparison {
  paragraphs: ParagraphComparison[];
  /** Last year's paragraphs that none of this year's corresponds to. */
  dropped: TextSpan[];
}

/** The non-blank lines of a text, with their places in it. */
function paragraphsOf(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) out.push({ start: start + lead, end: start + lead + body.length, text: body });
    start += line.length + 1;
  }
  return out;
}

/** Figures are one token each (「536」 changes as a whole, not digit by digit); other characters one each. */
const TOKEN = /\d+(?:[.,]\d+)*|[\s\S]/gu;

/** Longest common subsequence beyond this many token pairs: only the common start and end are kept. */
const MAX_DIFF_CELLS = 2_500_000;

function pushChange(out: TextChange[], kind: TextChange['kind'], text: string) {
  const last = out[out.length - 1];
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** The changes that turn `before` into `after`, figures as whole tokens. */
export function diffText(before: string, after: string): TextChange[] {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const out: TextChange[] = [];
  if (head) pushChange(out, 'same', a.slice(0, head).join(''));
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length * y.length > MAX_DIFF_CELLS) {
    if (x.length) pushChange(out, 'removed', x.join(''));
    if (y.length) pushChange(out, 'added', y.join(''));
  } else {
    // lcs[i][j]: the longest common subsequence of x[i…] and y[j…], in one flat array.
    const w = y.length + 1;
    const lcs = new Uint16Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lcs[i * w + j] =
          x[i] === y[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        pushChange(out, 'same', x[i]!);
        i++;
        j++;
      } else if (i < x.length && (j === y.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        // What went first, then what came in its place: 「500」 struck, then 「536」.
        pushChange(out, 'removed', x[i]!);
        i++;
      } else {
        pushChange(out, 'added', y[j]!);
        j++;
      }
    }
  }
  if (tail) pushChange(out, 'same', a.slice(a.length - tail).join(''));
  return out;
}

/**
 * This year's text against last year's, paragraph by paragraph: each paragraph is paired with the
 * most similar of last year's (each of last year's with one at most, the closest pairs first), and
 * what changed inside it is spelled out — so a section copied with one figure changed reads as
 * 「只改了数字」 in that paragraph, not as 100 % the same.
 */
export function compareParagraphs(thisYear: string, lastYear: string): ParagraphsComparison {
  const now = paragraphsOf(thisYear);
  const before = paragraphsOf(lastYear);
  const nowKeys = now.map((p) => keyOf(p.text));
  const beforeKeys = before.map((p) => keyOf(p.text));
  const pairs: { i: number; j: number; similarity: number }[] = [];
  nowKeys.forEach((key, i) => {
    beforeKeys.forEach((other, j) => {
      const similarity = key && other ? dice(key, other) : now[i]!.text === before[j]!.text ? 1 : 0;
      if (similarity >= PARAGRAPH_SIMILARITY) pairs.push({ i, j, similarity });
    });
  });
  // The most similar pairs first; among equals, the pair nearest in place, then the earlier.
  pairs.sort((p, q) => q.similarity - p.similarity || Math.abs(p.i - p.j) - Math.abs(q.i - q.j) || p.i - q.i);
  const partner = new Map<number, { j: number; similarity: number }>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (partner.has(pair.i) || taken.has(pair.j)) continue;
    partner.set(pair.i, pair);
    taken.add(pair.j);
  }
  const paragraphs = now.map((span, i): ParagraphComparison => {
    const match = partner.get(i);
    if (!match) return { thisYear: span, lastYear: null, status: 'new', similarity: 0, changes: [] };
    const old = before[match.j]!;
    const status: ParagraphStatus =
      old.text === span.text ? 'same' : nowKeys[i] === beforeKeys[match.j] ? 'numbers' : 'edited';
    return {
      thisYear: span,
      lastYear: old,
      status,
      similarity: Math.round(match.similarity * 1000) / 1000,
      changes: status === 'same' ? [{ kind: 'same', text: span.text }] : diffText(old.text, span.text),
    };
  });
  return { paragraphs, dropped: before.filter((_, j) => !taken.has(j)) };
}
