/**
 * Why a file does not fit the schema, in Chinese, one line per problem, naming the place by the
 * report's own label: 「一、本年新收政府信息公开申请数量·自然人」应为非负整数或留空，文件中为 "abc"。
 * zod 4's zh-CN locale supplies the base message (passed per parse, so zod's global configuration
 * is left alone for the rest of the app); the common cases are reworded here with the label.
 */
import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { cellRequirement } from '../report/cell-input.ts';
import { type CellDef, cellDef, isCellId } from '../report/cells.ts';
import { labelOfFilePath, type Path, shownKey } from './labels.ts';

export type Issue = z.core.$ZodIssue;

/** Pass to safeParse: Chinese base messages and the offending input on each issue. */
export const ZH_PARSE_OPTIONS = { error: zhCN().localeError, reportInput: true } as const;

const MAX_SHOWN_CHARS = 40;

/** A value from the file as the clerk would see it in the file: strings quoted, long ones cut. */
export function showFileValue(value: unknown): string {
  if (value === undefined) return '（没有这一项）';
  if (value === null) return 'null（空）';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '一个超出范围的数字';
  if (typeof value === 'string') {
    const chars = Array.from(value);
    const cut = chars.length > MAX_SHOWN_CHARS ? `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `一个列表（${value.length} 项）`;
  if (typeof value === 'object') return '一组内容 {…}';
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '一组内容 {…}',
  record: '一组内容 {…}',
  array: '列表 […]',
  null: 'null',
};

/** The cell a path names (this year's or last year's), or null. */
function cellAt(path: Path): CellDef | null {
  const inReport = path[0] === 'report' ? path.slice(1) : path;
  const [top, second, third] = inReport;
  const id = top === 'cells' ? second : top === 'lastYear' && second === 'cells' ? third : undefined;
  if (typeof id !== 'string' || !isCellId(id) || inReport.length > (top === 'cells' ? 2 : 3)) return null;
  return cellDef(id);
}

const isDatePath = (path: Path) => path.includes('period');

/** Keys named in a message: the first few, each shortened, then how many there are in all. */
const MAX_KEYS_SHOWN = 5;

function keyList(keys: readonly PropertyKey[]): string {
  const shown = keys.slice(0, MAX_KEYS_SHOWN).map(shownKey).join('、');
  return keys.length > MAX_KEYS_SHOWN ? `${shown} 等共 ${keys.length} 项` : shown;
}

function wording(issue: Issue): string {
  const shown = `文件中为 ${showFileValue(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '缺失（文件中没有这一项）';
      const cell = cellAt(issue.path);
      if (cell) return `应为 ${cellRequirement(cell.kind, cell.isTotal)}或留空，${shown}`;
      const expected = EXPECTED[issue.expected] ?? '其他内容';
      return `应为${expected}，${shown}`;
    }
    case 'too_big':
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? issue.input.length : null;
        return `过长：最多 ${issue.maximum} 个字符${length === null ? '' : `，文件中有 ${length} 个`}`;
      }
      if (issue.origin === 'array') return `项数过多：最多 ${issue.maximum} 项`;
      if (issue.origin === 'number') return `不能大于 ${issue.maximum}，${shown}`;
      return `过大，${shown}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      if (issue.origin === 'number') return `不能小于 ${issue.minimum}，${shown}`;
      return `过小，${shown}`;
    case 'invalid_format':
      if (issue.format === 'date' || isDatePath(issue.path))
        return `应为日期（如 2021-12-31）或留空，${shown}`;
      if (issue.format === 'datetime') return `应为保存时间（由本工具保存时写入，请勿手改），${shown}`;
      // Our own patterns carry Chinese messages (the SHA-256 check); zod's own never reach the clerk.
      return `${issue.format === 'regex' ? issue.message : '格式不正确'}，${shown}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `应为 ${showFileValue(issue.values[0])}，${shown}`;
      return `应为以下之一：${issue.values.slice(0, MAX_KEYS_SHOWN).map(showFileValue).join('、')}${issue.values.length > MAX_KEYS_SHOWN ? ' 等' : ''}，${shown}`;
    case 'unrecognized_keys':
      return `中有本工具不认识的项：${keyList(issue.keys)}`;
    case 'invalid_union':
      if (isDatePath(issue.path)) return `应为日期（如 2021-12-31）或留空，${shown}`;
      return `不符合草稿格式，${shown}`;
    case 'custom':
      // Our own refinements (cell values, invalid entries beside a number): Chinese, with the value.
      return `${issue.message}，${shown}`;
    default:
      return `不符合草稿格式，${shown}`;
  }
}

/** Longest line of a refusal: a message names the place and the problem, never pages of content. */
export const MAX_LINE_CHARS = 300;

/** 「label」wording — one line per issue, at most MAX_LINE_CHARS characters. */
export function describeIssue(issue: Issue): string {
  return boundedLine(`「${labelOfFilePath(issue.path)}」${wording(issue)}`);
}

/** An issue of a bare report (not inside a file's envelope), labelled like one in a file. */
export function describeReportIssue(issue: Issue): string {
  return describeIssue({ ...issue, path: ['report', ...issue.path] } as Issue);
}

export function boundedLine(line: string): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  return `${line.slice(0, MAX_LINE_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** A report nests 4 levels inside the envelope; deeper junk is refused by the schema anyway. */
const MAX_SCAN_DEPTH = 16;

/**
 * Keys named __proto__ in a parsed value. JSON.parse makes them own properties; zod's records drop
 * them silently instead of refusing them, so they are looked for here. Iterative and depth-limited,
 * so a file nested thousands deep can neither overflow the stack nor take quadratic time.
 */
export function protoKeyPaths(value: unknown, limit = 20): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object' || path.length > MAX_SCAN_DEPTH) continue;
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (const key of keys) {
      const child = (v as Record<PropertyKey, unknown>)[key];
      if (key === '__proto__') found.push(path);
      else stack.push({ value: child, path: [...path, key] });
    }
  }
  return found;
}

export function describeProtoKey(path: Path): string {
  return boundedLine(
    `「${labelOfFilePath(path)}」中有不允许的项名 "__proto__"（这种写法会干扰网页程序，本工具不接受）`,
  );
}
