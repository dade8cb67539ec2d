/**
 * What a clerk types or pastes into a cell, turned into a number. Shared by the grid (typing and
 * block paste) and anything else that reads numbers written by people.
 */
import { AMOUNT_DECIMALS, type CellKind } from './template.ts';

export type CellInput =
  | { ok: true; value: number | null; dashAsZero: boolean }
  | { ok: false; reason: string };

/** Published reports write these for "none"; they read as 0 with a 提示. */
const DASHES = new Set(['/', '／', '—', '——', '-', '－', '–', '─', '无']);

/** Full-width digits and punctuation → ASCII; thousands separators and spaces removed. */
export function normaliseNumberText(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/(\d)[,，](?=\d{3}(?:\D|$))/g, '$1');
}

export function parseCellInput(raw: string, kind: CellKind): CellInput {
  const text = normaliseNumberText(raw);
  if (text === '') return { ok: true, value: null, dashAsZero: false };
  if (DASHES.has(text)) return { ok: true, value: 0, dashAsZero: true };
  if (kind === 'count') {
    if (/^\d+$/.test(text)) {
      const value = Number(text);
      if (Number.isSafeInteger(value)) return { ok: true, value, dashAsZero: false };
      return { ok: false, reason: `数字过大：“${raw.trim()}”` };
    }
    if (/^-\d/.test(text)) return { ok: false, reason: `不能为负数：“${raw.trim()}”（没有发生请填 0）` };
    if (/^\d*\.\d+$/.test(text)) return { ok: false, reason: `件数应为整数：“${raw.trim()}”` };
    return { ok: false, reason: `不是数字：“${raw.trim()}”（此格只能填写非负整数）` };
  }
  const amount = new RegExp(`^\\d+(\\.\\d{0,${AMOUNT_DECIMALS}})?$`);
  if (amount.test(text)) return { ok: true, value: Number(text), dashAsZero: false };
  if (/^-\d/.test(text)) return { ok: false, reason: `金额不能为负数：“${raw.trim()}”` };
  if (/^\d+\.\d+$/.test(text))
    return { ok: false, reason: `金额最多 ${AMOUNT_DECIMALS} 位小数：“${raw.trim()}”` };
  return { ok: false, reason: `不是金额：“${raw.trim()}”（单位：万元，可带小数）` };
}

/** A text fragment still being typed that may become valid ("12." for an amount). */
export function isPartialAmount(raw: string): boolean {
  return /^\d+\.$/.test(normaliseNumberText(raw));
}

export function formatCellValue(value: number | null): string {
  return value === null ? '' : String(value);
}
