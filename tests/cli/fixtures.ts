/** Paths of the files the CLI tests run on, relative to the repository root (vitest's cwd). */
export const EXAMPLE = 'examples/gx-kjt-2021.json';
const dir = 'tests/cli/fixtures';
/** The example with totals typed by hand and 三（七）总计·自然人 = 3 while its parts sum to 2. */
export const SUM_ERROR = `${dir}/sum-error.json`;
/** The example cut off after 400 characters. */
export const TRUNCATED = `${dir}/truncated.json`;
/** The example with 一·自然人 written as the string "2" and an unknown top-level field. */
export const SCHEMA_INVALID = `${dir}/schema-invalid.json`;
/** The example's tables as data lines only, labels in the ways clerks write them, CRLF. */
export const DATA_LINES_ONLY = `${dir}/data-lines-only.tsv`;
/** Part of table 2 saved by a spreadsheet in GBK, with a full-width digit, a dash and 1,024. */
export const GBK_TABLE2 = `${dir}/gbk-table2.tsv`;
export const MISSING = `${dir}/no-such-file.json`;

/** Units for 汇总 (written by fixtures/units/make.ts): the sample report under other agency names. */
const units = `${dir}/units`;
export const UNIT_FILES = {
  /** 甲局, draft file saved 2022-01-20. */
  jia: `${units}/jia.nianbao.json`,
  /** 甲局 again, saved 2022-01-10, with 规章·本年制发件数 = 7 (the sample has 0). */
  jiaOld: `${units}/jia-old.nianbao.json`,
  /** 乙局, plain report JSON. */
  yi: `${units}/yi.json`,
  /** 丙局, totals typed by hand, 三（七）总计·自然人 one too many: 3 错误. */
  bingError: `${units}/bing-error.nianbao.json`,
  /** A draft file cut off after 500 characters. */
  broken: `${units}/broken.nianbao.json`,
} as const;
