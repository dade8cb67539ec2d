/**
 * The 2021 national format (国办公开办函〔2021〕30号) as data: the one place where sections, tables,
 * rows, columns, header paths, cell kinds, totals and counting notes are written down.
 * Everything else (grid, rules, PDF, file schema, importer, CLI) derives from this module.
 * Labels are exactly those of ../shared/spec/format-2021.md, full-width brackets included.
 */

export type CellKind = 'count' | 'amount';

export const UNIT: Record<CellKind, string> = { count: '件', amount: '万元' };
/** Amounts (万元) keep at most this many decimal places; published reports show up to 4 (4068.208). */
export const AMOUNT_DECIMALS = 4;

export interface ColumnDef {
  key: string;
  /**
   * Header labels from the top header row down to this column's own label. Consecutive columns
   * sharing a prefix are merged into one spanning header cell; a path shorter than the table's
   * header depth lets its last label grow downwards.
   */
  path: readonly string[];
  kind?: CellKind;
  /** Grid units this column occupies (table 2's single-value bands span all 3 value units). */
  span?: number;
  /** Keys of the columns in the same row that this column is the sum of (a 总计 column). */
  sumOf?: readonly string[];
}

export interface RowDef {
  key: string;
  /**
   * Stub labels from the outermost level in. Consecutive rows sharing a prefix are merged into one
   * spanning stub cell; a path shorter than the stub depth lets its last label grow rightwards.
   */
  path: readonly string[];
  /** Counting note shown as help on the row label. */
  help?: string;
  /** Keys of the rows in the same column that this row is the sum of (a 总计 row). */
  sumOf?: readonly string[];
}

export interface BlockDef {
  /** Full-width band title row (table 2: 第二十条第（一）项 …). */
  title?: string;
  /** Header over the stub columns: the corner cell, spanning every stub column and header row. */
  stubHeader?: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
}

export interface TableDef {
  id: 't2' | 't3' | 't4';
  /** Short name used in messages and the 审核 panel. */
  name: string;
  /** Stub columns (row-label columns); 0 for table 4. */
  stubDepth: number;
  /** Value grid units (table 2: 3; table 3: 7; table 4: 15). */
  valueUnits: number;
  /** Header rows above each block's data rows. */
  headerDepth: number;
  /** Text printed beside the table, e.g. the unit. */
  unitNote: string;
  blocks: readonly BlockDef[];
  /** Help for whole table (shown under the grid). */
  notes?: readonly string[];
}

export type TextSectionKey = 'overview' | 'problems' | 'other';

export type SectionDef =
  | {
      no: string;
      heading: string;
      kind: 'text';
      key: TextSectionKey;
      subheads: readonly string[];
      hint: string;
    }
  | { no: string; heading: string; kind: 'table'; table: TableDef['id'] };

// ---------------------------------------------------------------- table 2

const T2_STUB = '信息内容';
const decisions = (label: string) => [{ key: 'decisions', path: [label], span: 3 }] as const;

export const TABLE2: TableDef = {
  id: 't2',
  name: '表二（主动公开政府信息情况）',
  stubDepth: 1,
  valueUnits: 3,
  headerDepth: 1,
  unitNote: '单位：件；行政事业性收费单位：万元',
  blocks: [
    {
      title: '第二十条第（一）项',
      stubHeader: T2_STUB,
      columns: [
        { key: 'issued', path: ['本年制发件数'] },
        { key: 'repealed', path: ['本年废止件数'] },
        { key: 'valid', path: ['现行有效件数'] },
      ],
      rows: [
        { key: 'rules', path: ['规章'] },
        { key: 'normative', path: ['行政规范性文件'] },
      ],
    },
    {
      title: '第二十条第（五）项',
      stubHeader: T2_STUB,
      columns: decisions('本年处理决定数量'),
      rows: [{ key: 'license', path: ['行政许可'] }],
    },
    {
      title: '第二十条第（六）项',
      stubHeader: T2_STUB,
      columns: decisions('本年处理决定数量'),
      rows: [
        { key: 'penalty', path: ['行政处罚'] },
        { key: 'enforcement', path: ['行政强制'] },
      ],
    },
    {
      title: '第二十条第（八）项',
      stubHeader: T2_STUB,
      columns: [{ key: 'amount', path: ['本年收费金额（单位：万元）'], span: 3, kind: 'amount' }],
      rows: [{ key: 'fees', path: ['行政事业性收费'] }],
    },
  ],
  notes: [
    '现行有效件数一般约等于上年现行有效件数加本年制发件数减本年废止件数（制发可含修订，废止可含自然失效，故只作提示）。',
  ],
};

// ---------------------------------------------------------------- table 3

const APPLICANTS = '申请人情况';
const ORGS = '法人或其他组织';
const T3_LEAF_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'] as const;

const RESULTS = '三、本年度办理结果';
const REFUSED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_HANDLED = '（五）不予处理';
const OTHER = '（六）其他处理';

export const T3_OUTCOME_ROWS = [
  'granted',
  'partial',
  'refusedSecret',
  'refusedLaw',
  'refusedSafety',
  'refusedThirdParty',
  'refusedInternal',
  'refusedProcess',
  'refusedEnforcement',
  'refusedQuery',
  'unableNotHeld',
  'unableNeedsCreation',
  'unableUnclear',
  'notHandledPetition',
  'notHandledRepeat',
  'notHandledPublication',
  'notHandledMassive',
  'notHandledConfirm',
  'otherNoCorrection',
  'otherNoFee',
  'otherOther',
] as const;

export const TABLE3: TableDef = {
  id: 't3',
  name: '表三（收到和处理政府信息公开申请情况）',
  stubDepth: 3,
  valueUnits: 7,
  headerDepth: 3,
  unitNote: '单位：件',
  blocks: [
    {
      stubHeader: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      columns: [
        { key: 'natural', path: [APPLICANTS, '自然人'] },
        { key: 'business', path: [APPLICANTS, ORGS, '商业企业'] },
        { key: 'research', path: [APPLICANTS, ORGS, '科研机构'] },
        { key: 'nonprofit', path: [APPLICANTS, ORGS, '社会公益组织'] },
        { key: 'legal', path: [APPLICANTS, ORGS, '法律服务机构'] },
        { key: 'otherOrg', path: [APPLICANTS, ORGS, '其他'] },
        { key: 'total', path: [APPLICANTS, '总计'], sumOf: T3_LEAF_COLUMNS },
      ],
      rows: [
        { key: 'new', path: ['一、本年新收政府信息公开申请数量'] },
        { key: 'carriedIn', path: ['二、上年结转政府信息公开申请数量'] },
        {
          key: 'granted',
          path: [RESULTS, '（一）予以公开'],
          help: '每件本年办结的申请只计入一个办理结果。',
        },
        {
          key: 'partial',
          path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
          help: '部分公开（区分处理，《条例》第三十七条）：一件申请部分公开、部分不予公开的，只计一次，只计入（二），不计入其他情形。',
        },
        { key: 'refusedSecret', path: [RESULTS, REFUSED, '1.属于国家秘密'], help: '依据《条例》第十四条。' },
        {
          key: 'refusedLaw',
          path: [RESULTS, REFUSED, '2.其他法律行政法规禁止公开'],
          help: '依据《条例》第十四条。',
        },
        {
          key: 'refusedSafety',
          path: [RESULTS, REFUSED, '3.危及“三安全一稳定”'],
          help: '依据《条例》第十四条。',
        },
        {
          key: 'refusedThirdParty',
          path: [RESULTS, REFUSED, '4.保护第三方合法权益'],
          help: '依据《条例》第十五条（商业秘密、个人隐私）。',
        },
        {
          key: 'refusedInternal',
          path: [RESULTS, REFUSED, '5.属于三类内部事务信息'],
          help: '依据《条例》第十六条第一款（人事管理、后勤管理、内部工作流程）。',
        },
        {
          key: 'refusedProcess',
          path: [RESULTS, REFUSED, '6.属于四类过程性信息'],
          help: '依据《条例》第十六条第二款（讨论记录、过程稿、磋商信函、请示报告）。',
        },
        {
          key: 'refusedEnforcement',
          path: [RESULTS, REFUSED, '7.属于行政执法案卷'],
          help: '依据《条例》第十六条第二款（行政执法案卷）。',
        },
        {
          key: 'refusedQuery',
          path: [RESULTS, REFUSED, '8.属于行政查询事项'],
          help: '依据《条例》第三十六条第（七）项。',
        },
        { key: 'unableNotHeld', path: [RESULTS, UNABLE, '1.本机关不掌握相关政府信息'] },
        { key: 'unableNeedsCreation', path: [RESULTS, UNABLE, '2.没有现成信息需要另行制作'] },
        { key: 'unableUnclear', path: [RESULTS, UNABLE, '3.补正后申请内容仍不明确'] },
        { key: 'notHandledPetition', path: [RESULTS, NOT_HANDLED, '1.信访举报投诉类申请'] },
        { key: 'notHandledRepeat', path: [RESULTS, NOT_HANDLED, '2.重复申请'] },
        { key: 'notHandledPublication', path: [RESULTS, NOT_HANDLED, '3.要求提供公开出版物'] },
        { key: 'notHandledMassive', path: [RESULTS, NOT_HANDLED, '4.无正当理由大量反复申请'] },
        { key: 'notHandledConfirm', path: [RESULTS, NOT_HANDLED, '5.要求行政机关确认或重新出具已获取信息'] },
        {
          key: 'otherNoCorrection',
          path: [RESULTS, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
        },
        {
          key: 'otherNoFee',
          path: [RESULTS, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
          help: '适用于申请人未在规定期限内缴纳《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收费通知所列费用的情形。',
        },
        { key: 'otherOther', path: [RESULTS, OTHER, '3.其他'] },
        {
          key: 'total',
          path: [RESULTS, '（七）总计'],
          sumOf: T3_OUTCOME_ROWS,
          help: '（七）总计等于（一）至（六）各项之和。',
        },
        { key: 'carriedOut', path: ['四、结转下年度继续办理'] },
      ],
    },
  ],
  notes: [
    '本表每一列：一（本年新收）加二（上年结转）之和，等于三（七）总计加四（结转下年度继续办理）之和。',
    '部分公开（区分处理的）只计入（二），每件本年办结的申请只计入一个办理结果。',
  ],
};

// ---------------------------------------------------------------- table 4

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结'] as const;
const OUTCOME_KEYS = ['Upheld', 'Corrected', 'Other', 'Pending'] as const;

function outcomeGroup(prefix: string, path: readonly string[]): ColumnDef[] {
  const parts = OUTCOME_KEYS.map((k) => prefix + k);
  return [
    ...OUTCOMES.map((label, i) => ({ key: parts[i]!, path: [...path, label] })),
    { key: `${prefix}Total`, path: [...path, '总计'], sumOf: parts },
  ];
}

export const TABLE4: TableDef = {
  id: 't4',
  name: '表四（政府信息公开行政复议、行政诉讼情况）',
  stubDepth: 0,
  valueUnits: 15,
  headerDepth: 3,
  unitNote: '单位：件',
  blocks: [
    {
      columns: [
        ...outcomeGroup('review', ['行政复议']),
        ...outcomeGroup('direct', ['行政诉讼', '未经复议直接起诉']),
        ...outcomeGroup('afterReview', ['行政诉讼', '复议后起诉']),
      ],
      rows: [{ key: 'cases', path: [] }],
    },
  ],
  notes: ['复议机关作共同被告的行政诉讼案件，只计原行为机关，复议机关不计（国办公开办函〔2016〕201号）。'],
};

export const TABLES: readonly TableDef[] = [TABLE2, TABLE3, TABLE4];

// ---------------------------------------------------------------- the document

export const SECTIONS: readonly SectionDef[] = [
  {
    no: '一',
    heading: '一、总体情况',
    kind: 'text',
    key: 'overview',
    subheads: [
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ],
    hint: '一般按五个小标题分述；政府还应写明工作考核、社会评议和责任追究结果情况。',
  },
  { no: '二', heading: '二、主动公开政府信息情况', kind: 'table', table: 't2' },
  { no: '三', heading: '三、收到和处理政府信息公开申请情况', kind: 'table', table: 't3' },
  { no: '四', heading: '四、政府信息公开行政复议、行政诉讼情况', kind: 'table', table: 't4' },
  {
    no: '五',
    heading: '五、存在的主要问题及改进情况',
    kind: 'text',
    key: 'problems',
    subheads: ['（一）上年度问题整改情况', '（二）本年度存在的问题及改进措施'],
    hint: '既写上年度问题的整改情况，也写本年度存在的问题和改进措施。',
  },
  {
    no: '六',
    heading: '六、其他需要报告的事项',
    kind: 'text',
    key: 'other',
    subheads: [
      '（一）信息处理费收取情况',
      '（二）落实上级年度政务公开工作要点情况',
      '（三）人大代表建议和政协提案办理结果公开情况',
      '（四）政务公开工作创新情况',
    ],
    hint: '必须写明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取的也要写明（如“本年度未收取信息处理费”）。',
  },
];

export const TITLE_SUFFIX = '年政府信息公开工作年度报告';

export function reportTitle(agency: string, year: number | null): string {
  return `${agency}${year ?? ''}${TITLE_SUFFIX}`;
}

export function tableById(id: TableDef['id']): TableDef {
  const table = TABLES.find((t) => t.id === id);
  if (!table) throw new Error(`unknown table ${id}`);
  return table;
}
