/**
 * A table as read (table-reader.ts) turned into cell values, notes and issues: every cell of every
 * row the template has, each either read from the source or reported (未找到 / 不确定 / 提示).
 * Nothing is filled in that the source does not say.
 */
import { type CellId, cellDef, cellId } from '../report/cells.ts';
import type { RowDef } from '../report/template.ts';
import { parseImportedValue } from './cell-value.ts';
import type { ImportIssue } from './issues.ts';
import type { RowRead, TableRead } from './table-reader.ts';
import type { Token } from './table-tokens.ts';
import { columnHeaderKeys } from './template-labels.ts';

export interface TableCells {
  /** Cells read (a value, or null where the source has something that is not a number). */
  cells: Record<CellId, number | null>;
  notes: Record<CellId, string>;
  issues: ImportIssue[];
}

export interface TableCellsOptions {
  /** Rows not imported (2019's 「（六）其他处理」 split); their cells are neither read nor reported. */
  skipRows?: ReadonlySet<string>;
  /** Report numbers under labels that name no row (off when the table's part of the source is a guess). */
  reportOrphans: boolean;
  /**
   * The source does not mark its cells (text copied out of a PDF: numbers between spaces), so a
   * row with fewer numbers than columns has blank cells somewhere unknown: none of its numbers
   * has a certain place.
   */
  unmarked?: boolean;
}

/** Orphan or duplicate rows listed one by one; more are counted in one issue. */
const MAX_LISTED = 10;

const shown = (t: Token) => t.text.replace(/[\s\u00a0\u3000]+/g, ' ').trim() || '（空白）';
const sourceOf = (label: string, cells: readonly Token[]) =>
  [label, ...cells.map(shown)].filter(Boolean).join('｜');
/** Text after a label worth mentioning: at least two letters or digits. */
const meaningful = (text: string) => (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;

/** Row-level doubts, said once per cell of the row. */
function rowDoubts(read: RowRead): string[] {
  const official = read.target.official;
  const doubts: string[] = [];
  if (read.loose)
    doubts.push(`行名写作“${read.label}”，与官方的“${official}”不完全相同，按“${official}”读取`);
  if (meaningful(read.after)) doubts.push(`行名“${official}”后面还有“${read.after}”`);
  if (read.extra.length > 0) {
    doubts.push(`这一行多出 ${read.extra.length} 个数字（${read.extra.map(shown).join('、')}），可能错列`);
  }
  return doubts;
}

/**
 * Why, in text that does not mark its cells, a row's numbers have no certain place (null if they
 * have): fewer numbers than columns (which cells are blank is unknown), or another row's label
 * right before this one with no numbers between (the numbers may be that row's).
 */
function unplacedWhy(read: RowRead, columns: number): string | null {
  const written = read.cells.map(shown).join('、');
  if (read.cells.length < columns)
    return `原文这一行只有 ${read.cells.length} 个数字（${written}），少于 ${columns} 列，空白的是哪几格无法确定，这一行保持空白`;
  if (read.namedBefore.length > 0)
    return `原文中“${read.namedBefore.join('”“')}”和这一行的行名连在一起，后面的数字（${written}）属于哪一行无法确定，这一行保持空白`;
  return null;
}

/** Header check for the first row read of a block: are the block's column labels written above it? */
function headerDoubt(read: RowRead): { missing: string[]; none: boolean } {
  const keys = columnHeaderKeys(read.target.block.columns);
  const missing = keys.filter((k) => !read.headerBefore.includes(k.key)).map((k) => k.official);
  return { missing, none: missing.length === keys.length };
}

export function tableCells(read: TableRead, options: TableCellsOptions): TableCells {
  const out: TableCells = { cells: {}, notes: {}, issues: [] };
  const { table } = read;
  const issue = (i: ImportIssue) => out.issues.push(i);
  let headerless = false;

  table.blocks.forEach((block) => {
    let firstOfBlock = true;
    for (const row of block.rows as readonly RowDef[]) {
      if (options.skipRows?.has(row.key)) continue;
      const ids = block.columns.map((c) => cellId(table.id, row.key, c.key));
      const rowRead = read.rows.get(row.key);
      if (!rowRead) {
        const bare = read.withoutNumbers.find((w) => w.target.row === row);
        for (const id of ids) {
          issue(
            bare
              ? {
                  cell: id,
                  severity: '未找到',
                  message: `${cellDef(id).label}：原文有这一行，但后面没有数字（写作“${bare.label}”），保持空白`,
                  source: bare.label,
                  line: bare.line,
                }
              : {
                  cell: id,
                  severity: '未找到',
                  message: `${cellDef(id).label}：原文中没有找到这一行，保持空白`,
                },
          );
        }
        continue;
      }
      const doubts = rowDoubts(rowRead);
      // A row with cells missing: a cell may be lost anywhere in it, so the others may sit one column off.
      if (rowRead.cells.length > 0 && rowRead.cells.length < ids.length) {
        doubts.push(
          `原文这一行只有 ${rowRead.cells.length} 格，少于 ${ids.length} 列，可能中间缺了一格，各数字的列可能错位`,
        );
      }
      if (firstOfBlock) {
        const header = headerDoubt(rowRead);
        if (header.none) headerless = true;
        else if (header.missing.length > 0) {
          doubts.push(`表头中没有找到“${header.missing.join('”“')}”，按官方的列顺序读取`);
        }
        firstOfBlock = false;
      }
      const source = sourceOf(rowRead.label, rowRead.cells);
      const unplaced = options.unmarked && rowRead.cells.length > 0 && unplacedWhy(rowRead, ids.length);
      if (unplaced) {
        for (const id of ids) {
          out.cells[id] = null;
          issue({
            cell: id,
            severity: '不确定',
            message: `${cellDef(id).label}：${unplaced}`,
            source,
            line: rowRead.line,
          });
        }
        continue;
      }
      ids.forEach((id, k) => {
        const def = cellDef(id);
        const token = rowRead.cells[k];
        const line = token?.line ?? rowRead.line;
        for (const doubt of doubts)
          issue({ cell: id, severity: '不确定', message: `${def.label}：${doubt}`, source, line });
        if (!token) {
          out.cells[id] = null;
          issue({
            cell: id,
            severity: '未找到',
            message: `${def.label}：原文这一行只有 ${rowRead.cells.length} 个数字，本格没有找到，保持空白`,
            source,
            line,
          });
          return;
        }
        const parsed = parseImportedValue(token.text, def.kind, def.isTotal);
        out.cells[id] = parsed.value;
        if (parsed.note) out.notes[id] = parsed.note;
        if (parsed.severity) {
          issue({
            cell: id,
            severity: parsed.severity,
            message: `${def.label}：${parsed.message}`,
            source,
            line,
          });
        }
      });
    }
  });

  const tableName = table.name.split('（')[0]!;
  if (headerless && read.rows.size > 0) {
    issue({ table: table.id, severity: '提示', message: `${tableName}：原文中没有表头，按官方的列顺序读取` });
  }
  // Text that is not a table can make thousands of these: a few show where, the rest are counted.
  const listed = (items: readonly unknown[]) => items.slice(0, MAX_LISTED);
  for (const dup of listed(read.duplicates) as typeof read.duplicates) {
    issue({
      table: table.id,
      severity: '不确定',
      message: `${tableName}：“${dup.target.official}”这一行出现了两次，只读取了第一次，第二次未导入`,
      source: sourceOf(dup.label, dup.cells),
      line: dup.line,
    });
  }
  if (options.reportOrphans) {
    for (const orphan of listed(read.orphans) as typeof read.orphans) {
      issue({
        table: table.id,
        severity: '不确定',
        message: `${tableName}：“${orphan.label}”不是本表的行，它后面的数字未导入`,
        source: sourceOf(orphan.label, orphan.cells),
        line: orphan.line,
      });
    }
  }
  const unlisted =
    Math.max(0, read.duplicates.length - MAX_LISTED) +
    (options.reportOrphans ? Math.max(0, read.orphans.length - MAX_LISTED) : 0);
  if (unlisted > 0) {
    issue({
      table: table.id,
      severity: '不确定',
      message: `${tableName}：另有 ${unlisted} 处数字不能对应到本表的行，未导入`,
    });
  }
  return out;
}
