/**
 * What a cell may hold, defined once, and what a clerk types or pastes turned into such a value.
 * Every path that brings numbers in uses this module: typing and block paste (grid), file
 * validation (document.ts schema), the importer's number check, `from-tables` (tsv.ts), 汇总 and the
 * CLI. So no path can bring in a value another refuses.
 *
 * A count (件) is an integer 0 … MAX_COUNT; an amount (万元) is ≥ 0, below 10^9 and has at most
 * AMOUNT_DECIMALS decimals. Both bounds are far beyond any real report and keep every value, and
 * every sum of them, exact in a double (an amount has at most 13 significant digits; a total of up
 * to 1000 full counts stays below 10^12).
 */
import { AMOUNT_DECIMALS, type CellKind } from './template.ts';

/** Largest count of a cell typed by the clerk: 9 digits. */
export const MAX_COUNT = 999_999_999;
/** Largest count of a 总计 cell: room for the sum of up to 1000 cells of MAX_COUNT each. */
export const MAX_TOTAL_COUNT = 999_999_999_999;
/** Largest amount in 万元: below 10^9 with 4 decimals. */
export const MAX_AMOUNT = 999_999_999.9999;

export function maxCellValue(kind: CellKind, isTotal = false): number {
  if (kind === 'amount') return MAX_AMOUNT;
  return isTotal ? MAX_TOTAL_COUNT : MAX_COUNT;
}

const SCALE = 10 ** AMOUNT_DECIMALS;

const NOT_INTEGER = '不是整数（件数只能填写非负整数）';
const NEGATIVE: Record<CellKind, string> = {
  count: '是负数（件数只能填写非负整数，没有发生请填 0）',
  amount: '是负数（金额不能为负，没有收费请填 0）',
};
const TOO_MANY_DECIMALS = `超过 ${AMOUNT_DECIMALS} 位小数（金额单位为万元，最多 ${AMOUNT_DECIMALS} 位小数）`;
const NO_LEADING_DIGIT = '小数点前缺少数字（小于 1 的金额要写出 0，如“0.5”）';
const NOT_A_NUMBER: Record<CellKind, string> = {
  count: '不是数字（件数只能填写非负整数）',
  amount: '不是金额（单位为万元，只能填写数字，可带小数）',
};
const DASH_TYPED = '不是数字（没有发生请填 0）';

function tooBig(kind: CellKind, isTotal: boolean): string {
  if (kind === 'amount') return '超出范围（金额应小于 1000000000 万元）';
  return isTotal ? '超出范围（合计最多 12 位数）' : '超出范围（件数最多 9 位数）';
}

/**
 * Why a number cannot be held by a cell of this kind (Chinese, to follow the value: 「…，文件中为 1.5」
 * or 「填写的“1.5”…」), or null when it can.
 */
export function cellValueProblem(value: number, kind: CellKind, isTotal = false): string | null {
  if (!Number.isFinite(value)) return tooBig(kind, isTotal);
  if (value < 0) return NEGATIVE[kind];
  if (value > maxCellValue(kind, isTotal)) return tooBig(kind, isTotal);
  if (kind === 'count') return Number.isInteger(value) ? null : NOT_INTEGER;
  // Exact: below 10^13 ticks, the product's rounding error is far below half a tick, and dividing the
  // integer back gives the very double a decimal with at most 4 places is read as.
  return Math.round(value * SCALE) / SCALE === value ? null : TOO_MANY_DECIMALS;
}

/** What a cell may hold, as a requirement: 「0 至 999999999 的整数（件）」. */
export function cellRequirement(kind: CellKind, isTotal = false): string {
  if (kind === 'amount') return `0 至 ${MAX_AMOUNT} 的金额（万元，最多 ${AMOUNT_DECIMALS} 位小数）`;
  return `0 至 ${maxCellValue(kind, isTotal)} 的整数（件）`;
}

export type CellInput =
  | { ok: true; value: number | null; dashAsZero: boolean }
  | { ok: false; reason: string };

/** Published reports write these for "none"; pasted, they read as 0 with a 提示. */
const DASHES = new Set(['/', '／', '—', '——', '-', '－', '–', '─', '无']);

/** Full-width digits and punctuation → ASCII, spaces removed. */
function asciiDigits(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s\u00a0\u3000]/g, '');
}

/** Full-width digits and punctuation → ASCII; thousands separators and spaces removed. */
export function normaliseNumberText(raw: string): string {
  return asciiDigits(raw).replace(/(\d)[,，](?=\d{3}(?:\D|$))/g, '$1');
}

const ok = (value: number | null, dashAsZero = false): CellInput => ({ ok: true, value, dashAsZero });
const refused = (reason: string): CellInput => ({ ok: false, reason });

/**
 * Text typed or pasted into a cell → its value, or why it is not one. The reason names no value:
 * callers quote what was written in front of it (「填写的“1.5”不是整数…」).
 */
export function parseCellInput(raw: string, kind: CellKind, isTotal = false): CellInput {
  const text = normaliseNumberText(raw);
  if (text === '') return ok(null);
  if (DASHES.has(text)) return ok(0, true);
  if (/^[-－−]/.test(text)) return refused(/\d/.test(text) ? NEGATIVE[kind] : NOT_A_NUMBER[kind]);
  if (/^\.\d+$/.test(text)) return refused(kind === 'count' ? NOT_INTEGER : NO_LEADING_DIGIT);
  const number = /^\d+(?:\.(\d*))?$/.exec(text);
  if (!number) return refused(NOT_A_NUMBER[kind]);
  const decimals = number[1];
  if (kind === 'count' && decimals !== undefined) return refused(NOT_INTEGER);
  if (decimals !== undefined && decimals.length > AMOUNT_DECIMALS) return refused(TOO_MANY_DECIMALS);
  const value = Number(text);
  const problem = cellValueProblem(value, kind, isTotal);
  return problem ? refused(problem) : ok(value);
}

/**
 * Why text kept as a cell's invalid entry (report.invalidEntries) is not a value of the cell, to
 * follow 「填写的“…”」. A dash typed alone is one too: only a pasted block reads it as 0.
 */
export function invalidEntryReason(text: string, kind: CellKind, isTotal = false): string {
  const parsed = parseCellInput(text, kind, isTotal);
  if (!parsed.ok) return parsed.reason;
  return parsed.dashAsZero ? DASH_TYPED : '未能作为数字保存（请重新填写）';
}

/**
 * Text on its way to a valid entry that is not one yet: a thousands separator typed, its group of
 * three digits not complete («1,2» on the way to «1,234»). The grid does not mark it until the
 * clerk moves on.
 */
export function mayBecomeValid(raw: string): boolean {
  return /^\d{1,3}(?:[,，]\d{3})*[,，]\d{0,2}$/.test(asciiDigits(raw));
}

/** Longest text of an entry quoted in a message; anything longer is cut with 「…」. */
const MAX_QUOTED = 20;

/** What was written, trimmed and cut for quoting in a message. */
export function quotedEntry(raw: string): string {
  const chars = Array.from(raw.trim());
  return chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : chars.join('');
}

export function formatCellValue(value: number | null): string {
  return value === null ? '' : String(value);
}
