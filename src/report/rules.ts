/**
 * The checks (审核) of the format as data: every rule instance has an id, a severity, the cells or
 * fields it involves and a check that returns a Chinese message with the actual numbers, or null.
 * One small engine (evaluate) runs them all. Sum rules are generated from the template's totals.
 */
import { cellValueProblem, invalidEntryReason, maxCellValue } from './cell-input.ts';
import { CELLS, type CellDef, type CellId, cellDef, cellId } from './cells.ts';
import type { Report, TextSectionKey } from './document.ts';
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
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  table: TableDef['id'] | null;
  cells: readonly CellId[];
  fields: readonly FieldKey[];
  message: string;
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

const balanceRules: Rule[] = t3Columns.map((column) => {
  const [n, c, total, out] = ['new', 'carriedIn', 'total', 'carriedOut'].map((r) => t3(r, column.key)) as [
    CellId,
    CellId,
    CellId,
    CellId,
  ];
  const columnLabel = cellDef(n).columnLabel;
  return {
    id: 'T3-A',
    severity: '错误',
    table: 't3',
    cells: [n, c, total, out],
    fields: [],
    check(report) {
      const [vn, vc, vt, vo] = [n, c, total, out].map((id) => value(report, id)) as [
        number,
        number,
        number,
        number,
      ];
      if (vn + vc === vt + vo) return null;
      const needed = vn + vc - vt;
      const advice =
        needed >= 0
          ? `要使本列平衡，${t3RowLabel('carriedOut')} 应为 ${needed}`
          : `${t3RowLabel('total')} 已大于一、二两项之和，请核对办理结果`;
      return (
        `${columnLabel}列：${t3RowLabel('new')}（${vn}）加${t3RowLabel('carriedIn')}（${vc}）之和为 ${vn + vc}，` +
        `但${t3RowLabel('total')}（${vt}）加${t3RowLabel('carriedOut')}（${vo}）之和为 ${vt + vo}；${advice}`
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

const emptyRules: Rule[] = CELLS.map((c) => ({
  id: 'EMPTY',
  severity: '提示',
  table: c.table.id,
  cells: [c.id],
  fields: [],
  check(report) {
    if (c.isTotal && !report.manualTotals) return null;
    if (report.invalidEntries[c.id] !== undefined) return null; // INPUT says what is there
    return report.cells[c.id] === null ? `${c.label} 未填写（按 0 计；没有发生请填 0）` : null;
  },
}));

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

/** Figures that 一、总体情况 commonly quotes, and the table cell each must agree with (T3-F). */
const QUOTED_FIGURES: readonly { pattern: RegExp; cell: CellId; what: string }[] = [
  {
    pattern: /(?:收到|新收|受理)[^。；\d]{0,30}?申请(?:共计|共)?\s*(\d+)\s*件/g,
    cell: t3('new', 'total'),
    what: '收到申请',
  },
  { pattern: /办结[^。；，\d]{0,12}?(\d+)\s*件/g, cell: t3('total', 'total'), what: '办结' },
  { pattern: /结转下年度[^。；，\d]{0,12}?(\d+)\s*件/g, cell: t3('carriedOut', 'total'), what: '结转下年度' },
];

const quotedFigureRules: Rule[] = QUOTED_FIGURES.map(({ pattern, cell, what }) => ({
  id: 'T3-F',
  severity: '提示',
  table: 't3',
  cells: [cell],
  fields: ['overview'],
  check(report) {
    const table = value(report, cell);
    for (const match of report.sections.overview.matchAll(pattern)) {
      const quoted = Number(match[1]);
      if (quoted !== table) {
        return `一、总体情况 写“${match[0]}”（${what} ${quoted} 件），但${labelOf(cell)} 为 ${table}`;
      }
    }
    return null;
  },
}));

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
      severity: '提示',
      table: null,
      cells: [],
      fields: [key],
      check: (r) =>
        r.staleSections.includes(key) ? `${headingOf(key)} 是从上年报告复制的，尚未更新（需更新）` : null,
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
  ...quotedFigureRules,
  ...SIMILARITY_RULES,
  ...emptyRules,
];

/** Runs every rule; findings come out 错误 first, then in template order. */
export function evaluate(report: Report): Finding[] {
  const errors: Finding[] = [];
  const hints: Finding[] = [];
  for (const rule of RULES) {
    const message = rule.check(report);
    if (message === null) continue;
    const finding = {
      ruleId: rule.id,
      severity: rule.severity,
      table: rule.table,
      cells: rule.cells,
      fields: rule.fields,
      message,
    };
    (rule.severity === '错误' ? errors : hints).push(finding);
  }
  return [...errors, ...hints];
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; hints: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === '错误') errors++;
  return { errors, hints: findings.length - errors };
}

export const TABLE_NAMES: Record<TableDef['id'], string> = Object.fromEntries(
  TABLES.map((t) => [t.id, t.name]),
) as Record<TableDef['id'], string>;
