/**
 * T3-F / T4-F: the figures 一、总体情况 quotes (「共受理政府信息公开申请749件」「共办理718件」「结转下一年31件」
 * 「予以公开1件」「行政复议、行政诉讼各0件」「未收到政府信息公开申请」) against the tables, read the way
 * published reports write them.
 *
 * The reading is deliberately cautious: a figure is checked only when the words right before it
 * (or right after 「件」) say what it counts, and it is skipped when they say it is about another
 * year (「2020年收到申请36件」「较上年增加12件」), a part of it (「其中自然人申请2件」「按期答复」), an
 * approximation (「近300件」「300余件」) or something else entirely (「受理诉求、咨询问题50件」). A figure
 * that several readings fit (「受理申请749件」 = 新收 713 + 上年结转 36, or 新收 alone) is accepted when any
 * of them is true: a 提示 must name something that is false. Pure and DOM-free.
 */
import { type CellId, cellDef } from './cells.ts';
import type { Report } from './document.ts';
import type { Rule } from './rules.ts';
import { T3_OUTCOME_ROWS } from './template.ts';

export type Topic =
  | 'carriedOut'
  | 'carriedIn'
  | 'new'
  | 'refused'
  | 'granted'
  | 'partial'
  | 'unable'
  | 'notHandled'
  | 'otherOutcome'
  | 'review'
  | 'litigation'
  | 'processed'
  | 'handled'
  | 'received';

export interface QuotedFigure {
  value: number;
  /** What the words around it say it counts; any true reading of any of them will do. */
  topics: Topic[];
  /** 「各0件」: every topic must have the figure, not just one. */
  each: boolean;
  /** The clause, as a message quotes it: 「全县全年共受理政府信息公开申请749件」. */
  quote: string;
  /** Offsets of the quote in the text. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------- what words name a figure

/**
 * Keywords in the order they are looked for; each match is blanked before the next pattern runs, so
 * 「结转下年度继续办理」 is 结转下年度 only (not also 办理), 「不予以公开」 is not 予以公开, 「上年结转」 is
 * not 「上年」 (another year).
 */
const KEYWORDS: readonly { topic: Topic; pattern: RegExp }[] = [
  {
    topic: 'carriedOut',
    pattern:
      /结转(?:至|到|入)?(?:下一?个?年|明年|次年|\d{4}\s*年)度?(?:继续办理|办理)?|转入下一?个?年度?(?:继续办理|办理)?|(?:尚未|仍未|未)办结|(?:正在|仍在|尚在)办理中?|继续办理/g,
  },
  {
    topic: 'carriedIn',
    pattern:
      /(?:上一?个?年度?|去年|往年|\d{4}\s*年度?)(?:度)?(?:遗留|结转)(?:下来)?(?:的)?|结转自?上一?年度?/g,
  },
  { topic: 'new', pattern: /新收|新受理|新接收/g },
  { topic: 'refused', pattern: /不予以?公开/g },
  { topic: 'granted', pattern: /予以公开|同意公开|全部公开|准予公开/g },
  { topic: 'partial', pattern: /部分公开/g },
  { topic: 'unable', pattern: /无法提供/g },
  { topic: 'notHandled', pattern: /不予处理/g },
  { topic: 'otherOutcome', pattern: /其他处理/g },
  { topic: 'review', pattern: /行政复议/g },
  { topic: 'litigation', pattern: /行政诉讼|提起诉讼|被诉/g },
  { topic: 'processed', pattern: /办结|(?:作出|予以|进行)?答复(?!率)|处理完毕/g },
  { topic: 'handled', pattern: /办理(?!时限|流程|结果|情况|工作|程序|制度|机制|渠道)/g },
  { topic: 'received', pattern: /收到|受理|接收|接到|收悉/g },
];

/**
 * Topics whose words also serve other counts (「予以公开」「不予公开」 of documents in 主动公开, 「办理」「答复」
 * of letters and calls): checked only in a paragraph about 申请. 结转下年度, 上年结转 and 新收 name
 * applications alone.
 */
const APPLICATION_TOPICS = new Set<Topic>([
  'refused',
  'granted',
  'partial',
  'unable',
  'notHandled',
  'otherOutcome',
  'processed',
  'handled',
  'received',
]);

/** A part, not the whole: applicant, channel, timeliness, subject, or an outcome of a case. */
const QUALIFIER =
  /自然人|法人|企业|商业|科研|公益|律师|法律服务|其他组织|其它组织|个人|当面|信函|邮寄|网上|网络|在线|传真|电子邮件|邮件|电话|来访|涉及|关于|有关|维持|纠正|纠错|撤销|驳回|败诉|胜诉|确认违法|审结|其他结果|按时|按期|如期|逾期|延期|超期|工作日|日内|平均|转办|转交|补正/;
/** 「公民、法人和其他组织」 names every applicant: not a part. */
const EVERY_APPLICANT = /公民[、，]?法人(?:和|或|及|或者|、)?(?:其他|其它)组织/g;
/** A change or a comparison, not a count. */
const CHANGE = /增加|减少|增长|下降|上升|增多|减少|多出|少了|同比|环比|较|比上|相比|占|比例|率/;
/** Another time than the report's year (after the keywords, which may hold a year, are blanked). */
const OTHER_TIME = /上一?个?年度?|去年|前年|往年|历年|累计|以来|上期|同期/;
/** An approximate figure: 「近300件」「约300件」. */
const APPROXIMATE = /(?:近|约|逾|超过|超|不到|不足|将近|大约|多达|上下)\s*$/;

// ---------------------------------------------------------------- numbers as reports write them

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 「三」「十二」「一百零五」「两千三百」「一万二千」 → a number; null when it is not a well-formed numeral. */
export function chineseNumber(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const char of text) {
    if (char in DIGIT) {
      if (digit !== null && digit !== 0) return null; // 「一一」: not a numeral
      digit = DIGIT[char]!;
    } else if (char in UNIT) {
      const unit = UNIT[char]!;
      if (unit >= lastUnit) return null;
      section += (digit ?? (unit === 10 && section === 0 ? 1 : Number.NaN)) * unit;
      if (Number.isNaN(section)) return null;
      digit = null;
      lastUnit = unit;
    } else if (char === '万') {
      if (total > 0) return null;
      total = (section + (digit ?? 0)) * 10000;
      if (total === 0) return null;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** A figure: digits (full-width too, 1,234) or a Chinese numeral, then 件 (not 件次). */
const FIGURE = /(\d[\d,，]*|[零〇一二两三四五六七八九十百千万]+)\s*件(?!次)/g;

const toAscii = (text: string) =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function numberOf(text: string): number | null {
  if (/^\d/.test(text)) {
    const plain = text.replace(/[,，]/g, '');
    return /^\d+$/.test(plain) ? Number(plain) : null;
  }
  return chineseNumber(text);
}

// ---------------------------------------------------------------- reading a text

interface Span {
  start: number;
  end: number;
}

/** Clause boundaries: a figure's words never reach across 。；，：！？ or a line. */
const CLAUSE_END = /[。；;，,：:！？!?\n]/;

function clauseAround(text: string, at: number): Span {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !CLAUSE_END.test(text[end]!)) end++;
  return { start, end };
}

function paragraphAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The topics named in `words`, in KEYWORDS order, and the words with those keywords blanked. */
function topicsIn(words: string): { topics: Topic[]; rest: string } {
  const topics: Topic[] = [];
  let rest = words;
  for (const { topic, pattern } of KEYWORDS) {
    rest = rest.replace(pattern, (match) => {
      if (!topics.includes(topic)) topics.push(topic);
      return '　'.repeat(match.length);
    });
  }
  return { topics, rest };
}

/** Time words: a year, or 上年/本年…; the last one before a figure says which year it counts. */
const TIME = /((?:19|20)\d{2})\s*年|上一?个?年度?|去年|前年|往年|历年|本年度?|今年|全年|当年/g;
const SENTENCE_END = /[。；;！？!?\n]/;

/**
 * The figure is about another year: its own words say so (「累计」「以来」「上年」), or the last time word
 * before it in the sentence is another year (「2022年1月1日至今，又新收申请5件」). The keywords, which may
 * hold a year (「结转至2022年」「2020年度结转」), are blanked first.
 */
function aboutAnotherTime(text: string, at: number, rest: string, year: number | null): boolean {
  if (OTHER_TIME.test(rest)) return true;
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  const sentence = topicsIn(text.slice(start, at)).rest;
  let last: RegExpMatchArray | null = null;
  for (const match of sentence.matchAll(TIME)) last = match;
  if (!last) return false;
  if (last[1]) return Number(last[1]) !== year;
  return !/本年|今年|全年|当年/.test(last[0]);
}

/** 「申请3件」 with no verb before it: a received count only when nothing narrows it. */
const BARE_APPLICATIONS = /申请(?:总[数量]|数量|量|数)?(?:共计|共|合计|总计)?(?:为|达)?\s*$/;
/** 「1件予以公开」「3件已全部办结」: the words after 件 that may name the figure. */
const AFTER = /^(?:申请|政府信息公开申请)?(?:均|已|都|全部|依法|被|为|属于)*/;

function readFigure(
  text: string,
  match: RegExpMatchArray,
  previousEnd: number,
  nextStart: number,
  year: number | null,
): QuotedFigure | null {
  const start = match.index!;
  const end = start + match[0].length;
  const value = numberOf(match[1]!);
  if (value === null) return null;
  const clause = clauseAround(text, start);
  const before = text.slice(Math.max(clause.start, previousEnd), start);
  if (/第\s*$/.test(before) || APPROXIMATE.test(before)) return null;

  let { topics, rest } = topicsIn(before.replace(EVERY_APPLICANT, (m) => '　'.repeat(m.length)));
  let words = rest;
  const after = text.slice(end, Math.min(clause.end, nextStart));
  if (topics.length === 0) {
    if (BARE_APPLICATIONS.test(before) && !/其中/.test(before)) topics = ['received'];
    else {
      // 「1件予以公开」: the keyword right after 件 (after 已、均、全部 …).
      const lead = AFTER.exec(after)![0].length;
      const found = topicsIn(after.slice(lead));
      const first = KEYWORDS.find((k) => k.topic === found.topics[0]);
      const anchored = first && new RegExp(`^(?:${first.pattern.source})`).test(after.slice(lead));
      if (!anchored) return null;
      topics = found.topics.slice(0, 1);
      words = `${rest}${after}`;
    }
  }
  if (CHANGE.test(words) || QUALIFIER.test(words) || aboutAnotherTime(text, start, words, year)) return null;
  // A received count must say it is about applications (「受理诉求、咨询问题50件」 is not).
  if (topics.includes('received') && !/申请/.test(before) && !/^\s*(?:政府信息公开)?申请/.test(after))
    topics = topics.filter((t) => t !== 'received');
  if (topics.some((t) => APPLICATION_TOPICS.has(t)) && !/申请/.test(paragraphAround(text, start)))
    topics = topics.filter((t) => !APPLICATION_TOPICS.has(t));
  if (topics.length === 0) return null;
  return {
    value,
    topics,
    each: /各\s*$/.test(before),
    quote: '',
    start: clause.start,
    end,
  };
}

/** 「未收到政府信息公开申请」「未发生因政府信息公开引起的行政复议、行政诉讼」: figures of 0 without a number. */
const NONE_RECEIVED = /(?:未|没有)(?:收到|受理|接到|接收)(?:过)?([^，。；;！？\n]{0,20}?)申请(?!人)/g;
const NONE_CASES =
  /(?:未(?!经)|没有)(?:发生|出现|产生|被|收到|接到|有)?[^，。；;！？\n]{0,30}?(?:行政复议|行政诉讼)/g;
const CASE_PARTS = /纠错|纠正|败诉|撤销|确认违法|维持|驳回|审结|决定/;

function readNone(text: string, year: number | null): QuotedFigure[] {
  const out: QuotedFigure[] = [];
  const add = (match: RegExpMatchArray, topics: Topic[]) => {
    const start = match.index!;
    const clause = clauseAround(text, start);
    const words = text.slice(clause.start, clause.end);
    const { rest } = topicsIn(words.replace(EVERY_APPLICANT, (m) => '　'.repeat(m.length)));
    if (QUALIFIER.test(rest) || CASE_PARTS.test(words) || aboutAnotherTime(text, start, rest, year)) return;
    out.push({ value: 0, topics, each: true, quote: '', start: clause.start, end: clause.end });
  };
  for (const match of text.matchAll(NONE_RECEIVED))
    if (!/答复|回复|补正|材料|反馈|告知|费/.test(match[1]!)) add(match, ['new']);
  for (const match of text.matchAll(NONE_CASES)) {
    const clause = clauseAround(text, match.index!);
    const tail = text.slice(match.index!, clause.end);
    const topics: Topic[] = [];
    if (/行政复议/.test(tail)) topics.push('review');
    if (/行政诉讼/.test(tail)) topics.push('litigation');
    add(match, topics);
  }
  return out;
}

/** The figures of one paragraph (offsets within it): every reading stops at the end of a line. */
function paragraphFigures(paragraph: string, year: number | null): QuotedFigure[] {
  if (!/件|未|没有/.test(paragraph)) return [];
  const plain = toAscii(paragraph);
  const matches = [...plain.matchAll(FIGURE)];
  const figures: QuotedFigure[] = [];
  matches.forEach((match, i) => {
    const previous = matches[i - 1];
    const previousEnd = previous ? previous.index! + previous[0].length : 0;
    const nextStart = matches[i + 1]?.index ?? plain.length;
    const figure = readFigure(plain, match, previousEnd, nextStart, year);
    if (figure) figures.push(figure);
  });
  figures.push(...readNone(plain, year));
  // Quoted from the text as written (full-width digits and all); toAscii kept every offset.
  for (const f of figures) f.quote = paragraph.slice(f.start, f.end).trim();
  return figures.sort((a, b) => a.start - b.start);
}

/**
 * Paragraphs read lately, by year and text: a keystroke changes one paragraph, and the others are
 * not read again (the editor checks after every keystroke).
 */
const REMEMBERED_PARAGRAPHS = 500;
const paragraphs = new Map<string, readonly QuotedFigure[]>();

let lastText: { text: string; year: number | null; figures: QuotedFigure[] } | null = null;

/** Every figure the text quotes that the tables can be checked against, in text order. */
export function quotedFigures(text: string, year: number | null): QuotedFigure[] {
  if (lastText && lastText.text === text && lastText.year === year) return lastText.figures;
  const figures: QuotedFigure[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const key = `${year}\u0000${paragraph}`;
    let found = paragraphs.get(key);
    if (!found) {
      found = paragraphFigures(paragraph, year);
      if (paragraphs.size >= REMEMBERED_PARAGRAPHS) paragraphs.clear();
      paragraphs.set(key, found);
    }
    for (const f of found) figures.push({ ...f, start: f.start + offset, end: f.end + offset });
    offset += paragraph.length + 1;
  }
  lastText = { text, year, figures };
  return figures;
}

// ---------------------------------------------------------------- what the tables say

export interface Reading {
  value: number;
  /** 「一、本年新收政府信息公开申请数量·总计 为 713」 */
  says: string;
}

const t3 = (row: string) => `t3.${row}.total` as CellId;
const t4 = (column: string) => `t4.cases.${column}` as CellId;
const rowsStarting = (prefix: string) => T3_OUTCOME_ROWS.filter((r) => r.startsWith(prefix)).map(t3);

interface TopicDef {
  /** The rule that reports it: table 3 (T3-F) or table 4 (T4-F). */
  table: 't3' | 't4';
  /** 「收到申请」: what the figure is, in a message. */
  name: string;
  cells: readonly CellId[];
  readings(value: (id: CellId) => number): Reading[];
}

const one = (id: CellId) => (value: (id: CellId) => number) => [
  { value: value(id), says: `${cellDef(id).label} 为 ${value(id)}` },
];
/** The sum of a group of rows: 「三（三）不予公开 各项之和为 2」. */
const group = (ids: readonly CellId[], name: string) => (value: (id: CellId) => number) => {
  const sum = ids.reduce((n, id) => n + value(id), 0);
  return [{ value: sum, says: `${name} 各项之和为 ${sum}` }];
};

const NEW = t3('new');
const CARRIED_IN = t3('carriedIn');
const DONE = t3('total');
const REFUSED = rowsStarting('refused');
const UNABLE = rowsStarting('unable');
const NOT_HANDLED = rowsStarting('notHandled');
const OTHER = rowsStarting('other');

/** 新收 alone, or 新收 + 上年结转 (「共受理申请749件（含上年结转36件）」). */
const receivedReadings = (value: (id: CellId) => number): Reading[] => [
  ...one(NEW)(value),
  ...(value(CARRIED_IN) === 0
    ? []
    : [
        {
          value: value(NEW) + value(CARRIED_IN),
          says: `加上${cellDef(CARRIED_IN).rowLabel}（${value(CARRIED_IN)}）为 ${value(NEW) + value(CARRIED_IN)}`,
        },
      ]),
];

export const TOPICS: Record<Topic, TopicDef> = {
  received: { table: 't3', name: '收到申请', cells: [NEW, CARRIED_IN], readings: receivedReadings },
  new: { table: 't3', name: '新收申请', cells: [NEW], readings: one(NEW) },
  carriedIn: { table: 't3', name: '上年结转', cells: [CARRIED_IN], readings: one(CARRIED_IN) },
  processed: { table: 't3', name: '办结', cells: [DONE], readings: one(DONE) },
  // 「共办理718件」 is what was closed; 「办理申请749件」 may also be what came in.
  handled: {
    table: 't3',
    name: '办理',
    cells: [DONE, NEW, CARRIED_IN],
    readings: (value) => [...one(DONE)(value), ...receivedReadings(value)],
  },
  carriedOut: { table: 't3', name: '结转下年度', cells: [t3('carriedOut')], readings: one(t3('carriedOut')) },
  granted: { table: 't3', name: '予以公开', cells: [t3('granted')], readings: one(t3('granted')) },
  partial: { table: 't3', name: '部分公开', cells: [t3('partial')], readings: one(t3('partial')) },
  // Some reports count 无法提供 and 不予处理 under 不予公开 as well: that reading is true too.
  refused: {
    table: 't3',
    name: '不予公开',
    cells: [...REFUSED, ...UNABLE, ...NOT_HANDLED],
    readings: (value) => [
      ...group(REFUSED, '三（三）不予公开')(value),
      ...group([...REFUSED, ...UNABLE, ...NOT_HANDLED], '三（三）至（五）')(value),
    ],
  },
  unable: { table: 't3', name: '无法提供', cells: UNABLE, readings: group(UNABLE, '三（四）无法提供') },
  notHandled: {
    table: 't3',
    name: '不予处理',
    cells: NOT_HANDLED,
    readings: group(NOT_HANDLED, '三（五）不予处理'),
  },
  otherOutcome: { table: 't3', name: '其他处理', cells: OTHER, readings: group(OTHER, '三（六）其他处理') },
  review: { table: 't4', name: '行政复议', cells: [t4('reviewTotal')], readings: one(t4('reviewTotal')) },
  litigation: {
    table: 't4',
    name: '行政诉讼',
    cells: [t4('directTotal'), t4('afterReviewTotal')],
    // 「行政诉讼1件」 may name one of two kinds when there are both.
    readings: (value) => {
      const direct = value(t4('directTotal'));
      const after = value(t4('afterReviewTotal'));
      const both = { value: direct + after, says: `行政诉讼两项总计之和为 ${direct + after}` };
      if (direct === 0 || after === 0) return [both];
      return [
        both,
        { value: direct, says: `其中未经复议直接起诉 ${direct}` },
        { value: after, says: `复议后起诉 ${after}` },
      ];
    },
  },
};

/** The figure agrees with the tables under some reading of what it counts. */
export function figureHolds(figure: QuotedFigure, value: (id: CellId) => number): boolean {
  const fits = (topic: Topic) => TOPICS[topic].readings(value).some((r) => r.value === figure.value);
  if (figure.each) return figure.topics.every(fits);
  if (figure.topics.some(fits)) return true;
  // 「行政复议和行政诉讼共3件」: the topics together.
  if (figure.topics.length > 1) {
    const together = figure.topics.reduce((n, t) => n + TOPICS[t].readings(value)[0]!.value, 0);
    return together === figure.value;
  }
  return false;
}

let lastCheck: { cells: Report['cells']; text: string; year: number | null; figures: QuotedFigure[] } | null =
  null;

/** The figures of `report`'s 一、总体情况 that no reading of the tables makes true. */
export function falseFigures(report: Report): QuotedFigure[] {
  // One evaluate() asks once per topic. Reports are immutable (every edit makes new cells), so the
  // same cells object, text and year give the same answer.
  const text = report.sections.overview;
  const last = lastCheck;
  if (last && last.cells === report.cells && last.text === text && last.year === report.year)
    return last.figures;
  const value = (id: CellId) => report.cells[id] ?? 0;
  const figures = quotedFigures(text, report.year).filter((f) => !figureHolds(f, value));
  lastCheck = { cells: report.cells, text, year: report.year, figures };
  return figures;
}

// ---------------------------------------------------------------- the rules

const TABLE_WORD = { t3: '表三', t4: '表四' } as const;

/** 「一、总体情况 写“…申请750件”（750 件），但表三 一、本年新收…·总计 为 713；加上二、上年结转…（36）为 749」 */
function describe(figure: QuotedFigure, value: (id: CellId) => number): string {
  const table = TOPICS[figure.topics[0]!].table;
  const readings = figure.topics.flatMap((t) => TOPICS[t].readings(value).map((r) => r.says));
  const distinct = readings.filter((r, i) => readings.indexOf(r) === i);
  return `一、总体情况 写“${figure.quote}”（${figure.value} 件），但${TABLE_WORD[table]} ${distinct.join('；')}`;
}

/** Topics in the order their findings are listed; a figure belongs to the first topic it names. */
const TOPIC_ORDER = Object.keys(TOPICS) as Topic[];

/**
 * One rule per topic (收到申请, 办结, 结转下年度, 予以公开 …, 行政复议, 行政诉讼), so that confirming one
 * (「该数字含另一机关转来的申请」) does not cover another. Table 4's are T4-F, the same check.
 */
export const QUOTED_FIGURE_RULES: readonly Rule[] = TOPIC_ORDER.map((topic): Rule => {
  const def = TOPICS[topic];
  const mine = (report: Report) => {
    const value = (id: CellId) => report.cells[id] ?? 0;
    return { value, figures: falseFigures(report).filter((f) => f.topics[0] === topic) };
  };
  return {
    id: def.table === 't3' ? 'T3-F' : 'T4-F',
    severity: '提示',
    table: def.table,
    cells: def.cells,
    fields: ['overview'],
    key: `${def.table === 't3' ? 'T3-F' : 'T4-F'}|overview|${topic}`,
    check(report) {
      const { value, figures } = mine(report);
      return figures.length ? figures.map((f) => describe(f, value)).join('；另') : null;
    },
    // The quoted clauses, not the whole section: editing another paragraph keeps the confirmation.
    basis: (report) =>
      mine(report)
        .figures.map((f) => `${f.quote}=${f.value}`)
        .join('\n'),
  };
});
