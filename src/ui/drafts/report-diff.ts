/**
 * What changed between two versions of a report, by official label: basic facts, table cells
 * (「三（七）总计·自然人」), texts line by line, cell notes. Pure and DOM-free; the history panel
 * shows it when previewing a revision. (A report-level module: it may move to src/report/.)
 */
import { CELLS, type CellId, cellDef } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { confirmationLabel } from '../../report/review-state.ts';
import { formatNumber } from '../../report/rules.ts';
import { SECTIONS } from '../../report/template.ts';

export interface ValueChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export interface CellChange {
  id: CellId;
  label: string;
  tableName: string;
  before: number | null;
  after: number | null;
}

export interface LineChange {
  op: 'same' | 'removed' | 'added';
  text: string;
}

export interface TextChange {
  key: string;
  label: string;
  lines: LineChange[];
}

export interface ReportDiff {
  fields: ValueChange[];
  cells: CellChange[];
  texts: TextChange[];
  notes: ValueChange[];
  /** Confirmed 提示 added, withdrawn or with another 说明: before/after are the 说明 (empty: not confirmed). */
  confirmations: ValueChange[];
  /** Number of changed items (fields + cells + texts + notes + confirmations). */
  count: number;
}

const CONTACT_LABELS: Record<keyof Report['contact'], string> = {
  address: '联系地址',
  postcode: '邮政编码',
  phone: '联系电话',
  email: '电子邮箱',
  website: '网站（电子版下载地址）',
};

const period = (r: Report) => (r.period.start || r.period.end ? `${r.period.start} 至 ${r.period.end}` : '');
const totalsMode = (r: Report) => (r.manualTotals ? '手工填写' : '自动合计');

const FIELDS: readonly { key: string; label: string; read: (r: Report) => string }[] = [
  { key: 'agency', label: '机关名称', read: (r) => r.agency },
  { key: 'year', label: '报告年度', read: (r) => (r.year === null ? '' : String(r.year)) },
  { key: 'period', label: '统计期限', read: period },
  ...(Object.keys(CONTACT_LABELS) as (keyof Report['contact'])[]).map((key) => ({
    key: `contact.${key}`,
    label: CONTACT_LABELS[key],
    read: (r: Report) => r.contact[key],
  })),
  { key: 'manualTotals', label: '合计方式', read: totalsMode },
];

const TEXTS: readonly { key: string; label: string; read: (r: Report) => string }[] = [
  { key: 'preamble', label: '前言', read: (r) => r.preamble },
  ...SECTIONS.flatMap((s) =>
    s.kind === 'text' ? [{ key: s.key, label: s.heading, read: (r: Report) => r.sections[s.key] }] : [],
  ),
];

/** Above this many line pairs the texts are shown as replaced whole instead of diffed. */
const MAX_DIFF_CELLS = 1_000_000;

/** Line diff by longest common subsequence: removed lines of `before`, added lines of `after`. */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [
      ...a.map((text) => ({ op: 'removed' as const, text })),
      ...b.map((text) => ({ op: 'added' as const, text })),
    ];
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ op: 'removed', text: a[i++]! });
    } else {
      out.push({ op: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) out.push({ op: 'removed', text: a[i++]! });
  while (j < b.length) out.push({ op: 'added', text: b[j++]! });
  return out;
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const fields = FIELDS.flatMap(({ key, label, read }) => {
    const [x, y] = [read(before), read(after)];
    return x === y ? [] : [{ key, label, before: x, after: y }];
  });
  const cells = CELLS.flatMap((c) => {
    const [x, y] = [before.cells[c.id] ?? null, after.cells[c.id] ?? null];
    return x === y ? [] : [{ id: c.id, label: c.label, tableName: c.table.name, before: x, after: y }];
  });
  const texts = TEXTS.flatMap(({ key, label, read }) => {
    const [x, y] = [read(before), read(after)];
    return x === y ? [] : [{ key, label, lines: diffLines(x, y) }];
  });
  const noteIds = [...new Set([...Object.keys(before.notes), ...Object.keys(after.notes)])];
  const notes = noteIds.flatMap((id) => {
    const [x, y] = [before.notes[id] ?? '', after.notes[id] ?? ''];
    if (x === y) return [];
    const label = CELLS.some((c) => c.id === id) ? `注：${cellDef(id).label}` : `注：${id}`;
    return [{ key: id, label, before: x, after: y }];
  });
  const confirmations = diffConfirmations(before, after);
  return {
    fields,
    cells,
    texts,
    notes,
    confirmations,
    count: fields.length + cells.length + texts.length + notes.length + confirmations.length,
  };
}

/** 「表三：未填写的格（按 0 计）」: 说明 before → after, by the finding each confirms. */
function diffConfirmations(before: Report, after: Report): ValueChange[] {
  const notes = (r: Report) => new Map(r.confirmations.map((c) => [c.key, c.note]));
  const [a, b] = [notes(before), notes(after)];
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys.flatMap((key) => {
    const [x, y] = [a.get(key) ?? '', b.get(key) ?? ''];
    return x === y ? [] : [{ key, label: `已确认的提示 ${confirmationLabel(key)}`, before: x, after: y }];
  });
}

/** A cell value as the clerk wrote it; empty as 「空」. */
export function showCellValue(value: number | null): string {
  return value === null ? '空' : formatNumber(value);
}
