/**
 * The reports of the importer's corpus: the sample (广西科技厅 2021, numbers as published) and five
 * reports typed here in the published style. For the typed ones the clerk's own figures are typed
 * (table 2, table 3's six applicant columns of rows 一、二 and every 办理结果, table 4's four outcomes);
 * what the format derives from them is derived as any published report has it: every 总计, and
 * 四、结转下年度继续办理 = 一 + 二 − 三（七）总计 (the format's T3-A). Texts are short but in the
 * structure and wording of real reports.
 */
import { readFileSync } from 'node:fs';
import { T3_OUTCOME_ROWS } from '../../src/report/template.ts';
import { EXPECTED_CELLS } from '../../tests/import/fixtures/expected.ts';

export interface CorpusReport {
  id: string;
  agency: string;
  year: number;
  preamble: string[];
  /** Paragraphs of 一、五、六 (sub-heads as paragraphs of their own). */
  overview: string[];
  problems: string[];
  other: string[];
  /** All 200 published values by cell id. */
  cells: Record<string, number>;
  /** How a zero is printed (most reports print 0; some leave it blank or write 「/」). */
  zero: '0' | '' | '/';
}

const T3_LEAVES = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'] as const;
const T4_GROUPS = ['review', 'direct', 'afterReview'] as const;
const T4_OUTCOMES = ['Upheld', 'Corrected', 'Other', 'Pending'] as const;

interface Typed {
  t2: { rules: [number, number, number]; normative: [number, number, number] };
  license: number;
  penalty: number;
  enforcement: number;
  fees: number;
  /** Rows 一、二 and the 21 outcome rows, six applicant columns each; rows not given are 0. */
  t3: Partial<Record<'new' | 'carriedIn' | (typeof T3_OUTCOME_ROWS)[number], readonly number[]>>;
  /** Four outcomes of 行政复议, 未经复议直接起诉, 复议后起诉. */
  t4: [readonly number[], readonly number[], readonly number[]];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Every published cell of a typed report, totals and 结转 derived as the format defines them. */
export function publishedCells(typed: Typed): Record<string, number> {
  const cells: Record<string, number> = {};
  (['issued', 'repealed', 'valid'] as const).forEach((column, i) => {
    cells[`t2.rules.${column}`] = typed.t2.rules[i]!;
    cells[`t2.normative.${column}`] = typed.t2.normative[i]!;
  });
  cells['t2.license.decisions'] = typed.license;
  cells['t2.penalty.decisions'] = typed.penalty;
  cells['t2.enforcement.decisions'] = typed.enforcement;
  cells['t2.fees.amount'] = typed.fees;
  const row = (key: string) => typed.t3[key as keyof Typed['t3']] ?? [0, 0, 0, 0, 0, 0];
  const put = (key: string, values: readonly number[]) => {
    if (values.length !== 6) throw new Error(`corpus: t3.${key} has ${values.length} values`);
    T3_LEAVES.forEach((column, i) => {
      cells[`t3.${key}.${column}`] = values[i]!;
    });
    cells[`t3.${key}.total`] = sum(values);
  };
  for (const key of ['new', 'carriedIn', ...T3_OUTCOME_ROWS]) put(key, row(key));
  const total = T3_LEAVES.map((_, i) => sum(T3_OUTCOME_ROWS.map((key) => row(key)[i]!)));
  put('total', total);
  const carriedOut = T3_LEAVES.map((_, i) => row('new')[i]! + row('carriedIn')[i]! - total[i]!);
  if (carriedOut.some((n) => n < 0)) throw new Error('corpus: more applications handled than received');
  put('carriedOut', carriedOut);
  T4_GROUPS.forEach((group, g) => {
    const values = typed.t4[g]!;
    T4_OUTCOMES.forEach((outcome, i) => {
      cells[`t4.cases.${group}${outcome}`] = values[i]!;
    });
    cells[`t4.cases.${group}Total`] = sum(values);
  });
  return cells;
}

/** Texts in the usual structure, with the agency's name and year. */
function texts(agency: string, year: number, focus: string) {
  return {
    preamble: [
      `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${agency}办公室联系（联系电话：0771-5551234）。`,
    ],
    overview: [
      `${year}年，${agency}坚持以公开为常态、不公开为例外，围绕${focus}，扎实推进政府信息公开工作。`,
      '（一）主动公开',
      `全年通过门户网站主动公开政府信息1536条，其中${focus}相关信息412条，及时更新机构职能、权责清单、财政预决算等法定主动公开内容。`,
      '（二）依申请公开',
      '严格按照《条例》规定受理、办理政府信息公开申请，规范答复文书格式，全部申请均在法定期限内答复。',
      '（三）政府信息管理',
      '落实公文公开属性源头认定机制，开展行政规范性文件清理，对现行有效文件集中公开并动态更新。',
      '（四）政府信息公开平台建设',
      '优化门户网站政府信息公开专栏，加强政务新媒体管理，推动信息发布、解读回应、办事服务一体联动。',
      '（五）监督保障',
      '调整政务公开工作领导小组，将政务公开纳入年度绩效考核，本年度未发生因政府信息公开工作被追责的情形。',
    ],
    problems: [
      '（一）上年度问题整改情况',
      '针对上年度信息更新不够及时的问题，建立栏目巡查制度，每月检查一次，发现问题及时整改。',
      '（二）本年度存在的问题及改进措施',
      `一是政策解读形式还不够丰富；二是${focus}信息公开的深度有待提高。下一步将创新解读方式，加强业务培训。`,
    ],
    other: [
      '（一）信息处理费收取情况',
      '本年度未收取信息处理费。',
      '（二）落实上级年度政务公开工作要点情况',
      '按照上级工作要点逐项落实，各项任务均已完成。',
    ],
  };
}

function typedReport(
  id: string,
  agency: string,
  year: number,
  focus: string,
  typed: Typed,
  zero: CorpusReport['zero'] = '0',
): CorpusReport {
  return { id, agency, year, ...texts(agency, year, focus), cells: publishedCells(typed), zero };
}

/** The sample's texts, cut at its headings as printed. */
function sampleReport(): CorpusReport {
  const lines = readFileSync(new URL('../../tests/import/fixtures/gx-kjt-2021.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = (heading: string) => lines.indexOf(heading);
  const table = at('二、主动公开政府信息情况');
  const five = at('五、存在的主要问题及改进情况');
  const six = at('六、其他需要报告的事项');
  return {
    id: 'gx-kjt-2021',
    agency: '自治区科技厅',
    year: 2021,
    preamble: lines.slice(1, at('一、总体情况')),
    overview: lines.slice(at('一、总体情况') + 1, table),
    problems: lines.slice(five + 1, six),
    other: lines.slice(six + 1),
    cells: { ...EXPECTED_CELLS },
    zero: '0',
  };
}

// biome-ignore format: the typed figures, one printed row per line
export const CORPUS_REPORTS: readonly CorpusReport[] = [
  sampleReport(),
  typedReport('city-office-2021', '南宁市人民政府办公室', 2021, '优化营商环境', {
    t2: { rules: [3, 1, 42], normative: [27, 9, 186] },
    license: 1268, penalty: 35, enforcement: 2, fees: 0,
    t3: {
      new:                  [1268, 45, 3, 2, 17, 11],
      carriedIn:            [36, 2, 0, 0, 1, 0],
      granted:              [402, 12, 1, 1, 5, 3],
      partial:              [118, 6, 0, 0, 2, 1],
      refusedSecret:        [2, 0, 0, 0, 0, 0],
      refusedLaw:           [5, 1, 0, 0, 0, 0],
      refusedSafety:        [3, 0, 0, 0, 0, 0],
      refusedThirdParty:    [21, 3, 0, 0, 1, 0],
      refusedInternal:      [9, 0, 0, 0, 0, 0],
      refusedProcess:       [27, 2, 0, 0, 1, 1],
      refusedEnforcement:   [14, 1, 0, 0, 0, 0],
      refusedQuery:         [6, 0, 0, 0, 0, 0],
      unableNotHeld:        [331, 9, 1, 1, 4, 3],
      unableNeedsCreation:  [47, 2, 0, 0, 1, 0],
      unableUnclear:        [38, 1, 0, 0, 0, 1],
      notHandledPetition:   [96, 3, 0, 0, 1, 0],
      notHandledRepeat:     [64, 1, 0, 0, 1, 1],
      notHandledPublication:[8, 0, 0, 0, 0, 0],
      notHandledMassive:    [12, 0, 0, 0, 0, 0],
      notHandledConfirm:    [7, 1, 0, 0, 0, 0],
      otherNoCorrection:    [23, 2, 1, 0, 0, 0],
      otherNoFee:           [1, 0, 0, 0, 0, 0],
      otherOther:           [19, 1, 0, 0, 1, 0],
    },
    t4: [[41, 6, 3, 5], [22, 3, 1, 4], [9, 1, 0, 2]],
  }),
  typedReport('county-land-2022', '隆安县自然资源局', 2022, '国土空间规划', {
    t2: { rules: [0, 0, 0], normative: [4, 2, 17] },
    license: 356, penalty: 48, enforcement: 6, fees: 12.35,
    t3: {
      new:                  [57, 4, 0, 0, 2, 1],
      carriedIn:            [3, 0, 0, 0, 0, 0],
      granted:              [21, 2, 0, 0, 1, 0],
      partial:              [6, 0, 0, 0, 0, 0],
      refusedThirdParty:    [2, 0, 0, 0, 0, 0],
      refusedProcess:       [3, 1, 0, 0, 0, 0],
      unableNotHeld:        [14, 1, 0, 0, 1, 1],
      unableNeedsCreation:  [2, 0, 0, 0, 0, 0],
      notHandledPetition:   [5, 0, 0, 0, 0, 0],
      notHandledRepeat:     [2, 0, 0, 0, 0, 0],
      otherNoCorrection:    [1, 0, 0, 0, 0, 0],
      otherOther:           [1, 0, 0, 0, 0, 0],
    },
    t4: [[3, 1, 0, 1], [2, 0, 0, 1], [0, 0, 0, 0]],
  }),
  typedReport('district-edu-2021', '青秀区教育局', 2021, '义务教育招生入学', {
    t2: { rules: [0, 0, 0], normative: [2, 0, 9] },
    license: 23, penalty: 0, enforcement: 0, fees: 0,
    t3: {
      new:                  [9, 0, 0, 0, 0, 0],
      granted:              [5, 0, 0, 0, 0, 0],
      partial:              [1, 0, 0, 0, 0, 0],
      unableNotHeld:        [2, 0, 0, 0, 0, 0],
    },
    t4: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
  }, ''),
  typedReport('province-eco-2023', '广西壮族自治区生态环境厅', 2023, '生态环境质量', {
    t2: { rules: [1, 0, 6], normative: [11, 5, 48] },
    license: 2417, penalty: 1385, enforcement: 97, fees: 0.8,
    t3: {
      new:                  [312, 58, 6, 9, 14, 5],
      carriedIn:            [11, 3, 0, 1, 0, 0],
      granted:              [141, 27, 4, 5, 6, 2],
      partial:              [38, 9, 1, 1, 2, 1],
      refusedSecret:        [1, 0, 0, 0, 0, 0],
      refusedLaw:           [2, 1, 0, 0, 0, 0],
      refusedThirdParty:    [7, 4, 0, 0, 1, 0],
      refusedInternal:      [3, 0, 0, 0, 0, 0],
      refusedProcess:       [9, 2, 0, 1, 1, 0],
      refusedEnforcement:   [5, 1, 0, 0, 0, 0],
      unableNotHeld:        [56, 8, 1, 1, 2, 1],
      unableNeedsCreation:  [12, 2, 0, 0, 1, 0],
      unableUnclear:        [6, 1, 0, 0, 0, 0],
      notHandledPetition:   [17, 1, 0, 0, 0, 0],
      notHandledRepeat:     [9, 2, 0, 1, 0, 0],
      notHandledMassive:    [3, 0, 0, 0, 0, 0],
      notHandledConfirm:    [2, 0, 0, 0, 0, 0],
      otherNoCorrection:    [4, 1, 0, 0, 1, 0],
      otherNoFee:           [0, 0, 0, 0, 0, 0],
      otherOther:           [3, 1, 0, 0, 0, 0],
    },
    t4: [[12, 2, 1, 3], [5, 1, 0, 2], [3, 0, 1, 1]],
  }, '/'),
  typedReport('city-police-2022', '柳州市公安局', 2022, '户籍和出入境管理', {
    t2: { rules: [0, 0, 0], normative: [6, 3, 31] },
    license: 15234, penalty: 8452, enforcement: 2311, fees: 1036.2075,
    t3: {
      new:                  [644, 12, 0, 1, 38, 4],
      carriedIn:            [21, 0, 0, 0, 2, 0],
      granted:              [187, 5, 0, 1, 10, 1],
      partial:              [46, 1, 0, 0, 5, 0],
      refusedSecret:        [4, 0, 0, 0, 0, 0],
      refusedLaw:           [11, 0, 0, 0, 1, 0],
      refusedSafety:        [9, 0, 0, 0, 0, 0],
      refusedThirdParty:    [36, 1, 0, 0, 3, 1],
      refusedInternal:      [5, 0, 0, 0, 0, 0],
      refusedProcess:       [14, 0, 0, 0, 1, 0],
      refusedEnforcement:   [58, 2, 0, 0, 6, 0],
      refusedQuery:         [73, 1, 0, 0, 4, 0],
      unableNotHeld:        [102, 2, 0, 0, 5, 1],
      unableNeedsCreation:  [17, 0, 0, 0, 1, 0],
      unableUnclear:        [9, 0, 0, 0, 0, 0],
      notHandledPetition:   [28, 0, 0, 0, 1, 0],
      notHandledRepeat:     [13, 0, 0, 0, 0, 0],
      notHandledPublication:[2, 0, 0, 0, 0, 0],
      notHandledMassive:    [6, 0, 0, 0, 0, 0],
      notHandledConfirm:    [4, 0, 0, 0, 1, 0],
      otherNoCorrection:    [8, 0, 0, 0, 0, 0],
      otherNoFee:           [1, 0, 0, 0, 0, 0],
      otherOther:           [6, 0, 0, 0, 1, 0],
    },
    t4: [[24, 5, 2, 3], [11, 2, 1, 3], [4, 1, 0, 1]],
  }),
];
