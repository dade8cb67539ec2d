/**
 * One cell of a published table, as written, read into a number. Blank and the dashes published
 * reports use for «none» read as 0 with a 提示; «22（其中修订16件）» reads 22 and keeps the rest as the
 * cell's note; anything else that is not plainly a number stays empty and is 不确定.
 */
import { cellValueProblem } from '../report/cell-input.ts';
import { AMOUNT_DECIMALS, type CellKind } from '../report/template.ts';
import type { ImportSeverity } from './issues.ts';

export interface ImportedValue {
  value: number | null;
  note?: string;
  /** Set when the clerk should look at this cell. */
  severity?: ImportSeverity;
  /** Chinese, without the cell's label (the caller puts it in front). */
  message?: string;
}

const DASHES = new Set(['/', '／', '—', '——', '-', '－', '–', '─', '━', '无', '\\']);
const UNITS = /^(件|万元|元|项|个|次|条)/;

/** Digits as ASCII, spaces of every kind gone: what is left is compared. */
function compact(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** The leading number of a cell (with thousands separators), if the cell starts with one. */
const NUMBER = /^([-－]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?/;

/**
 * Does this cell hold a value (a number, a dash, or nothing), as opposed to a label?
 * 「1.属于国家秘密」 and 「2021年」 are labels: after the number comes neither a unit, a bracket nor the end.
 */
export function looksLikeValue(raw: string): boolean {
  const text = compact(raw);
  if (text === '' || DASHES.has(text)) return true;
  const match = NUMBER.exec(text);
  if (!match) return false;
  const rest = text.slice(match[0].length).replace(UNITS, '');
  return rest === '' || /^[（(［[【]/.test(rest);
}

const stripBrackets = (text: string) => text.replace(/^[（(［[【](.*)[）)］\]】]$/s, '$1').trim();

/** @param isTotal a 总计 cell, which may hold more than one count (src/report/cell-input.ts). */
export function parseImportedValue(raw: string, kind: CellKind, isTotal = false): ImportedValue {
  const text = compact(raw);
  const written = raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (text === '') return { value: 0, severity: '提示', message: '原文为空白，按 0 读取' };
  if (DASHES.has(text)) return { value: 0, severity: '提示', message: `原文为“${written}”，按 0 读取` };
  const match = NUMBER.exec(text);
  if (!match) return { value: null, severity: '不确定', message: `原文“${written}”不是数字，保持空白` };
  const [whole, minus, digits, decimals] = match;
  const afterNumber = text.slice(whole.length);
  const unit = UNITS.exec(afterNumber)?.[0] ?? '';
  const rest = afterNumber.slice(unit.length);
  const value = Number(digits!.replace(/[,，]/g, '') + (decimals ?? ''));
  if (minus) return { value: null, severity: '不确定', message: `原文“${written}”是负数，保持空白` };
  if (unit === '元' && kind === 'amount') {
    return {
      value: null,
      severity: '不确定',
      message: `原文“${written}”单位为元，本格单位为万元，请换算后填写`,
    };
  }
  if (kind === 'count' && !Number.isInteger(value)) {
    return { value: null, severity: '不确定', message: `原文“${written}”不是整数（件数），保持空白` };
  }
  const problem = cellValueProblem(value, kind, isTotal); // what a cell may hold: src/report/cell-input.ts
  if (problem) return { value: null, severity: '不确定', message: `原文“${written}”${problem}，保持空白` };
  if (kind === 'amount' && (decimals?.length ?? 0) - 1 > AMOUNT_DECIMALS) {
    return {
      value: null,
      severity: '不确定',
      message: `原文“${written}”超过 ${AMOUNT_DECIMALS} 位小数，保持空白`,
    };
  }
  if (rest === '') return { value };
  if (!/^[（(［[【]/.test(rest)) {
    return { value: null, severity: '不确定', message: `原文“${written}”不是单纯的数字，保持空白` };
  }
  const note = stripBrackets(written.slice(written.search(/[（(［[【]/)));
  return {
    value,
    note,
    severity: '提示',
    message: `原文为“${written}”，读作 ${value}，括号中的“${note}”存为本格注释`,
  };
}
