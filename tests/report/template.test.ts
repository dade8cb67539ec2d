/**
 * The template against the spec (/work/shared/spec/format-2021.md). Every expected label below was
 * typed from the spec's text, to the character (full-width brackets, curly quotes): the template
 * must reproduce the official Word template exactly.
 */
import { describe, expect, it } from 'vitest';
import { CELL_IDS, CELLS, cellDef, cellsOfTable, isCellId, tableMatrix } from '../../src/report/cells.ts';
import {
  reportTitle,
  SECTIONS,
  TABLE2,
  TABLE3,
  TABLE4,
  TABLES,
  tableById,
  UNIT,
} from '../../src/report/template.ts';
import { T3_LEAF_COLUMN_KEYS, T3_OUTCOME_ROW_KEYS } from './helpers.ts';

const RESULTS = '三、本年度办理结果';

/** Table 3's stub, r1 … r25, level 1 / level 2 / level 3, as in the spec's table. */
const T3_ROW_PATHS: readonly (readonly string[])[] = [
  ['一、本年新收政府信息公开申请数量'],
  ['二、上年结转政府信息公开申请数量'],
  [RESULTS, '（一）予以公开'],
  [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  [RESULTS, '（三）不予公开', '1.属于国家秘密'],
  [RESULTS, '（三）不予公开', '2.其他法律行政法规禁止公开'],
  [RESULTS, '（三）不予公开', '3.危及“三安全一稳定”'],
  [RESULTS, '（三）不予公开', '4.保护第三方合法权益'],
  [RESULTS, '（三）不予公开', '5.属于三类内部事务信息'],
  [RESULTS, '（三）不予公开', '6.属于四类过程性信息'],
  [RESULTS, '（三）不予公开', '7.属于行政执法案卷'],
  [RESULTS, '（三）不予公开', '8.属于行政查询事项'],
  [RESULTS, '（四）无法提供', '1.本机关不掌握相关政府信息'],
  [RESULTS, '（四）无法提供', '2.没有现成信息需要另行制作'],
  [RESULTS, '（四）无法提供', '3.补正后申请内容仍不明确'],
  [RESULTS, '（五）不予处理', '1.信访举报投诉类申请'],
  [RESULTS, '（五）不予处理', '2.重复申请'],
  [RESULTS, '（五）不予处理', '3.要求提供公开出版物'],
  [RESULTS, '（五）不予处理', '4.无正当理由大量反复申请'],
  [RESULTS, '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'],
  [RESULTS, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  [RESULTS, '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  [RESULTS, '（六）其他处理', '3.其他'],
  [RESULTS, '（七）总计'],
  ['四、结转下年度继续办理'],
];

/** Table 3's value columns c1 … c7 with the header labels above them. */
const T3_COLUMN_PATHS: readonly (readonly string[])[] = [
  ['申请人情况', '自然人'],
  ['申请人情况', '法人或其他组织', '商业企业'],
  ['申请人情况', '法人或其他组织', '科研机构'],
  ['申请人情况', '法人或其他组织', '社会公益组织'],
  ['申请人情况', '法人或其他组织', '法律服务机构'],
  ['申请人情况', '法人或其他组织', '其他'],
  ['申请人情况', '总计'],
];

const T4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4_GROUPS = [['行政复议'], ['行政诉讼', '未经复议直接起诉'], ['行政诉讼', '复议后起诉']];

describe('the six sections', () => {
  it('come in the spec’s order with the 2021 wording', () => {
    expect(SECTIONS.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(SECTIONS.map((s) => (s.kind === 'table' ? s.table : s.key))).toEqual([
      'overview',
      't2',
      't3',
      't4',
      'problems',
      'other',
    ]);
  });

  it('make the title <机关名称><年度>年政府信息公开工作年度报告', () => {
    expect(reportTitle('自治区科技厅', 2021)).toBe('自治区科技厅2021年政府信息公开工作年度报告');
  });

  it('are backed by three tables, found by id', () => {
    expect(TABLES.map((t) => t.id)).toEqual(['t2', 't3', 't4']);
    expect(tableById('t3')).toBe(TABLE3);
    expect(() => tableById('t9' as 't2')).toThrow();
  });
});

describe('table 3 (收到和处理政府信息公开申请情况)', () => {
  const block = TABLE3.blocks[0]!;

  it('is one block of 25 rows × 7 columns = 175 count cells', () => {
    expect(TABLE3.blocks).toHaveLength(1);
    expect(tableMatrix(TABLE3)).toHaveLength(25);
    for (const row of tableMatrix(TABLE3)) expect(row).toHaveLength(7);
    const cells = cellsOfTable('t3');
    expect(cells).toHaveLength(175);
    expect(cells.every((c) => c.kind === 'count' && UNIT[c.kind] === '件')).toBe(true);
  });

  it('has every row label exactly as in the spec', () => {
    expect(block.rows.map((r) => r.path)).toEqual(T3_ROW_PATHS);
  });

  it('has every column label exactly as in the spec', () => {
    expect(block.columns.map((c) => c.path)).toEqual(T3_COLUMN_PATHS);
  });

  it('has the corner text of the official template', () => {
    expect(block.stubHeader).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(TABLE3.stubDepth).toBe(3);
    expect(TABLE3.headerDepth).toBe(3);
    expect(TABLE3.valueUnits).toBe(7);
  });

  it('declares （七）总计 as the sum of the 21 outcome rows and 总计 as the sum of the 6 applicant columns', () => {
    const totalRow = block.rows.find((r) => r.key === 'total')!;
    expect(totalRow.sumOf).toEqual(T3_OUTCOME_ROW_KEYS);
    const totalColumn = block.columns.find((c) => c.key === 'total')!;
    expect(totalColumn.sumOf).toEqual(T3_LEAF_COLUMN_KEYS);
    // Only the （七）总计 row and the 总计 column are totals: 25 + 7 − 1 = 31 cells.
    expect(cellsOfTable('t3').filter((c) => c.isTotal)).toHaveLength(31);
  });

  it('names cells the way a clerk reads them', () => {
    expect(cellDef('t3.total.natural').label).toBe('三（七）总计·自然人');
    expect(cellDef('t3.partial.total').label).toBe('三（二）部分公开·总计');
    expect(cellDef('t3.refusedSecret.business').label).toBe('三（三）1.属于国家秘密·商业企业');
    expect(cellDef('t3.new.otherOrg').label).toBe('一、本年新收政府信息公开申请数量·其他');
    expect(cellDef('t3.carriedOut.total').label).toBe('四、结转下年度继续办理·总计');
  });
});

describe('table 2 (主动公开政府信息情况)', () => {
  it('has four bands titled by the clauses of 《条例》第二十条, each with the stub header 信息内容', () => {
    expect(TABLE2.blocks.map((b) => b.title)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    expect(TABLE2.blocks.map((b) => b.stubHeader)).toEqual(['信息内容', '信息内容', '信息内容', '信息内容']);
  });

  it('has the column and row labels of the spec', () => {
    expect(TABLE2.blocks.map((b) => b.columns.map((c) => c.path))).toEqual([
      [['本年制发件数'], ['本年废止件数'], ['现行有效件数']],
      [['本年处理决定数量']],
      [['本年处理决定数量']],
      [['本年收费金额（单位：万元）']],
    ]);
    expect(TABLE2.blocks.map((b) => b.rows.map((r) => r.path))).toEqual([
      [['规章'], ['行政规范性文件']],
      [['行政许可']],
      [['行政处罚'], ['行政强制']],
      [['行政事业性收费']],
    ]);
  });

  it('has 10 cells: nine counts in 件 and the fee in 万元, no totals', () => {
    const cells = cellsOfTable('t2');
    expect(cells.map((c) => [c.id, UNIT[c.kind]])).toEqual([
      ['t2.rules.issued', '件'],
      ['t2.rules.repealed', '件'],
      ['t2.rules.valid', '件'],
      ['t2.normative.issued', '件'],
      ['t2.normative.repealed', '件'],
      ['t2.normative.valid', '件'],
      ['t2.license.decisions', '件'],
      ['t2.penalty.decisions', '件'],
      ['t2.enforcement.decisions', '件'],
      ['t2.fees.amount', '万元'],
    ]);
    expect(cells.some((c) => c.isTotal)).toBe(false);
  });

  it('lets single-value bands span all 3 value units', () => {
    expect(TABLE2.valueUnits).toBe(3);
    expect(TABLE2.blocks.map((b) => b.columns.map((c) => c.span ?? 1))).toEqual([[1, 1, 1], [3], [3], [3]]);
  });
});

describe('table 4 (政府信息公开行政复议、行政诉讼情况)', () => {
  const block = TABLE4.blocks[0]!;

  it('is one row of 15 count cells in three groups of 结果维持/结果纠正/其他结果/尚未审结/总计', () => {
    expect(block.rows).toHaveLength(1);
    expect(block.columns.map((c) => c.path)).toEqual(
      T4_GROUPS.flatMap((group) => T4_RESULTS.map((result) => [...group, result])),
    );
    const cells = cellsOfTable('t4');
    expect(cells).toHaveLength(15);
    expect(cells.every((c) => c.kind === 'count')).toBe(true);
  });

  it('makes each group’s 总计 the sum of its four results', () => {
    const totals = cellsOfTable('t4').filter((c) => c.isTotal);
    expect(totals.map((c) => [c.id, c.sumOfColumns])).toEqual(
      ['review', 'direct', 'afterReview'].map((g) => [
        `t4.cases.${g}Total`,
        ['Upheld', 'Corrected', 'Other', 'Pending'].map((part) => `t4.cases.${g}${part}`),
      ]),
    );
  });

  it('tells the three groups apart in cell labels', () => {
    expect(cellDef('t4.cases.reviewTotal').label).toBe('行政复议·总计');
    expect(cellDef('t4.cases.directUpheld').label).toBe('行政诉讼·未经复议直接起诉·结果维持');
    expect(cellDef('t4.cases.afterReviewPending').label).toBe('行政诉讼·复议后起诉·尚未审结');
  });
});

describe('the cell catalogue', () => {
  it('has 200 cells with distinct ids and distinct labels', () => {
    expect(CELLS).toHaveLength(10 + 175 + 15);
    expect(new Set(CELL_IDS).size).toBe(200);
    expect(new Set(CELLS.map((c) => c.label)).size).toBe(200);
  });

  it('knows its own ids and no others', () => {
    expect(isCellId('t3.total.natural')).toBe(true);
    expect(isCellId('t3.total.people')).toBe(false);
    expect(() => cellDef('t3.total.people')).toThrow();
  });

  it('lists cells in reading order: table by table, row by row', () => {
    expect(CELL_IDS.slice(0, 3)).toEqual(['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid']);
    expect(CELL_IDS.slice(10, 12)).toEqual(['t3.new.natural', 't3.new.business']);
    expect(CELL_IDS.at(-1)).toBe('t4.cases.afterReviewTotal');
  });
});
