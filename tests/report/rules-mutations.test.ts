/**
 * One mutation of the sample report per rule: each breaks exactly one rule, and that rule names the
 * right cells with the right numbers. The sample passes every rule (sample.test.ts), so "the rules
 * fired after the mutation" is the whole difference.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/document.ts';
import {
  countBySeverity,
  evaluate,
  formatNumber,
  RULES,
  type Severity,
  TABLE_NAMES,
} from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';
import { sampleReport } from './fixtures/gx-kjt-2021.ts';
import { findingsOf, firedRuleIds, T3_LEAF_COLUMN_KEYS, T3_OUTCOME_ROW_KEYS, withCells } from './helpers.ts';

/** Every rule family of the format and of the tool, typed from the brief (issue 2). */
const RULE_IDS = [
  'T3-A',
  'T3-B',
  'T3-C',
  'T3-D',
  'T4-A',
  'T4-B',
  'T4-C',
  'T4-D',
  'T2-D',
  'INPUT',
  'T2-A',
  'T3-E',
  'T3-F',
  'T4-F',
  'S6-FEE',
  'YEAR-PERIOD',
  'META-AGENCY',
  'META-YEAR',
  'EMPTY',
  'EMPTY-TABLE',
  'TEXT-EMPTY',
  'TEXT-STALE',
  'TEXT-SIMILAR',
];

interface Expected {
  severity: Severity;
  cells: string[];
  fields?: string[];
  message: string;
}

interface Mutation {
  rule: string;
  what: string;
  report: () => Report;
  expected: Expected[];
}

const manual = () => sampleReport({ manualTotals: true });
/** 自动合计: the clerk edits leaves, the stored report has its totals recomputed. */
const auto = (changes: Record<string, number | null>) =>
  withTotals(withCells(sampleReport({ manualTotals: false }), changes));
const edit = (change: (r: Report) => void) => () => {
  const r = manual();
  change(r);
  return r;
};

const t3ColumnSum = (column: string) => [
  `t3.total.${column}`,
  ...T3_OUTCOME_ROW_KEYS.map((row) => `t3.${row}.${column}`),
];
const t3RowSum = (row: string) => [`t3.${row}.total`, ...T3_LEAF_COLUMN_KEYS.map((c) => `t3.${row}.${c}`)];
const t3Balance = (column: string) =>
  ['new', 'carriedIn', 'total', 'carriedOut'].map((r) => `t3.${r}.${column}`);
const t4Group = (group: string) =>
  ['Total', 'Upheld', 'Corrected', 'Other', 'Pending'].map((part) => `t4.cases.${group}${part}`);

const NEW = '一、本年新收政府信息公开申请数量';
const CARRIED_IN = '二、上年结转政府信息公开申请数量';
const OUT = '四、结转下年度继续办理';
/** T3-A names every cell whose change alone restores the balance, not one of them (issue 15). */
const BALANCE = '相差 1。以下任一处改正都能使本列平衡，请核对是哪一格有误：';
const VIA_ROWS = '（即三（一）至（六）中某项相应改动）';
const AUTO_TOTAL = '总计列由各列自动相加，请先改正上面各列';
/** Blank cells: one 提示 per table, the count and the first cell (issue 15). */
const emptyNote = (table: string, first: string) =>
  `${table}有 1 格未填写，按 0 计（没有发生的请填 0），第一格：${first}`;

const MUTATIONS: Mutation[] = [
  // ------------------------------------------------------------ T3-A: 一 + 二 = 三（七） + 四, per column
  {
    rule: 'T3-A',
    what: '结转下年度 one too many in 自然人 (手工填写, row total kept right)',
    report: () => withCells(manual(), { 't3.carriedOut.natural': 1, 't3.carriedOut.total': 1 }),
    expected: [
      {
        severity: '错误',
        cells: t3Balance('natural'),
        message: `自然人列：${NEW}（2）加${CARRIED_IN}（0）之和为 2，但三（七）总计（2）加${OUT}（1）之和为 3；${BALANCE}${NEW} 为 3；或${CARRIED_IN} 为 1；或三（七）总计 为 1；或${OUT} 为 0`,
      },
      {
        severity: '错误',
        cells: t3Balance('total'),
        message: `总计列：${NEW}（3）加${CARRIED_IN}（0）之和为 3，但三（七）总计（3）加${OUT}（1）之和为 4；${BALANCE}${NEW} 为 4；或${CARRIED_IN} 为 1；或三（七）总计 为 2；或${OUT} 为 0`,
      },
    ],
  },
  {
    rule: 'T3-A',
    what: '结转下年度 one too many in 自然人 (自动合计: the leaf alone is typed)',
    report: () => auto({ 't3.carriedOut.natural': 1 }),
    expected: [
      {
        severity: '错误',
        cells: t3Balance('natural'),
        message: `自然人列：${NEW}（2）加${CARRIED_IN}（0）之和为 2，但三（七）总计（2）加${OUT}（1）之和为 3；${BALANCE}${NEW} 为 3；或${CARRIED_IN} 为 1；或三（七）总计 为 1${VIA_ROWS}；或${OUT} 为 0`,
      },
      {
        severity: '错误',
        cells: t3Balance('total'),
        message: `总计列：${NEW}（3）加${CARRIED_IN}（0）之和为 3，但三（七）总计（3）加${OUT}（1）之和为 4；${AUTO_TOTAL}`,
      },
    ],
  },
  {
    rule: 'T3-A',
    what: 'a 商业企业 application granted that was never received: more closed than came in',
    report: () => auto({ 't3.granted.business': 1 }),
    expected: [
      {
        severity: '错误',
        cells: t3Balance('business'),
        // 四 cannot go below 0, so it is not offered.
        message: `商业企业列：${NEW}（0）加${CARRIED_IN}（0）之和为 0，但三（七）总计（1）加${OUT}（0）之和为 1；${BALANCE}${NEW} 为 1；或${CARRIED_IN} 为 1；或三（七）总计 为 0${VIA_ROWS}`,
      },
      {
        severity: '错误',
        cells: t3Balance('total'),
        message: `总计列：${NEW}（3）加${CARRIED_IN}（0）之和为 3，但三（七）总计（4）加${OUT}（0）之和为 4；${AUTO_TOTAL}`,
      },
    ],
  },
  // ------------------------------------------------------------ T3-B: （七）总计 = （一）+ … +（六）3
  {
    rule: 'T3-B',
    what: 'one more 予以公开 for 自然人, row total kept right, （七）总计 not updated (手工填写)',
    report: () => withCells(manual(), { 't3.granted.natural': 1, 't3.granted.total': 2 }),
    expected: [
      {
        severity: '错误',
        cells: t3ColumnSum('natural'),
        message: '三（七）总计·自然人 为 2，但（一）至（六）各项之和为 3',
      },
      {
        severity: '错误',
        cells: t3ColumnSum('total'),
        message: '三（七）总计·总计 为 3，但（一）至（六）各项之和为 4',
      },
    ],
  },
  // ------------------------------------------------------------ T3-C: 总计 column = sum of the six applicant columns
  {
    rule: 'T3-C',
    what: 'the 自然人 部分公开 moved to 予以公开 without moving the row totals',
    report: () => withCells(manual(), { 't3.granted.natural': 1, 't3.partial.natural': 0 }),
    expected: [
      {
        severity: '错误',
        cells: t3RowSum('granted'),
        message: '三（一）予以公开·总计 为 1，但自然人至其他各列之和为 2',
      },
      {
        severity: '错误',
        cells: t3RowSum('partial'),
        message: '三（二）部分公开·总计 为 1，但自然人至其他各列之和为 0',
      },
    ],
  },
  // ------------------------------------------------------------ T3-D: non-negative integers
  {
    rule: 'T3-D',
    what: 'halves in a 2×2 square (every sum still holds)',
    report: () =>
      withCells(manual(), {
        't3.granted.natural': 0.5,
        't3.granted.research': 0.5,
        't3.partial.natural': 0.5,
        't3.partial.research': 0.5,
      }),
    expected: [
      {
        severity: '错误',
        cells: ['t3.granted.natural'],
        message: '三（一）予以公开·自然人 应为非负整数，现为 0.5',
      },
      {
        severity: '错误',
        cells: ['t3.granted.research'],
        message: '三（一）予以公开·科研机构 应为非负整数，现为 0.5',
      },
      {
        severity: '错误',
        cells: ['t3.partial.natural'],
        message: '三（二）部分公开·自然人 应为非负整数，现为 0.5',
      },
      {
        severity: '错误',
        cells: ['t3.partial.research'],
        message: '三（二）部分公开·科研机构 应为非负整数，现为 0.5',
      },
    ],
  },
  {
    rule: 'T3-D',
    what: 'a negative count balanced by a neighbour (every sum still holds)',
    report: () =>
      withCells(manual(), {
        't3.granted.natural': -1,
        't3.granted.business': 1,
        't3.partial.natural': 2,
        't3.partial.business': -1,
      }),
    expected: [
      {
        severity: '错误',
        cells: ['t3.granted.natural'],
        message: '三（一）予以公开·自然人 应为非负整数，现为 -1',
      },
      {
        severity: '错误',
        cells: ['t3.partial.business'],
        message: '三（二）部分公开·商业企业 应为非负整数，现为 -1',
      },
    ],
  },
  {
    rule: 'T3-D',
    what: 'halves typed in two 自然人 leaves (自动合计): the leaves are wrong, not the row totals summed from them',
    report: () => auto({ 't3.granted.natural': 0.5, 't3.partial.natural': 0.5 }),
    expected: [
      {
        severity: '错误',
        cells: ['t3.granted.natural'],
        message: '三（一）予以公开·自然人 应为非负整数，现为 0.5',
      },
      {
        severity: '错误',
        cells: ['t3.partial.natural'],
        message: '三（二）部分公开·自然人 应为非负整数，现为 0.5',
      },
    ],
  },
  // ------------------------------------------------------------ T4-A … T4-C: each 总计 = its four results
  {
    rule: 'T4-A',
    what: 'a 行政复议 结果维持 without updating its 总计 (手工填写)',
    report: () => withCells(manual(), { 't4.cases.reviewUpheld': 1 }),
    expected: [
      {
        severity: '错误',
        cells: t4Group('review'),
        message: '行政复议·总计 为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 1',
      },
    ],
  },
  {
    rule: 'T4-B',
    what: '2 未经复议直接起诉 尚未审结 without updating its 总计 (手工填写)',
    report: () => withCells(manual(), { 't4.cases.directPending': 2 }),
    expected: [
      {
        severity: '错误',
        cells: t4Group('direct'),
        message: '行政诉讼·未经复议直接起诉·总计 为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 2',
      },
    ],
  },
  {
    rule: 'T4-C',
    what: 'a 复议后起诉 总计 with no result behind it (手工填写)',
    report: () => withCells(manual(), { 't4.cases.afterReviewTotal': 1 }),
    expected: [
      {
        severity: '错误',
        cells: t4Group('afterReview'),
        message: '行政诉讼·复议后起诉·总计 为 1，但结果维持、结果纠正、其他结果、尚未审结之和为 0',
      },
    ],
  },
  // ------------------------------------------------------------ T4-D: non-negative integers
  {
    rule: 'T4-D',
    what: 'a negative 结果维持 balanced by a 结果纠正',
    report: () => withCells(manual(), { 't4.cases.reviewUpheld': -1, 't4.cases.reviewCorrected': 1 }),
    expected: [
      {
        severity: '错误',
        cells: ['t4.cases.reviewUpheld'],
        message: '行政复议·结果维持 应为非负整数，现为 -1',
      },
    ],
  },
  {
    rule: 'T4-D',
    what: 'halves in 未经复议直接起诉 that add up to a whole 总计',
    report: () =>
      withCells(manual(), {
        't4.cases.directUpheld': 0.5,
        't4.cases.directOther': 0.5,
        't4.cases.directTotal': 1,
      }),
    expected: [
      {
        severity: '错误',
        cells: ['t4.cases.directUpheld'],
        message: '行政诉讼·未经复议直接起诉·结果维持 应为非负整数，现为 0.5',
      },
      {
        severity: '错误',
        cells: ['t4.cases.directOther'],
        message: '行政诉讼·未经复议直接起诉·其他结果 应为非负整数，现为 0.5',
      },
    ],
  },
  {
    rule: 'T4-D',
    what: 'a negative 结果维持 (自动合计): its 总计, summed from it, is not a second finding',
    report: () => auto({ 't4.cases.reviewUpheld': -1 }),
    expected: [
      {
        severity: '错误',
        cells: ['t4.cases.reviewUpheld'],
        message: '行政复议·结果维持 应为非负整数，现为 -1',
      },
    ],
  },
  // ------------------------------------------------------------ T2-D: counts are integers, the fee an amount
  {
    rule: 'T2-D',
    what: 'half a 规章 and a negative fee',
    report: () => withCells(manual(), { 't2.rules.issued': 1.5, 't2.fees.amount': -0.5 }),
    expected: [
      { severity: '错误', cells: ['t2.rules.issued'], message: '规章·本年制发件数 应为非负整数，现为 1.5' },
      {
        severity: '错误',
        cells: ['t2.fees.amount'],
        message:
          '行政事业性收费·本年收费金额（单位：万元） 应为不小于 0 的金额（万元，最多 4 位小数），现为 -0.5',
      },
    ],
  },
  {
    rule: 'T2-D',
    what: 'a fee with 5 decimals (万元 to 0.1 元)',
    report: () => withCells(manual(), { 't2.fees.amount': 0.00001 }),
    expected: [
      {
        severity: '错误',
        cells: ['t2.fees.amount'],
        message:
          '行政事业性收费·本年收费金额（单位：万元） 应为不小于 0 的金额（万元，最多 4 位小数），现为 0.00001',
      },
    ],
  },
  // ------------------------------------------------------------ INPUT: typed text that is not a value
  {
    rule: 'INPUT',
    what: '«1.5» typed into a count cell and «.5» into the fee, both kept as typed',
    report: edit((r) => {
      r.cells['t4.cases.reviewUpheld'] = null;
      r.cells['t2.fees.amount'] = null;
      r.invalidEntries = { 't4.cases.reviewUpheld': '1.5', 't2.fees.amount': '.5' };
    }),
    expected: [
      {
        severity: '错误',
        cells: ['t2.fees.amount'],
        message:
          '行政事业性收费·本年收费金额（单位：万元） 填写的“.5”小数点前缺少数字（小于 1 的金额要写出 0，如“0.5”）',
      },
      {
        severity: '错误',
        cells: ['t4.cases.reviewUpheld'],
        message: '行政复议·结果维持 填写的“1.5”不是整数（件数只能填写非负整数）',
      },
    ],
  },
  // ------------------------------------------------------------ T2-A (提示): 现行有效 ≈ last year + 制发 − 废止
  {
    rule: 'T2-A',
    what: 'last year 现行有效 60, so 60 + 26 − 4 = 82 expected, 81 printed',
    report: edit((r) => {
      r.lastYear = { year: 2020, cells: { 't2.normative.valid': 60 }, sections: {} };
    }),
    expected: [
      {
        severity: '提示',
        cells: ['t2.normative.valid', 't2.normative.issued', 't2.normative.repealed'],
        message:
          '行政规范性文件·现行有效件数 为 81，按上年现行有效 60 加本年制发 26 减本年废止 4 约应为 82（修订、自然失效可致差异，请核对）',
      },
    ],
  },
  // ------------------------------------------------------------ T3-E (提示): 上年结转 = last year's 结转下年度
  {
    rule: 'T3-E',
    what: 'last year carried 1 自然人 application out, this year none carried in',
    report: edit((r) => {
      r.lastYear = { year: 2020, cells: { 't3.carriedOut.natural': 1 }, sections: {} };
    }),
    expected: [
      {
        severity: '提示',
        cells: ['t3.carriedIn.natural'],
        message: `${CARRIED_IN}·自然人 为 0，但 2020 年报告的${OUT}·自然人 为 1`,
      },
    ],
  },
  // ------------------------------------------------------------ T3-F (提示): figures quoted in 一、总体情况
  {
    rule: 'T3-F',
    what: 'the overview says 申请5件, the table 3',
    report: edit((r) => {
      r.sections.overview = r.sections.overview.replace('政府信息公开申请3件', '政府信息公开申请5件');
    }),
    expected: [
      {
        severity: '提示',
        fields: ['overview'],
        cells: ['t3.new.total', 't3.carriedIn.total'],
        message: `一、总体情况 写“我厅共收到公民、法人和其他组织政府信息公开申请5件”（5 件），但表三 ${NEW}·总计 为 3`,
      },
    ],
  },
  {
    rule: 'T3-F',
    what: 'the overview says 办结申请2件, （七）总计 is 3',
    report: edit((r) => {
      r.sections.overview += '\n全年办结申请2件。';
    }),
    expected: [
      {
        severity: '提示',
        cells: ['t3.total.total'],
        fields: ['overview'],
        message: '一、总体情况 写“全年办结申请2件”（2 件），但表三 三（七）总计·总计 为 3',
      },
    ],
  },
  {
    rule: 'T3-F',
    what: 'the overview says 结转下年度1件, the table 0',
    report: edit((r) => {
      r.sections.overview += '\n结转下年度1件。';
    }),
    expected: [
      {
        severity: '提示',
        cells: ['t3.carriedOut.total'],
        fields: ['overview'],
        message: `一、总体情况 写“结转下年度1件”（1 件），但表三 ${OUT}·总计 为 0`,
      },
    ],
  },
  {
    rule: 'T4-F',
    what: 'the overview says 行政复议1件, table 4 none',
    report: edit((r) => {
      r.sections.overview += '\n本年度被申请行政复议1件。';
    }),
    expected: [
      {
        severity: '提示',
        cells: ['t4.cases.reviewTotal'],
        fields: ['overview'],
        message: '一、总体情况 写“本年度被申请行政复议1件”（1 件），但表四 行政复议·总计 为 0',
      },
    ],
  },
  // ------------------------------------------------------------ S6-FEE: 六 states the 信息处理费
  {
    rule: 'S6-FEE',
    what: '六 without the 信息处理费 sentence',
    report: edit((r) => {
      r.sections.other = '无其他需报告的事项。';
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['other'],
        message:
          '六、其他需要报告的事项 未说明信息处理费收取情况：应写明收费金额和件数，未收取的也要写明（如“本年度未收取信息处理费”）',
      },
    ],
  },
  // ------------------------------------------------------------ YEAR-PERIOD: year, period and preamble agree
  {
    rule: 'YEAR-PERIOD',
    what: 'a period ending in the next year',
    report: edit((r) => {
      r.period = { start: '2021-01-01', end: '2022-12-31' };
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['year', 'period', 'preamble'],
        message: '报告年度为 2021 年，但统计期限为 2021-01-01 至 2022-12-31，两者不一致',
      },
    ],
  },
  {
    rule: 'YEAR-PERIOD',
    what: 'the year moved on, the period not',
    report: edit((r) => {
      r.year = 2022;
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['year', 'period', 'preamble'],
        message: '报告年度为 2022 年，但统计期限为 2021-01-01 至 2021-12-31，两者不一致',
      },
    ],
  },
  {
    rule: 'YEAR-PERIOD',
    what: 'a period running backwards',
    report: edit((r) => {
      r.period = { start: '2021-12-31', end: '2021-01-01' };
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['year', 'period', 'preamble'],
        message: '统计期限 起始日期 2021-12-31 晚于截止日期 2021-01-01',
      },
    ],
  },
  {
    rule: 'YEAR-PERIOD',
    what: 'no period',
    report: edit((r) => {
      r.period = { start: '', end: '' };
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['year', 'period', 'preamble'],
        message: '统计期限 未填写（一般为 2021年1月1日至2021年12月31日）',
      },
    ],
  },
  {
    rule: 'YEAR-PERIOD',
    what: 'last year’s preamble left in place',
    report: edit((r) => {
      r.preamble = r.preamble.replace('2021年1月1日至2021年12月31日', '2020年1月1日至2020年12月31日');
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['year', 'period', 'preamble'],
        message: '报告年度为 2021 年，但前言写“统计期限为2020年1月1日至2020年12月31日”，两者不一致',
      },
    ],
  },
  {
    rule: 'YEAR-PERIOD',
    what: 'last year’s period in the preamble, written with spaces and 到',
    report: edit((r) => {
      r.preamble = r.preamble.replace(
        '2021年1月1日至2021年12月31日',
        '2020 年 1 月 1 日到 2020 年 12 月 31 日',
      );
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['year', 'period', 'preamble'],
        message:
          '报告年度为 2021 年，但前言写“统计期限为2020 年 1 月 1 日到 2020 年 12 月 31 日”，两者不一致',
      },
    ],
  },
  // ------------------------------------------------------------ META-AGENCY, META-YEAR
  {
    rule: 'META-AGENCY',
    what: 'an agency name of blanks',
    report: edit((r) => {
      r.agency = ' 　';
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['agency'],
        message: '机关名称 未填写（报告标题为“机关名称＋年度＋年政府信息公开工作年度报告”）',
      },
    ],
  },
  {
    rule: 'META-YEAR',
    what: 'no year (the period check waits for one)',
    report: edit((r) => {
      r.year = null;
    }),
    expected: [{ severity: '错误', cells: [], fields: ['year'], message: '报告年度 未填写' }],
  },
  // ------------------------------------------------------------ EMPTY (提示): one per table
  {
    rule: 'EMPTY',
    what: 'a zero leaf left empty (手工填写)',
    report: () => withCells(manual(), { 't3.granted.natural': null }),
    expected: [{ severity: '提示', cells: [], message: emptyNote('表三', '三（一）予以公开·自然人') }],
  },
  {
    rule: 'EMPTY',
    what: 'a zero 总计 left empty (手工填写: totals are the clerk’s too)',
    report: () => withCells(manual(), { 't3.carriedIn.total': null }),
    expected: [{ severity: '提示', cells: [], message: emptyNote('表三', `${CARRIED_IN}·总计`) }],
  },
  {
    rule: 'EMPTY',
    what: 'a zero leaf of each table left empty (自动合计)',
    report: () =>
      auto({ 't2.rules.issued': null, 't3.refusedQuery.legal': null, 't4.cases.afterReviewOther': null }),
    expected: [
      { severity: '提示', cells: [], message: emptyNote('表二', '规章·本年制发件数') },
      { severity: '提示', cells: [], message: emptyNote('表三', '三（三）8.属于行政查询事项·法律服务机构') },
      { severity: '提示', cells: [], message: emptyNote('表四', '行政诉讼·复议后起诉·其他结果') },
    ],
  },
  {
    rule: 'EMPTY-TABLE',
    what: 'table 4 left wholly blank after 新建下一年度, last year’s filled',
    report: () => {
      const r = auto(
        Object.fromEntries(
          ['review', 'direct', 'afterReview'].flatMap((g) =>
            ['Upheld', 'Corrected', 'Other', 'Pending'].map((p) => [`t4.cases.${g}${p}`, null]),
          ),
        ),
      );
      r.lastYear = { year: 2020, cells: { 't4.cases.reviewUpheld': 0 }, sections: {} };
      return r;
    },
    expected: [
      {
        severity: '提示',
        cells: [],
        message:
          '表四（政府信息公开行政复议、行政诉讼情况）整张表还没有填写，而 2020 年报告的这张表有数字：请填写本年的数字（确实没有发生的填 0）',
      },
    ],
  },
  // ------------------------------------------------------------ TEXT-EMPTY, TEXT-STALE (提示)
  {
    rule: 'TEXT-EMPTY',
    what: '五 left blank',
    report: edit((r) => {
      r.sections.problems = ' \n ';
    }),
    expected: [
      { severity: '提示', cells: [], fields: ['problems'], message: '五、存在的主要问题及改进情况 未填写' },
    ],
  },
  {
    rule: 'TEXT-EMPTY',
    what: 'no preamble',
    report: edit((r) => {
      r.preamble = '';
    }),
    expected: [{ severity: '提示', cells: [], fields: ['preamble'], message: '前言 未填写' }],
  },
  {
    rule: 'TEXT-EMPTY',
    what: 'no 一、总体情况',
    report: edit((r) => {
      r.sections.overview = '';
    }),
    expected: [{ severity: '提示', cells: [], fields: ['overview'], message: '一、总体情况 未填写' }],
  },
  {
    rule: 'TEXT-STALE',
    what: '五 copied from last year and not yet revised: an 错误 (issue 15)',
    report: edit((r) => {
      r.staleSections = ['problems'];
    }),
    expected: [
      {
        severity: '错误',
        cells: [],
        fields: ['problems'],
        message:
          '五、存在的主要问题及改进情况 还是从上年报告复制来的文字（需更新）：请按本年情况修改；确实沿用的，点“已核对，沿用”并写明理由',
      },
    ],
  },
  // ------------------------------------------------------------ TEXT-SIMILAR (提示): 内容雷同 with last year
  {
    rule: 'TEXT-SIMILAR',
    what: '五 is last year’s with only the year changed',
    report: edit((r) => {
      r.lastYear = {
        year: 2020,
        cells: {},
        sections: {
          problems: r.sections.problems.replace('2020年政府信息公开工作', '2019年政府信息公开工作'),
        },
      };
    }),
    expected: [
      {
        severity: '提示',
        cells: [],
        fields: ['problems'],
        message:
          '五、存在的主要问题及改进情况 与 2020 年报告的同一部分 100% 相同（内容雷同），共 4 段相同，如“二是原规范性文件标识不明确，未规范设置“政策文件”目录并集中公开规范性文件，未公…”。请按本年度实际情况重写',
      },
    ],
  },
];

describe('each rule, broken alone', () => {
  it('the sample fires nothing before any mutation', () => {
    expect(firedRuleIds(evaluate(manual()))).toEqual([]);
    expect(firedRuleIds(evaluate(withTotals(sampleReport({ manualTotals: false }))))).toEqual([]);
  });

  it.each(MUTATIONS)('$rule: $what', ({ rule, report, expected }) => {
    const mutated = report();
    expect(firedRuleIds(evaluate(mutated))).toEqual([rule]);
    expect(findingsOf(mutated, rule)).toEqual(expected.map((e) => ({ fields: [], ...e })));
  });

  it('a mutation leaves the sample it started from untouched', () => {
    const base = manual();
    const before = structuredClone(base);
    withCells(base, { 't3.new.natural': 9 });
    expect(base).toEqual(before);
  });

  it('covers every rule family of the engine, and no other', () => {
    expect([...new Set(RULES.map((r) => r.id))].sort()).toEqual([...RULE_IDS].sort());
    expect([...new Set(MUTATIONS.map((m) => m.rule))].sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('findings that go together on purpose', () => {
  it('an empty 六 is both unwritten (提示) and silent on the 信息处理费 (错误)', () => {
    const r = manual();
    r.sections.other = '';
    expect(firedRuleIds(evaluate(r))).toEqual(['S6-FEE', 'TEXT-EMPTY']);
  });

  it('an empty 总计 (手工填写) is empty, disagrees with its row, and leaves （七）总计 short', () => {
    const r = withCells(manual(), { 't3.granted.total': null });
    expect(firedRuleIds(evaluate(r))).toEqual(['EMPTY', 'T3-B', 'T3-C']);
    expect(findingsOf(r, 'T3-C').map((f) => f.message)).toEqual([
      '三（一）予以公开·总计 为 空，但自然人至其他各列之和为 1',
    ]);
    expect(findingsOf(r, 'T3-B').map((f) => f.message)).toEqual([
      '三（七）总计·总计 为 3，但（一）至（六）各项之和为 2',
    ]);
  });

  it('lists 错误 before 提示', () => {
    const r = withCells(manual(), { 't3.granted.natural': null, 't4.cases.reviewUpheld': 1 });
    r.staleSections = ['overview'];
    // 需更新 is an 错误 since issue 15: T4-A, TEXT-STALE, then EMPTY
    expect(evaluate(r).map((f) => f.severity)).toEqual(['错误', '错误', '提示']);
  });

  it('a figure quoted right in the overview is not flagged', () => {
    const r = manual();
    r.sections.overview += '\n全年办结申请3件，结转下年度0件。';
    expect(evaluate(r)).toEqual([]);
  });

  it('a fee with 4 decimals, as published (4068.208 万元), is an amount', () => {
    expect(evaluate(withCells(manual(), { 't2.fees.amount': 4068.208 }))).toEqual([]);
    expect(evaluate(withCells(manual(), { 't2.fees.amount': 0.0001 }))).toEqual([]);
  });
});

describe('engine helpers', () => {
  it('counts 错误 and 提示 separately', () => {
    const r = withCells(manual(), { 't3.granted.natural': null, 't4.cases.reviewUpheld': 1 });
    r.staleSections = ['overview', 'problems'];
    // T4-A and the two 需更新 (错误 since issue 15); EMPTY
    expect(countBySeverity(evaluate(r))).toEqual({ errors: 3, hints: 1 });
    expect(countBySeverity([])).toEqual({ errors: 0, hints: 0 });
  });

  it('writes numbers as a clerk would, without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(4068.208)).toBe('4068.208');
    expect(formatNumber(3)).toBe('3');
  });

  it('names the tables for the 审核 panel', () => {
    expect(TABLE_NAMES).toEqual({
      t2: '表二（主动公开政府信息情况）',
      t3: '表三（收到和处理政府信息公开申请情况）',
      t4: '表四（政府信息公开行政复议、行政诉讼情况）',
    });
  });
});
