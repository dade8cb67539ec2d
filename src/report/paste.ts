/**
 * Block paste: a rectangle of TSV (from Excel/WPS or another grid) laid onto a table's cell matrix
 * from an anchor cell. All or nothing: one bad value rejects the whole paste and changes nothing.
 */
import { parseCellInput, quotedEntry } from './cell-input.ts';
import { type CellId, cellDef } from './cells.ts';

export interface PastePlan {
  ok: true;
  /** Values to write (total cells are left out when totals are automatic). */
  values: Record<CellId, number | null>;
  /** Cells whose "/", "—" or "-" was read as 0. */
  dashCells: CellId[];
  /** Cells that already held a different value (a revision should be kept first). */
  overwritten: CellId[];
  /** Total cells skipped because totals are computed; with the pasted value where it differed. */
  skippedTotals: { cell: CellId; pasted: number | null }[];
}

export type PasteResult = PastePlan | { ok: false; message: string };

/** Far more than the largest table holds (≈ 30 rows of 8 cells), so a stray huge paste is refused at once. */
const MAX_PASTE_CHARS = 100_000;

/** Splits clipboard text into rows of fields; a trailing newline (Excel always adds one) is ignored. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

/**
 * @param matrix rows of cell ids in visual order (tableMatrix), possibly ragged (table 2's bands)
 * @param anchor top-left cell of the paste
 */
export function planPaste(
  text: string,
  matrix: readonly (readonly CellId[])[],
  anchor: CellId,
  current: Readonly<Record<CellId, number | null>>,
  manualTotals: boolean,
): PasteResult {
  if (text.length > MAX_PASTE_CHARS) {
    return {
      ok: false,
      message: `剪贴板里的内容过长（约 ${Math.ceil(text.length / 1000)} 千字），不是一块表格数字，未做任何修改。请只复制要粘贴的单元格。`,
    };
  }
  const rows = parseTsv(text);
  if (rows.length === 0 || (rows.length === 1 && rows[0]!.length === 1 && rows[0]![0]!.trim() === '')) {
    return { ok: false, message: '剪贴板里没有可粘贴的数字。' };
  }
  const top = matrix.findIndex((row) => row.includes(anchor));
  if (top < 0) return { ok: false, message: '请先选中要粘贴到的单元格。' };
  const left = matrix[top]!.indexOf(anchor);
  const plan: PastePlan = { ok: true, values: {}, dashCells: [], overwritten: [], skippedTotals: [] };
  for (let r = 0; r < rows.length; r++) {
    const targetRow = matrix[top + r];
    const fields = rows[r]!;
    if (!targetRow || left + fields.length > targetRow.length) {
      return {
        ok: false,
        message: `粘贴的区域（${rows.length} 行 × ${rows.reduce((m, f) => Math.max(m, f.length), 0)} 列）超出了表格范围，未做任何修改。请少选几行或几列，或换一个起始单元格。`,
      };
    }
    for (let c = 0; c < fields.length; c++) {
      const id = targetRow[left + c]!;
      const def = cellDef(id);
      const parsed = parseCellInput(fields[c]!, def.kind, def.isTotal);
      if (!parsed.ok) {
        return {
          ok: false,
          message: `第 ${r + 1} 行第 ${c + 1} 列（对应 ${def.label}）的“${quotedEntry(fields[c]!)}”${parsed.reason}。整块粘贴已取消，表格未做任何修改。`,
        };
      }
      if (def.isTotal && !manualTotals) {
        if (parsed.value !== current[id]) plan.skippedTotals.push({ cell: id, pasted: parsed.value });
        continue;
      }
      if (parsed.dashAsZero) plan.dashCells.push(id);
      if (current[id] !== null && current[id] !== undefined && current[id] !== parsed.value)
        plan.overwritten.push(id);
      plan.values[id] = parsed.value;
    }
  }
  return plan;
}

/** The selected rectangle as TSV, for Ctrl+C. */
export function copyTsv(
  matrix: readonly (readonly CellId[])[],
  from: { row: number; col: number },
  to: { row: number; col: number },
  values: Readonly<Record<CellId, number | null>>,
): string {
  const lines: string[] = [];
  for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
    const row = matrix[r] ?? [];
    const fields: string[] = [];
    for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) {
      const id = row[c];
      if (id === undefined) continue;
      const v = values[id];
      fields.push(v === null || v === undefined ? '' : String(v));
    }
    lines.push(fields.join('\t'));
  }
  return lines.join('\n');
}
