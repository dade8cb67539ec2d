/**
 * The 2019 trial format (国办公开办函〔2019〕60号, used for the 2019 and 2020 reports): only what
 * differs from the 2021 template, as spec §7 lists it. Everything else of a 2019 report is read with
 * the 2021 template.
 */
import { TABLE2 } from '../report/template.ts';
import { normaliseLabel } from './normalise.ts';
import { columnHeaderKeys } from './template-labels.ts';

export const FORMAT_2019_NAME = '2019年试行格式（国办公开办函〔2019〕60号）';

/** Section headings worded differently in 2019, by section numeral. */
export const HEADINGS_2019: Readonly<Record<string, string>> = {
  四: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  五: '五、政府信息公开工作存在的主要问题及改进情况',
};

/** Column headers of the 2019 table 2; none of them is in the 2021 table. */
export const TABLE2_COLUMNS_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '处理决定数量',
  '采购项目数量',
  '采购总金额',
] as const;

/** Rows only the 2019 table 2 has. */
export const TABLE2_ROWS_2019 = ['其他对外管理服务事项', '政府集中采购'] as const;

/** Does this normalised table 2 text carry the 2019 columns or rows? Returns the labels found. */
export function table2Labels2019(normalisedText: string): string[] {
  // 「处理决定数量」 is also inside 2021's 「本年处理决定数量」: look only at what 2021 labels leave.
  let rest = normalisedText;
  for (const { key } of TABLE2.blocks.flatMap((b) => columnHeaderKeys(b.columns)))
    rest = rest.split(key).join('|');
  return [...TABLE2_COLUMNS_2019, ...TABLE2_ROWS_2019].filter((label) =>
    rest.includes(normaliseLabel(label)),
  );
}

/** Table 3 rows that were one row, 「（六）其他处理」, in 2019 (keys of the 2021 template). */
export const TABLE3_ROWS_SPLIT_SINCE_2021: ReadonlySet<string> = new Set([
  'otherNoCorrection',
  'otherNoFee',
  'otherOther',
]);

/** Reports for years up to this one were written in the 2019 format. */
export const LAST_2019_FORMAT_YEAR = 2020;

export interface FormatEvidence {
  year: number | null;
  /** 2019-only labels found in table 2's part of the source. */
  table2Labels2019: string[];
  /** Numbers written directly under 「（六）其他处理」, with none of its 2021 rows present. */
  singleOtherRow: boolean;
  /** Table 2 has rows read under 2021 headers. */
  table2Is2021: boolean;
}

/** The format the source is in, with the reasons in Chinese (empty for 2021). */
export function detectFormat(e: FormatEvidence): { format: '2021' | '2019'; reasons: string[] } {
  const reasons: string[] = [];
  const labels = e.table2Labels2019;
  if (labels.length > 0) {
    reasons.push(
      `表二有2019年格式的栏目（${labels.slice(0, 3).join('、')}${labels.length > 3 ? '等' : ''}）`,
    );
  }
  if (e.singleOtherRow) reasons.push('表三的“（六）其他处理”只有一行');
  if (reasons.length === 0 && e.year !== null && e.year <= LAST_2019_FORMAT_YEAR && !e.table2Is2021) {
    reasons.push(`报告年度为 ${e.year} 年（${LAST_2019_FORMAT_YEAR} 年及以前的报告使用2019年格式）`);
  }
  return { format: reasons.length > 0 ? '2019' : '2021', reasons };
}
