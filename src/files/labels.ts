/**
 * The Chinese label of any place in a report or a draft file, from the report's own labels: cells by
 * cellDef(id).label, text sections by their SECTIONS heading. Used in file messages and diffs, so a
 * clerk reads 「一、本年新收政府信息公开申请数量·自然人」, never `cells.t3.new.natural`.
 */
import { cellDef, isCellId } from '../report/cells.ts';
import type { Report } from '../report/document.ts';
import { confirmationLabel } from '../report/review-state.ts';
import { SECTIONS } from '../report/template.ts';

export type Path = readonly PropertyKey[];

/** Contact fields as the 报告基本信息 form names them. */
export const CONTACT_LABELS: Record<keyof Report['contact'], string> = {
  address: '联系地址',
  postcode: '邮政编码',
  phone: '联系电话',
  email: '电子邮箱',
  website: '网站（电子版下载地址）',
};

const TOP_LABELS: Record<keyof Report, string> = {
  formatVersion: '报告格式版本',
  id: '草稿编号',
  agency: '机关名称',
  year: '报告年度',
  period: '统计期限',
  contact: '联系方式',
  preamble: '前言',
  sections: '正文',
  cells: '表格数据',
  notes: '单元格备注',
  manualTotals: '合计方式（自动合计或手工填写）',
  lastYear: '上年数据',
  staleSections: '需更新的正文部分',
  invalidEntries: '未能识别的单元格输入',
  confirmations: '已确认的提示及说明',
};

const PERIOD_LABELS: Record<string, string> = { start: '起始日期', end: '截止日期' };

const ENVELOPE_LABELS: Record<string, string> = {
  type: '文件类型标记',
  fileFormatVersion: '文件格式版本',
  savedAt: '保存时间',
  appVersion: '保存文件的工具版本',
  sha256: '校验值',
  report: '报告内容',
};

// Object.hasOwn is missing in Chromium 86, the oldest browser supported.
const own = (record: Record<string, string>, key: PropertyKey): string | undefined =>
  typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;

function sectionHeading(key: PropertyKey): string | undefined {
  const section = SECTIONS.find((s) => s.kind === 'text' && s.key === key);
  return section?.heading;
}

function cellLabel(key: PropertyKey): string | undefined {
  return typeof key === 'string' && isCellId(key) ? cellDef(key).label : undefined;
}

const MAX_KEY_CHARS = 30;

/** A key from the file, quoted as written; a long one is cut (a 4 MB key name is shown by its start). */
export function shownKey(key: PropertyKey): string {
  const text = String(key);
  if (text.length <= MAX_KEY_CHARS) return JSON.stringify(text);
  return JSON.stringify(`${text.slice(0, MAX_KEY_CHARS).replace(/[\uD800-\uDBFF]$/, '')}…`);
}

/** Unknown keys are shown as written, quoted, so "__proto__" or a typo is visible as such. */
const raw = (key: PropertyKey) => (typeof key === 'number' ? `第 ${key + 1} 项` : shownKey(key));

function inner(top: PropertyKey, key: PropertyKey): string {
  switch (top) {
    case 'cells':
    case 'notes':
    case 'invalidEntries':
      return cellLabel(key) ?? raw(key);
    case 'sections':
    case 'staleSections':
      return sectionHeading(key) ?? raw(key);
    case 'contact':
      return own(CONTACT_LABELS, key) ?? raw(key);
    case 'confirmations':
      return typeof key === 'string' ? confirmationLabel(key) : raw(key);
    case 'period':
      return own(PERIOD_LABELS, key) ?? raw(key);
    default:
      return raw(key);
  }
}

/** ['cells','t3.new.natural'] → 「一、本年新收政府信息公开申请数量·自然人」; [] → 「报告」. */
export function labelOfReportPath(path: Path): string {
  const [top, ...rest] = path;
  if (top === undefined) return '报告';
  const topLabel = own(TOP_LABELS, top) ?? raw(top);
  if (rest.length === 0) return topLabel;
  if (top === 'lastYear') {
    const [part, key, ...more] = rest;
    const partLabel =
      part === 'year' ? '年度' : part === 'cells' ? '表格数据' : part === 'sections' ? '正文' : raw(part!);
    if (key === undefined) return `上年数据·${partLabel}`;
    const keyLabel =
      part === 'cells' ? cellLabel(key) : part === 'sections' ? sectionHeading(key) : undefined;
    return ['上年数据', keyLabel ?? raw(key), ...more.map(raw)].join('·');
  }
  const [key, ...more] = rest;
  const keyLabel = inner(top, key!);
  // A cell or a section heading names itself; a note is qualified so it is not taken for the cell.
  const head = top === 'cells' || top === 'sections' ? keyLabel : `${topLabel}·${keyLabel}`;
  return [head, ...more.map(raw)].join('·');
}

/** A path in the whole file: ['report', …] is a place in the report, anything else is the envelope. */
export function labelOfFilePath(path: Path): string {
  const [top, ...rest] = path;
  if (top === undefined) return '文件内容';
  if (top === 'report' && rest.length > 0) return labelOfReportPath(rest);
  return own(ENVELOPE_LABELS, top) ?? raw(top);
}
