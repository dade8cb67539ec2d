/**
 * The checks (审核) of the format as data: every rule instance has an id, a severity, the cells or
 * fields it involves and a check that returns a Chinese message with the actual numbers, or null.
 * One small engine (evaluate) runs them all. Sum rules are generated from the template's totals.
 */
import { cellValueProblem, invalidEntryReason, maxCellValue } from './cell-input.ts';
import { CELLS, type CellDef, type CellId, cellDef, cellId } from './cells.ts';
import type { Report, TextSectionKey } from './document.ts';
import { QUOTED_FIGURE_RULES } from './quoted-figures.ts';
import { SIMILARITY_RULES } from './similarity.ts';
import { AMOUNT_DECIMALS, SECTIONS, TABLE2, TABLE3, TABLES, type TableDef } from './template.ts';
import { sumCells } from './totals.ts';

export type Severity = '错误' | '提示';
export type FieldKey = 'agency' | 'year' | 'period' | 'preamble' | TextSectionKey;

export interface Rule {
  /** Rule family, as in the spec (T3-A …) or our own (EMPTY, YEAR-PERIOD …). */
  id: string;
  severity: Severity;
  /** Table the rule belongs to, for grouping; null for whole-report rules. */
  table: TableDef['id'] | null;
  cells: readonly CellId[];
  fields: readonly FieldKey[];
  check(report: Report): string | null;
  /** Names this rule instance where its cells and fields do not (or are too many): 'EMPTY|t3'. */
  key?: string;
  /** An 错误 the clerk may still confirm with a 说明 (需更新: 「已核对，沿用」). Every 提示 may be. */
  confirmable?: boolean;
  /**
   * What a confirmation of its finding depends on, besides the message and the values and texts of
   * its cells and fields (review-state.ts findingBasis): e.g. the sentences T3-F quotes.
   */
  basis?(report: Report): string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  table: TableDef['id'] | null;
  cells: readonly CellId[];
  fields: readonly FieldKey[];
  message: string;
  /** Names the finding (its rule and what it is about): a confirmation is stored under it. */
  key: string;
  /** May be confirmed with a 说明: every 提示, and the 错误 that say so (需更新). */
  confirmable: boolean;
}

const value = (report: Report, id: CellId) => report.cells[id] ?? 0;
/** Numbers as a clerk writes them: no float noise (0.30000000000000004 → 0.3). */
export const formatNumber = (n: number) => String(Math.round(n * 1e4) / 1e4);
const labelOf = (id: CellId) => cellDef(id).label;

// ---------------------------------------------------------------- sums (T3-B, T3-C, T4-A…C)

const T4_SUM_RULE: Record<string, string> = { review: 'T4-A', direct: 'T4-B', afterReview: 'T4-C' };

function sumRuleId(total: CellDef, alongColumns: boolean): string {
  if (total.table.id === 't3') return alongColumns ? 'T3-C' : 'T3-B';
  return T4_SUM_RULE[total.column.key.replace(/Total$/, '')] ?? 'T4';
}

/** 「（一）至（六）各项」 for rows nested under one heading, 「结果维持、结果纠正…」 for a few columns. */
function partsText(parts: readonly CellId[], alongColumns: boolean): string {
  const defs = parts.map(cellDef);
  const names = alongColumns
    ? defs.map((d) => d.column.path[d.column.path.length - 1] ?? d.columnLabel)
    : defs.map((d) =>
        d.row.path.length > 1 ? (/^（[^）]+）/.exec(d.row.path[1]!)?.[0] ?? d.rowLabel) : d.rowLabel,
      );
  const distinct = names.filter((n, i) => names.indexOf(n) === i);
  if (distinct.length > 4)
    return `${distinct[0]}至${distinct[distinct.length - 1]}各${alongColumns ? '列' : '项'}`;
  return distinct.join('、');
}

function sumRule(total: CellDef, parts: readonly CellId[], alongColumns: boolean): Rule {
  const describeParts = partsText(parts, alongColumns);
  return {
    id: sumRuleId(total, alongColumns),
    severity: '错误',
    table: total.table.id,
    cells: [total.id, ...parts],
    fields: [],
    check(report) {
      const expected = sumCells(report.cells, parts);
      const actual = report.cells[total.id] ?? null;
      if ((actual ?? 0) === expected) return null;
      return `${total.label} 为 ${actual === null ? '空' : formatNumber(actual)}，但${describeParts}之和为 ${formatNumber(expected)}`;
    },
  };
}

const sumRules: Rule[] = CELLS.flatMap((c) => [
  ...(c.sumOfRows ? [sumRule(c, c.sumOfRows, false)] : []),
  ...(c.sumOfColumns ? [sumRule(c, c.sumOfColumns, true)] : []),
]);

// ---------------------------------------------------------------- T3-A (the corner-cell rule)

const t3Columns = TABLE3.blocks[0]!.columns;
const t3 = (row: string, column: string) => cellId('t3', row, column);
const t3RowLabel = (row: string) => cellDef(t3(row, 'natural')).rowLabel;

/**
 * Which single cell could be wrong: any of the four may be, so the advice lists each one whose change
 * alone would restore the balance (and that would stay ≥ 0), instead of picking one.
 */
function balanceAdvice(
  report: Report,
  column: string,
  ids: readonly [CellId, CellId, CellId, CellId],
): string {
  const [vn, vc, vt, vo] = ids.map((id) => value(report, id)) as [number, number, number, number];
  const gap = vn + vc - (vt + vo);
  if (column === 'total' && !report.manualTotals) return '总计列由各列自动相加，请先改正上面各列';
  const options: string[] = [];
  const option = (id: CellId, to: number, how = '') => {
    if (to >= 0) options.push(`${t3RowLabel(cellDef(id).row.key)} 为 ${to}${how}`);
  };
  option(ids[0], vn - gap);
  option(ids[1], vc - gap);
  option(ids[2], vt + gap, report.manualTotals ? '' : '（即三（一）至（六）中某项相应改动）');
  option(ids[3], vo + gap);
  return `相差 ${Math.abs(gap)}。以下任一处改正都能使本列平衡，请核对是哪一格有误：${options.join('；或')}`;
}

const balanceRules: Rule[] = t3Columns.map((column) => {
  const ids = ['new', 'carriedIn', 'total', 'carriedOut'].map((r) => t3(r, column.key)) as [
    CellId,
    CellId,
    CellId,
    CellId,
  ];
  const columnLabel = cellDef(ids[0]).columnLabel;
  return {
    id: 'T3-A',
    severity: '错误',
    table: 't3',
    cells: ids,
    fields: [],
    check(report) {
      const [vn, vc, vt, vo] = ids.map((id) => value(report, id)) as [number, number, number, number];
      if (vn + vc === vt + vo) return null;
      return (
        `${columnLabel}列：${t3RowLabel('new')}（${vn}）加${t3RowLabel('carriedIn')}（${vc}）之和为 ${vn + vc}，` +
        `但${t3RowLabel('total')}（${vt}）加${t3RowLabel('carriedOut')}（${vo}）之和为 ${vt + vo}；` +
        balanceAdvice(report, column.key, ids)
      );
    },
  };
});

// ---------------------------------------------------------------- kinds (T2-D, T3-D, T4-D) and empty cells

/**
 * 自动合计: a total that holds exactly the sum computeTotals gives it is wrong only because one of
 * its parts is, and that part has its own finding; the clerk fixes the part, not the total. A total
 * that differs from its sum (typed over, or not yet recomputed) is still checked.
 */
function isDerivedTotal(report: Report, c: CellDef, v: number): boolean {
  if (report.manualTotals || !c.isTotal) return false;
  const parts = c.sumOfColumns ?? c.sumOfRows ?? [];
  return v === sumCells(report.cells, parts);
}

const kindRules: Rule[] = CELLS.map((c) => ({
  id: `${c.table.id.toUpperCase()}-D`,
  severity: '错误',
  table: c.table.id,
  cells: [c.id],
  fields: [],
  check(report) {
    const v = report.cells[c.id];
    if (v === null || v === undefined || isDerivedTotal(report, c, v)) return null;
    // What a cell may hold is defined once (cell-input.ts); files and typing refuse the rest, so this
    // flags reports built in code, such as a 汇总 of many units.
    if (cellValueProblem(v, c.kind, c.isTotal) === null) return null;
    if (v > maxCellValue(c.kind, c.isTotal)) return `${c.label} 为 ${v}，${cellValueProblem(v, c.kind)}`;
    return c.kind === 'count'
      ? `${c.label} 应为非负整数，现为 ${v}`
      : `${c.label} 应为不小于 0 的金额（万元，最多 ${AMOUNT_DECIMALS} 位小数），现为 ${v}`;
  },
}));

// ---------------------------------------------------------------- typed entries that are not values (INPUT)

/**
 * What the clerk typed into a cell that it may not hold (「1.5」 in a count cell) is kept as typed
 * (report.invalidEntries) with the cell empty: an 错误 until the cell is corrected or emptied.
 */
const inputRules: Rule[] = CELLS.map((c) => ({
  id: 'INPUT',
  severity: '错误',
  table: c.table.id,
  cells: [c.id],
  fields: [],
  check(report) {
    const text = report.invalidEntries[c.id];
    if (text === undefined) return null;
    return `${c.label} 填写的“${text}”${invalidEntryReason(text, c.kind, c.isTotal)}`;
  },
}));

/** The cells of a table EMPTY counts: blank, and not a total the tool computes. */
export function blankCellsOf(report: Report, table: TableDef['id']): CellId[] {
  const blank: CellId[] = [];
  for (const c of CELLS) {
    if (c.table.id !== table || (c.isTotal && !report.manualTotals)) continue;
    // A cell holding an invalid entry is not blank: INPUT says what is there.
    if (report.cells[c.id] === null && report.invalidEntries[c.id] === undefined) blank.push(c.id);
  }
  return blank;
}

/** Cells the clerk fills in a table (not computed totals, not 上年结转 which 新建下一年度 fills). */
const filledByClerk = (t: TableDef['id']) =>
  CELLS.filter((c) => c.table.id === t && !c.isTotal && c.row.key !== 'carriedIn').map((c) => c.id);

/** 新建下一年度, then nothing typed in a table that last year's report had figures in. */
function untouchedTable(report: Report, table: TableDef['id']): boolean {
  const last = report.lastYear;
  if (!last) return false;
  const ids = filledByClerk(table);
  return (
    ids.every((id) => report.cells[id] === null && report.invalidEntries[id] === undefined) &&
    ids.some((id) => (last.cells[id] ?? null) !== null)
  );
}

const shortName = (table: TableDef['id']) => TABLE_NAMES[table].split('（')[0]!;

/**
 * Blank cells, one 提示 per table (the cells listed, the count in the message) rather than one per
 * cell, which buried the 提示 that matter. A table left wholly blank after 新建下一年度 has its own.
 */
const emptyRules: Rule[] = TABLES.flatMap((t): Rule[] => [
  {
    id: 'EMPTY-TABLE',
    severity: '提示',
    table: t.id,
    cells: [],
    fields: [],
    key: `EMPTY-TABLE|${t.id}`,
    check: (report) =>
      untouchedTable(report, t.id)
        ? `${t.name}整张表还没有填写，而 ${report.lastYear!.year} 年报告的这张表有数字：请填写本年的数字（确实没有发生的填 0）`
        : null,
  },
  {
    id: 'EMPTY',
    severity: '提示',
    table: t.id,
    cells: [],
    fields: [],
    key: `EMPTY|${t.id}`,
    check(report) {
      if (untouchedTable(report, t.id)) return null;
      const blank = blankCellsOf(report, t.id);
      return blank.length
        ? `${shortName(t.id)}有 ${blank.length} 格未填写，按 0 计（没有发生的请填 0），第一格：${cellDef(blank[0]!).label}`
        : null;
    },
    basis: (report) => blankCellsOf(report, t.id).join(','),
  },
]);

// ---------------------------------------------------------------- comparisons with last year (提示)

const carryOverRules: Rule[] = t3Columns.map((column) => {
  const carriedIn = t3('carriedIn', column.key);
  const lastOut = t3('carriedOut', column.key);
  return {
    id: 'T3-E',
    severity: '提示',
    table: 't3',
    cells: [carriedIn],
    fields: [],
    check(report) {
      const last = report.lastYear?.cells[lastOut];
      if (last === undefined || last === null) return null;
      const now = value(report, carriedIn);
      if (now === last) return null;
      return `${labelOf(carriedIn)} 为 ${now}，但 ${report.lastYear!.year} 年报告的${t3RowLabel('carriedOut')}·${cellDef(carriedIn).columnLabel} 为 ${last}`;
    },
  };
});

const validCountRules: Rule[] = TABLE2.blocks[0]!.rows.map((row) => {
  const [issued, repealed, valid] = ['issued', 'repealed', 'valid'].map((c) => cellId('t2', row.key, c)) as [
    CellId,
    CellId,
    CellId,
  ];
  return {
    id: 'T2-A',
    severity: '提示',
    table: 't2',
    cells: [valid, issued, repealed],
    fields: [],
    check(report) {
      const base = report.lastYear?.cells[valid];
      if (base === undefined || base === null || report.cells[valid] === null) return null;
      const expected = base + value(report, issued) - value(report, repealed);
      const actual = value(report, valid);
      if (actual === expected) return null;
      return (
        `${labelOf(valid)} 为 ${actual}，按上年现行有效 ${base} 加本年制发 ${value(report, issued)} ` +
        `减本年废止 ${value(report, repealed)} 约应为 ${expected}（修订、自然失效可致差异，请核对）`
      );
    },
  };
});

// ---------------------------------------------------------------- the whole report

const headingOf = (key: TextSectionKey) =>
  SECTIONS.find((s) => s.kind === 'text' && s.key === key)?.heading ?? key;

/** 「统计期限为2020年1月1日至2020年12月31日」, to the end date's day when it is written, so a message quotes it whole. */
const DATE_IN_TEXT =
  /统计期限为?\s*(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*[至到—-]+\s*(\d{4})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?/;

const wholeReportRules: Rule[] = [
  {
    id: 'META-AGENCY',
    severity: '错误',
    table: null,
    cells: [],
    fields: ['agency'],
    check: (r) =>
      r.agency.trim() ? null : '机关名称 未填写（报告标题为“机关名称＋年度＋年政府信息公开工作年度报告”）',
  },
  {
    id: 'META-YEAR',
    severity: '错误',
    table: null,
    cells: [],
    fields: ['year'],
    check: (r) => (r.year === null ? '报告年度 未填写' : null),
  },
  {
    id: 'YEAR-PERIOD',
    severity: '错误',
    table: null,
    cells: [],
    fields: ['year', 'period', 'preamble'],
    check(r) {
      if (r.year === null) return null;
      const { start, end } = r.period;
      if (!start || !end) return `统计期限 未填写（一般为 ${r.year}年1月1日至${r.year}年12月31日）`;
      if (start > end) return `统计期限 起始日期 ${start} 晚于截止日期 ${end}`;
      if (Number(start.slice(0, 4)) !== r.year || Number(end.slice(0, 4)) !== r.year) {
        return `报告年度为 ${r.year} 年，但统计期限为 ${start} 至 ${end}，两者不一致`;
      }
      const stated = DATE_IN_TEXT.exec(r.preamble);
      if (stated && (Number(stated[1]) !== r.year || Number(stated[2]) !== r.year)) {
        return `报告年度为 ${r.year} 年，但前言写“${stated[0]}”，两者不一致`;
      }
      return null;
    },
  },
  {
    id: 'S6-FEE',
    severity: '错误',
    table: null,
    cells: [],
    fields: ['other'],
    check: (r) =>
      /信息处理费|处理费/.test(r.sections.other)
        ? null
        : `${headingOf('other')} 未说明信息处理费收取情况：应写明收费金额和件数，未收取的也要写明（如“本年度未收取信息处理费”）`,
  },
  ...(['preamble', 'overview', 'problems', 'other'] as const).map(
    (key): Rule => ({
      id: 'TEXT-EMPTY',
      severity: '提示',
      table: null,
      cells: [],
      fields: [key],
      check: (r) =>
        (key === 'preamble' ? r.preamble : r.sections[key]).trim()
          ? null
          : `${key === 'preamble' ? '前言' : headingOf(key)} 未填写`,
    }),
  ),
  ...(['overview', 'problems', 'other'] as const).map(
    (key): Rule => ({
      id: 'TEXT-STALE',
      // Last year's text must not pass as this year's: an 错误, unless the clerk confirms it was
      // checked and stays (「已核对，沿用」, with a 说明).
      severity: '错误',
      confirmable: true,
      table: null,
      cells: [],
      fields: [key],
      check: (r) =>
        r.staleSections.includes(key)
          ? `${headingOf(key)} 还是从上年报告复制来的文字（需更新）：请按本年情况修改；确实沿用的，点“已核对，沿用”并写明理由`
          : null,
    }),
  ),
];

export const RULES: readonly Rule[] = [
  ...wholeReportRules,
  ...kindRules,
  ...inputRules,
  ...balanceRules,
  ...sumRules,
  ...carryOverRules,
  ...validCountRules,
  ...QUOTED_FIGURE_RULES,
  ...SIMILARITY_RULES,
  ...emptyRules,
];

/** The rule each finding of evaluate() came from, for what a confirmation depends on (review-state.ts). */
const ruleOfFinding = new WeakMap<Finding, Rule>();

export function ruleOf(finding: Finding): Rule | undefined {
  return ruleOfFinding.get(finding);
}

const keyOf = (rule: Rule) => rule.key ?? `${rule.id}|${rule.cells.join(',')}|${rule.fields.join(',')}`;

function findingOf(rule: Rule, message: string): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    table: rule.table,
    cells: rule.cells,
    fields: rule.fields,
    message,
    key: keyOf(rule),
    confirmable: rule.severity === '提示' || rule.confirmable === true,
  };
  ruleOfFinding.set(finding, rule);
  return finding;
}

/** Findings per rule (RULES order, null where a rule holds) → 错误 first, then in template order. */
function inOrder(byRule: readonly (Finding | null)[]): Finding[] {
  const errors: Finding[] = [];
  const hints: Finding[] = [];
  for (const finding of byRule) if (finding) (finding.severity === '错误' ? errors : hints).push(finding);
  return [...errors, ...hints];
}

/** Runs every rule; findings come out 错误 first, then in template order. */
export function evaluate(report: Report): Finding[] {
  return inOrder(
    RULES.map((rule) => {
      const message = rule.check(report);
      return message === null ? null : findingOf(rule, message);
    }),
  );
}

// ---------------------------------------------------------------- incremental evaluation

/**
 * What each rule reads of a report, so that after an edit only the rules that read something it
 * changed run again (the editor does this on every keystroke). Besides its own cells and fields:
 * - a total's parts (a kind rule asks whether a total holds exactly their sum);
 * - a rule about a whole table without cells of its own (EMPTY, EMPTY-TABLE) reads every cell of it;
 * - T3-F/T4-F read every figure of tables 3 and 4: a quoted figure may name topics of both.
 * A cell's value and its invalid entry count as one input. What every rule may read (the year,
 * 手工填写合计, last year's report, the 需更新 sections) is not indexed: when it changes, all run.
 * tests/report/rules-incremental.test.ts checks that no rule reads more than is listed here.
 */
export function inputsOf(rule: Rule): { cells: CellId[]; fields: readonly FieldKey[] } {
  if (rule.id === 'T3-F' || rule.id === 'T4-F') {
    return { cells: CELLS.filter((c) => c.table.id !== 't2').map((c) => c.id), fields: rule.fields };
  }
  if (rule.table && rule.cells.length === 0) {
    return { cells: CELLS.filter((c) => c.table.id === rule.table).map((c) => c.id), fields: rule.fields };
  }
  const cells = new Set(rule.cells);
  for (const id of rule.cells) {
    for (const part of cellDef(id).sumOfColumns ?? cellDef(id).sumOfRows ?? []) cells.add(part);
  }
  return { cells: [...cells], fields: rule.fields };
}

/** Rule positions (in RULES) by the cell or field they read. */
const RULES_READING = (() => {
  const cells = new Map<CellId, number[]>();
  const fields = new Map<FieldKey, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  RULES.forEach((rule, at) => {
    const reads = inputsOf(rule);
    for (const id of reads.cells) add(cells, id, at);
    for (const field of reads.fields) add(fields, field, at);
  });
  return { cells, fields };
})();

/** The cell and field inputs of rules that differ between two reports; null when an input every rule may read did. */
export function changedInputs(a: Report, b: Report): { cells: CellId[]; fields: FieldKey[] } | null {
  const sameStale =
    a.staleSections === b.staleSections ||
    (a.staleSections.length === b.staleSections.length &&
      a.staleSections.every((key, i) => key === b.staleSections[i]));
  if (a.year !== b.year || a.manualTotals !== b.manualTotals || a.lastYear !== b.lastYear || !sameStale) {
    return null;
  }
  const cells: CellId[] = [];
  if (a.cells !== b.cells || a.invalidEntries !== b.invalidEntries) {
    for (const c of CELLS) {
      if (a.cells[c.id] !== b.cells[c.id] || a.invalidEntries[c.id] !== b.invalidEntries[c.id])
        cells.push(c.id);
    }
  }
  const fields: FieldKey[] = [];
  if (a.agency !== b.agency) fields.push('agency');
  if (a.period.start !== b.period.start || a.period.end !== b.period.end) fields.push('period');
  if (a.preamble !== b.preamble) fields.push('preamble');
  if (a.sections !== b.sections) {
    for (const key of Object.keys(b.sections) as TextSectionKey[]) {
      if (a.sections[key] !== b.sections[key]) fields.push(key);
    }
  }
  return { cells, fields };
}

/** Findings already worked out by evaluateFrom, by report (reports are never changed once made). */
const known = new WeakMap<Report, readonly Finding[]>();
/** The latest evaluation evaluateFrom made: the editor's, a keystroke or two behind while the clerk types. */
let latest: Evaluation | null = null;

/**
 * evaluate(report), taken from what evaluateFrom already found for this very report object, or
 * worked out from the latest evaluation (an autosave of the editor's report: only the rules its last
 * keystrokes touched run).
 */
export function knownFindings(report: Report): readonly Finding[] {
  return known.get(report) ?? evaluateFrom(latest, report).findings;
}

/** The findings of one report, kept per rule so that the next edit re-runs only what it touches. */
export interface Evaluation {
  readonly report: Report;
  /** Per rule, in RULES order: its finding, or null where the rule holds. */
  readonly byRule: readonly (Finding | null)[];
  /** The same as evaluate(report). */
  readonly findings: readonly Finding[];
}

/**
 * evaluate(report), reusing `previous` (of an earlier report): only the rules that read a cell or
 * field that changed run again, and a finding whose message did not change stays the same object
 * (so views memoised on findings skip it). Without `previous`, or when an input every rule may read
 * changed, every rule runs. The findings always equal evaluate(report)
 * (tests/report/rules-incremental.test.ts).
 */
export function evaluateFrom(previous: Evaluation | null, report: Report): Evaluation {
  if (previous?.report === report) return previous;
  const evaluation = evaluateAgain(previous, report);
  known.set(report, evaluation.findings);
  latest = evaluation;
  return evaluation;
}

function evaluateAgain(previous: Evaluation | null, report: Report): Evaluation {
  const changed = previous ? changedInputs(previous.report, report) : null;
  if (!previous || !changed) {
    const byRule = RULES.map((rule, at) => {
      const message = rule.check(report);
      if (message === null) return null;
      const before = previous?.byRule[at];
      return before?.message === message ? before : findingOf(rule, message);
    });
    return { report, byRule, findings: inOrder(byRule) };
  }
  if (changed.cells.length === 0 && changed.fields.length === 0) {
    return { report, byRule: previous.byRule, findings: previous.findings };
  }
  const dirty = new Set<number>();
  for (const id of changed.cells) for (const at of RULES_READING.cells.get(id) ?? []) dirty.add(at);
  for (const field of changed.fields) for (const at of RULES_READING.fields.get(field) ?? []) dirty.add(at);
  const byRule = previous.byRule.slice();
  let same = true;
  for (const at of dirty) {
    const rule = RULES[at]!;
    const message = rule.check(report);
    const before = byRule[at] ?? null;
    if ((before?.message ?? null) === message) continue;
    byRule[at] = message === null ? null : findingOf(rule, message);
    same = false;
  }
  return same
    ? { report, byRule: previous.byRule, findings: previous.findings }
    : { report, byRule, findings: inOrder(byRule) };
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; hints: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === '错误') errors++;
  return { errors, hints: findings.length - errors };
}

export const TABLE_NAMES: Record<TableDef['id'], string> = Object.fromEntries(
  TABLES.map((t) => [t.id, t.name]),
) as Record<TableDef['id'], string>;
