/**
 * What the importer looks for in a table, derived from the template (never typed again here): each
 * data row's official label and the looser forms published reports use, the group headings rows sit
 * under (（三）不予公开), and each block's column headers.
 */

import type { BlockDef, ColumnDef, RowDef, TableDef } from '../report/template.ts';
import { normaliseLabel } from './normalise.ts';

export interface RowTarget {
  blockIndex: number;
  block: BlockDef;
  /** null for a group heading such as 「（六）其他处理」: rows sit under it, it has no cells itself. */
  row: RowDef | null;
  /** The official label, as the template writes it. */
  official: string;
  /** Normalised forms that identify it, the official one first. */
  keys: string[];
}

/** 「（二）」「三、」「1.」 at the start of a normalised label. */
const NUMBERING = /^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.)/;
/** A trailing note in brackets: 「(二)部分公开(区分处理的,…)」 → 「(二)部分公开」. */
const TRAILING_NOTE = /^(.+?)\([^()]*\)$/;
/** Shorter forms (「其他」「总计」) would also match column headers and other text. */
const MIN_LOOSE_CHARS = 4;

function looseForms(official: string): string[] {
  const full = normaliseLabel(official);
  const withoutNote = TRAILING_NOTE.exec(full)?.[1] ?? full;
  const forms = [full, withoutNote, full.replace(NUMBERING, ''), withoutNote.replace(NUMBERING, '')];
  return forms.filter(
    (form, i) => form.length >= (i === 0 ? 1 : MIN_LOOSE_CHARS) && forms.indexOf(form) === i,
  );
}

function buildTargets(table: TableDef): RowTarget[] {
  const targets: RowTarget[] = [];
  const groups = new Set<string>();
  table.blocks.forEach((block, blockIndex) => {
    for (const row of block.rows) {
      row.path.slice(0, -1).forEach((label) => {
        if (groups.has(label)) return;
        groups.add(label);
        targets.push({ blockIndex, block, row: null, official: label, keys: looseForms(label) });
      });
      // A row without a stub (table 4's only row) has no label to find: the reader knows it by its header.
      const leaf = row.path[row.path.length - 1];
      targets.push({
        blockIndex,
        block,
        row,
        official: leaf ?? '',
        keys: leaf === undefined ? [] : looseForms(leaf),
      });
    }
  });
  // A loose form found inside another label would match in the wrong place: keep only safe ones.
  return targets.map((target) => ({
    ...target,
    keys: target.keys.filter(
      (key, i) => i === 0 || !targets.some((other) => other !== target && other.keys[0]?.includes(key)),
    ),
  }));
}

const TARGETS = new Map<TableDef, RowTarget[]>();

export function rowTargets(table: TableDef): RowTarget[] {
  let targets = TARGETS.get(table);
  if (!targets) {
    targets = buildTargets(table);
    TARGETS.set(table, targets);
  }
  return targets;
}

/** The column header labels of a block (every level), normalised, in order, without repeats. */
export function columnHeaderKeys(columns: readonly ColumnDef[]): { official: string; key: string }[] {
  const seen = new Set<string>();
  const out: { official: string; key: string }[] = [];
  for (const column of columns) {
    for (const official of column.path) {
      const key = normaliseLabel(official);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ official, key });
    }
  }
  return out;
}
