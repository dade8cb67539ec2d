/**
 * Every value cell of the format, derived from the template: its id, kind, official label and
 * whether it is a total. Cell ids are `<table>.<row>.<column>`, e.g. `t3.total.natural`.
 */
import {
  type BlockDef,
  type CellKind,
  type ColumnDef,
  type RowDef,
  TABLES,
  type TableDef,
} from './template.ts';

export type CellId = string;

export interface CellDef {
  id: CellId;
  table: TableDef;
  block: BlockDef;
  row: RowDef;
  column: ColumnDef;
  kind: CellKind;
  /** Official row label, shortened where the stub nests: 「三（三）1.属于国家秘密」. */
  rowLabel: string;
  /** Official column label, qualified by its group where the leaf alone is ambiguous. */
  columnLabel: string;
  /** 「三（七）总计·自然人」 */
  label: string;
  /** Computed from other cells when totals are automatic. */
  isTotal: boolean;
  /** The cells this total is the sum of, along the row (columns) and/or along the column (rows). */
  sumOfColumns: CellId[] | null;
  sumOfRows: CellId[] | null;
}

export const cellId = (table: string, row: string, column: string): CellId => `${table}.${row}.${column}`;

/** 「三、本年度办理结果」 → 「三」 */
const numeral = (label: string) => label.split('、')[0] ?? label;
/** 「（二）部分公开（区分处理的，…）」 → 「（二）部分公开」 */
const withoutTrailingNote = (label: string) => label.replace(/^(（[^）]+）[^（]+)（.*）$/, '$1');
/** 「（三）不予公开」 → 「（三）」 */
const itemNumber = (label: string) => /^（[^）]+）/.exec(label)?.[0] ?? label;

export function rowLabelOf(row: RowDef): string {
  const [first, second, third] = row.path;
  if (first === undefined) return '';
  if (second === undefined) return first;
  if (third === undefined) return numeral(first) + withoutTrailingNote(second);
  return numeral(first) + itemNumber(second) + third;
}

function columnLabelOf(column: ColumnDef, block: BlockDef): string {
  const leaf = column.path[column.path.length - 1] ?? '';
  const ambiguous = block.columns.filter((c) => c.path[c.path.length - 1] === leaf).length > 1;
  if (!ambiguous) return leaf;
  // Drop header levels that cover the whole block: they tell nothing apart.
  const parts = column.path.filter((part, level) => !block.columns.every((c) => c.path[level] === part));
  return parts.join('·');
}

function buildCells(): CellDef[] {
  const cells: CellDef[] = [];
  for (const table of TABLES) {
    for (const block of table.blocks) {
      // Labels once per column and row, not per cell (the column label looks at the whole block).
      const columnLabels = new Map(block.columns.map((column) => [column, columnLabelOf(column, block)]));
      for (const row of block.rows) {
        const rowLabel = rowLabelOf(row);
        for (const column of block.columns) {
          const columnLabel = columnLabels.get(column)!;
          cells.push({
            id: cellId(table.id, row.key, column.key),
            table,
            block,
            row,
            column,
            kind: column.kind ?? 'count',
            rowLabel,
            columnLabel,
            label: rowLabel ? `${rowLabel}·${columnLabel}` : columnLabel,
            isTotal: Boolean(row.sumOf || column.sumOf),
            sumOfColumns: column.sumOf ? column.sumOf.map((c) => cellId(table.id, row.key, c)) : null,
            sumOfRows: row.sumOf ? row.sumOf.map((r) => cellId(table.id, r, column.key)) : null,
          });
        }
      }
    }
  }
  return cells;
}

export const CELLS: readonly CellDef[] = buildCells();
export const CELL_IDS: readonly CellId[] = CELLS.map((c) => c.id);
const BY_ID = new Map(CELLS.map((c) => [c.id, c]));

export function cellDef(id: CellId): CellDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown cell ${id}`);
  return def;
}

export const isCellId = (id: string): boolean => BY_ID.has(id);

export function cellsOfTable(tableId: TableDef['id']): CellDef[] {
  return CELLS.filter((c) => c.table.id === tableId);
}

/** Cells of a table in reading order (row by row), as a 2-D array per block. */
export function tableMatrix(table: TableDef): CellId[][] {
  return table.blocks.flatMap((block) =>
    block.rows.map((row) => block.columns.map((column) => cellId(table.id, row.key, column.key))),
  );
}
