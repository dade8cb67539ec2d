import type { CellId } from '../report/cells.ts';
import type { FieldKey, Finding, Severity } from '../report/rules.ts';

export interface Marks {
  severity: Severity;
  messages: string[];
}

/** Findings by the cell or field they involve, worst severity first, for marking the editor. */
export interface FindingIndex {
  cells: Map<CellId, Marks>;
  fields: Map<FieldKey, Marks>;
}

function add<K>(map: Map<K, Marks>, key: K, f: Finding) {
  const marks = map.get(key);
  if (!marks) map.set(key, { severity: f.severity, messages: [f.message] });
  else {
    marks.messages.push(f.message);
    if (f.severity === '错误') marks.severity = '错误';
  }
}

const sameMarks = (a: Marks, b: Marks) =>
  a.severity === b.severity &&
  a.messages.length === b.messages.length &&
  a.messages.every((m, i) => m === b.messages[i]);

/** Keeps the previous Marks object where nothing changed, so memoised cells and sections skip rendering. */
function reuse<K>(map: Map<K, Marks>, previous: Map<K, Marks> | undefined) {
  if (!previous) return;
  for (const [key, marks] of map) {
    const old = previous.get(key);
    if (old && sameMarks(old, marks)) map.set(key, old);
  }
}

export function indexFindings(findings: readonly Finding[], previous?: FindingIndex): FindingIndex {
  const index: FindingIndex = { cells: new Map(), fields: new Map() };
  for (const f of findings) {
    for (const cell of f.cells) add(index.cells, cell, f);
    for (const field of f.fields) add(index.fields, field, f);
  }
  reuse(index.cells, previous?.cells);
  reuse(index.fields, previous?.fields);
  return index;
}

export const cellDomId = (cell: CellId) => `cell-${cell}`;
export const fieldDomId = (field: FieldKey) => `field-${field}`;

/** Moves focus to the cell or field a finding is about (the 审核结果 panel's click-to-cell). */
export function focusFinding(f: Pick<Finding, 'cells' | 'fields'>) {
  const target = f.cells[0] ? cellDomId(f.cells[0]) : f.fields[0] ? fieldDomId(f.fields[0]) : null;
  const el = target ? document.getElementById(target) : null;
  if (!el) return;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
}
