/**
 * The visual grid of a table (merged header and stub cells), derived from the template.
 * The editor grid and the PDF both draw this; neither knows a row's index.
 */
import { cellId } from './cells.ts';
import type { BlockDef, TableDef } from './template.ts';

export type LayoutRole = 'title' | 'corner' | 'columnHeader' | 'rowHeader' | 'value';

export interface LayoutCell {
  role: LayoutRole;
  /** Label text (all roles except value). */
  text?: string;
  /** Value cell id (role value). */
  cell?: string;
  /** First grid column (0-based) this cell occupies. */
  col: number;
  colSpan: number;
  rowSpan: number;
  /** Row key, for rowHeader cells (help lookup). */
  rowKey?: string;
}

export interface LayoutRow {
  cells: LayoutCell[];
  /** Data row key (undefined for title and header rows). */
  rowKey?: string;
}

export interface BlockLayout {
  title: LayoutRow | null;
  header: LayoutRow[];
  body: LayoutRow[];
}

export interface TableLayout {
  table: TableDef;
  width: number;
  blocks: BlockLayout[];
}

function runLength<T>(items: readonly T[], start: number, same: (a: T, b: T) => boolean): number {
  let n = 1;
  while (start + n < items.length && same(items[start]!, items[start + n]!)) n++;
  return n;
}

const samePrefix = (a: readonly string[], b: readonly string[], level: number) =>
  a.length > level && b.length > level && a.slice(0, level + 1).every((part, i) => part === b[i]);

function headerRows(table: TableDef, block: BlockDef): LayoutRow[] {
  const depth = table.headerDepth;
  const rows: LayoutRow[] = Array.from({ length: depth }, () => ({ cells: [] }));
  if (table.stubDepth > 0) {
    rows[0]!.cells.push({
      role: 'corner',
      text: block.stubHeader ?? '',
      col: 0,
      colSpan: table.stubDepth,
      rowSpan: depth,
    });
  }
  for (let level = 0; level < depth; level++) {
    let col = table.stubDepth;
    for (let i = 0; i < block.columns.length; ) {
      const column = block.columns[i]!;
      if (column.path.length <= level) {
        col += column.span ?? 1;
        i++;
        continue;
      }
      const n = runLength(block.columns, i, (a, b) => samePrefix(a.path, b.path, level));
      const group = block.columns.slice(i, i + n);
      const colSpan = group.reduce((sum, c) => sum + (c.span ?? 1), 0);
      const isLeaf = level === column.path.length - 1;
      rows[level]!.cells.push({
        role: 'columnHeader',
        text: column.path[level]!,
        col,
        colSpan,
        rowSpan: isLeaf ? depth - level : 1,
      });
      col += colSpan;
      i += n;
    }
  }
  return rows;
}

function bodyRows(table: TableDef, block: BlockDef): LayoutRow[] {
  return block.rows.map((row, r) => {
    const cells: LayoutCell[] = [];
    for (let level = 0; level < Math.min(row.path.length, table.stubDepth); level++) {
      const startsRun = r === 0 || !samePrefix(block.rows[r - 1]!.path, row.path, level);
      if (!startsRun) continue;
      const isLeaf = level === row.path.length - 1;
      cells.push({
        role: 'rowHeader',
        text: row.path[level]!,
        col: level,
        colSpan: isLeaf ? table.stubDepth - level : 1,
        rowSpan: isLeaf ? 1 : runLength(block.rows, r, (a, b) => samePrefix(a.path, b.path, level)),
        rowKey: row.key,
      });
    }
    let col = table.stubDepth;
    for (const column of block.columns) {
      const span = column.span ?? 1;
      cells.push({
        role: 'value',
        cell: cellId(table.id, row.key, column.key),
        col,
        colSpan: span,
        rowSpan: 1,
      });
      col += span;
    }
    return { cells, rowKey: row.key };
  });
}

export function tableLayout(table: TableDef): TableLayout {
  const width = table.stubDepth + table.valueUnits;
  return {
    table,
    width,
    blocks: table.blocks.map((block) => ({
      title: block.title
        ? { cells: [{ role: 'title', text: block.title, col: 0, colSpan: width, rowSpan: 1 }] }
        : null,
      header: headerRows(table, block),
      body: bodyRows(table, block),
    })),
  };
}
