/**
 * The three tables as TSV (tab-separated text, what Excel and WPS copy and paste): what the CLI's
 * `tables` prints and `from-tables` reads, and what the app can use to copy or paste whole tables.
 * Every label comes from the template and the layout; none is written here.
 *
 * Written text (→ is a tab), one section per table, sections separated by an empty line:
 *
 *   表三（收到和处理政府信息公开申请情况）→单位：件          name line: table name, unit
 *   （本列数据的勾稽关系为：…）→申请人情况→→…                header lines, as in the official
 *   →自然人→法人或其他组织→→→→→总计                             table; a merged header is written
 *   →→商业企业→科研机构→社会公益组织→法律服务机构→其他→       once, in its first field
 *   一、本年新收政府信息公开申请数量→3→0→0→0→0→0→3           data lines: row label, then values
 *
 * A data line's label is the row's full official stub, levels joined by a space
 * (「三、本年度办理结果 （三）不予公开 1.属于国家秘密」); table 4 has no stub, its row is 「件数」.
 * Values follow in the spec's column order; an empty cell is an empty field; amounts keep their
 * decimals. Table 2's bands each have a title line and a header line of their own.
 *
 * Reading is tolerant: header lines may be there or not; a row is found by its label (full stub,
 * the short label 「三（三）1.属于国家秘密」, the innermost stub alone, or the stub spread over up to
 * three fields as in a spreadsheet copy of the printed table), else by order: an unlabelled line
 * is the row after the previous one, and a table's name (「表三」, 「三、收到和处理…」) restarts the
 * order at that table. Any other line without a digit is a header line and is skipped.
 */
import { parseCellInput, quotedEntry } from './cell-input.ts';
import { type CellId, cellDef, cellId, rowLabelOf } from './cells.ts';
import type { Report } from './document.ts';
import { tableLayout } from './layout.ts';
import { type RowDef, SECTIONS, TABLES, type TableDef } from './template.ts';

/** Table 4's single row has no stub in the official table; TSV needs a label for it. */
export const UNSTUBBED_ROW_LABEL = '件数';

export interface TsvRow {
  table: TableDef;
  row: RowDef;
  /** `t3.granted` */
  key: string;
  /** Label written in TSV. */
  label: string;
  /** Cells of the row in column order. */
  cells: readonly CellId[];
}

/** Every data row of the three tables, in the spec's order. */
export const TSV_ROWS: readonly TsvRow[] = TABLES.flatMap((table) =>
  table.blocks.flatMap((block) =>
    block.rows.map((row) => ({
      table,
      row,
      key: `${table.id}.${row.key}`,
      label: row.path.length > 0 ? row.path.join(' ') : UNSTUBBED_ROW_LABEL,
      cells: block.columns.map((column) => cellId(table.id, row.key, column.key)),
    })),
  ),
);

// ---------------------------------------------------------------- writing

const ROW_BY_KEY = new Map(TSV_ROWS.map((row) => [row.key, row]));

const formatValue = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function dataLine(row: TsvRow, cells: Report['cells']): string[] {
  return [row.label, ...row.cells.map((id) => formatValue(cells[id]))];
}

/** One table's lines, block by block as in its layout (table 2 has four bands with their own headers). */
function tableLines(table: TableDef, cells: Report['cells'], withHeaders: boolean): string[][] {
  const lines: string[][] = withHeaders ? [[table.name, table.unitNote]] : [];
  for (const block of tableLayout(table).blocks) {
    // Header cells sit at grid columns; a TSV field is one value column, whatever its grid span.
    const valueCells = block.body[0]?.cells.filter((c) => c.role === 'value') ?? [];
    const fieldOfColumn = new Map(valueCells.map((c, i) => [c.col, i + 1]));
    if (withHeaders && block.title) lines.push([block.title.cells[0]?.text ?? '']);
    for (const headerRow of withHeaders ? block.header : []) {
      const fields = Array.from({ length: valueCells.length + 1 }, () => '');
      for (const cell of headerRow.cells) {
        const field = cell.role === 'corner' ? 0 : fieldOfColumn.get(cell.col);
        if (field !== undefined) fields[field] = cell.text ?? '';
      }
      lines.push(fields);
    }
    for (const bodyRow of block.body)
      lines.push(dataLine(ROW_BY_KEY.get(`${table.id}.${bodyRow.rowKey}`)!, cells));
  }
  return lines;
}

/**
 * The three tables as TSV, every line ending in "\n". With `headers: false` only the data lines
 * (32 of them, in order), e.g. for pasting under an existing header in a spreadsheet.
 */
export function reportToTsv(report: Pick<Report, 'cells'>, options: { headers?: boolean } = {}): string {
  const withHeaders = options.headers ?? true;
  const sections = TABLES.map((table) =>
    tableLines(table, report.cells, withHeaders)
      .map((fields) => `${fields.join('\t')}\n`)
      .join(''),
  );
  return sections.join(withHeaders ? '\n' : '');
}

// ---------------------------------------------------------------- reading

export interface TsvProblem {
  /** 1-based line number in the text. */
  line: number;
  /** Chinese, starting with 「第 N 行」. */
  message: string;
}

export interface TsvCells {
  /** Every cell of every row read (an empty field is null); rows not in the text are absent. */
  cells: Record<CellId, number | null>;
  problems: TsvProblem[];
}

/**
 * Labels are compared loosely: full-width and half-width forms (NFKC), spaces and quotation marks
 * do not matter, since clerks retype them.
 */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/["'“”‘’「」]/g, '');

/** Row labels a line may start with: full stub, short label, and the innermost stub where unique. */
function buildRowIndex(): Map<string, number> {
  const index = new Map<string, number>();
  const leaf = (row: TsvRow) => normalise(row.row.path.at(-1) ?? '');
  const leafCount = new Map<string, number>();
  for (const row of TSV_ROWS) leafCount.set(leaf(row), (leafCount.get(leaf(row)) ?? 0) + 1);
  TSV_ROWS.forEach((row, i) => {
    const names = [normalise(row.label), normalise(rowLabelOf(row.row))];
    if (leafCount.get(leaf(row)) === 1) names.push(leaf(row));
    for (const name of names) if (name) index.set(name, i);
  });
  return index;
}

const ROW_BY_LABEL = buildRowIndex();

/** Names that start a table's section: 「表三（…）」, 「表三」, 「三、收到和处理政府信息公开申请情况」. */
const TABLE_BY_NAME = new Map(
  TABLES.flatMap((table) => {
    const heading = SECTIONS.find((s) => s.kind === 'table' && s.table === table.id)?.heading;
    const names = [table.name, table.name.split('（')[0]!, ...(heading ? [heading] : [])];
    return names.map((name) => [normalise(name), table] as const);
  }),
);

const MAX_STUB_FIELDS = 3;

/** The row a line's leading fields name, and how many fields the label takes. */
function labelledRow(fields: readonly string[]): { row: number; labelFields: number } | null {
  // Shortest first, and ending in a non-empty field: empty value fields after a label are values.
  for (let n = 1; n <= Math.min(MAX_STUB_FIELDS, fields.length); n++) {
    if (fields[n - 1]!.trim() === '') continue;
    const row = ROW_BY_LABEL.get(normalise(fields.slice(0, n).join('')));
    if (row !== undefined) return { row, labelFields: n };
  }
  return null;
}

const hasDigit = (field: string) => /\d/.test(field.normalize('NFKC'));

/**
 * A header line (ours, or a spreadsheet's): text without a single digit. A line of dashes only is
 * data (dashes are zeros), and so is any line with a number in it.
 */
function isHeaderLine(fields: readonly string[]): boolean {
  const texts = fields.map((f) => f.trim()).filter(Boolean);
  const dashesOnly = texts.every((t) => parseCellInput(t, 'count').ok);
  return !fields.some(hasDigit) && !dashesOnly;
}

function tableNamed(fields: readonly string[]): TableDef | undefined {
  for (const field of fields) {
    const table = TABLE_BY_NAME.get(normalise(field));
    if (table) return table;
  }
  return undefined;
}

/** The value fields of a line for `row`, or a message saying why they cannot be. */
function valueFields(fields: readonly string[], row: TsvRow, labelFields: number): string[] | string {
  let values = fields.slice(labelFields);
  const first = values[0]?.trim() ?? '';
  if (labelFields === 0 && first !== '' && !hasDigit(first) && !parseCellInput(first, 'count').ok) {
    // Table 4's row has no official label, so any text in front is taken as its label.
    if (row.label !== UNSTUBBED_ROW_LABEL) {
      return `不认识行名“${quotedEntry(first)}”。请使用表格中的行名（如“${row.label}”），或删去行名、按顺序排列各行。`;
    }
    values = values.slice(1);
  }
  while (values.length > row.cells.length && values.at(-1)!.trim() === '') values = values.slice(0, -1);
  // Empty stub fields in front: a spreadsheet copy of the printed table, where merged stub cells are empty.
  const extra = values.length - row.cells.length;
  if (extra > 0 && extra <= MAX_STUB_FIELDS && values.slice(0, extra).every((v) => v.trim() === '')) {
    values = values.slice(extra);
  }
  if (values.length > row.cells.length) {
    return `“${row.label}”这一行只有 ${row.cells.length} 列，但这里有 ${values.length} 个数。请核对是否多了或错了列。`;
  }
  return values;
}

/**
 * Reads TSV written by reportToTsv, or typed or pasted by a clerk (see the file comment).
 * An empty line separates; a line of tabs only is a row of empty cells when unlabelled rows
 * follow it (bare values in order), and is ignored before a name, header or labelled line
 * (a blank row copied from a spreadsheet).
 */
export function tsvToCells(tsv: string): TsvCells {
  const cells: Record<CellId, number | null> = {};
  const problems: TsvProblem[] = [];
  const lineOfRow = new Map<number, number>();
  let next = 0;
  let emptyRows: number[] = [];
  const lines = tsv
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');

  const read = (rowIndex: number, values: readonly string[], lineNo: number) => {
    const row = TSV_ROWS[rowIndex]!;
    lineOfRow.set(rowIndex, lineNo);
    next = rowIndex + 1;
    row.cells.forEach((id, c) => {
      const def = cellDef(id);
      const raw = values[c] ?? '';
      const parsed = parseCellInput(raw, def.kind, def.isTotal);
      if (parsed.ok) cells[id] = parsed.value;
      else
        problems.push({
          line: lineNo,
          message: `第 ${lineNo} 行：${def.label}：“${quotedEntry(raw)}”${parsed.reason}`,
        });
    });
  };

  lines.forEach((text, i) => {
    const lineNo = i + 1;
    const problem = (message: string) =>
      problems.push({ line: lineNo, message: `第 ${lineNo} 行：${message}` });
    const fields = text.split('\t');
    if (fields.every((f) => f.trim() === '')) {
      if (fields.length > 1) emptyRows.push(lineNo);
      return;
    }
    const named = labelledRow(fields);
    const pendingEmpty = named ? [] : emptyRows;
    emptyRows = [];
    if (!named) {
      const table = tableNamed(fields);
      if (table) {
        next = TSV_ROWS.findIndex((r) => r.table === table);
        return;
      }
      if (isHeaderLine(fields)) return;
    }
    for (const emptyLine of pendingEmpty) if (next < TSV_ROWS.length) read(next, [], emptyLine);

    const rowIndex = named?.row ?? next;
    const row = TSV_ROWS[rowIndex];
    if (!row) {
      problem(
        `三张表的 ${TSV_ROWS.length} 行都已读完，这一行多余（“${text.slice(0, 30)}”）。请删去它，或在行首写明行名。`,
      );
      return;
    }
    const earlier = lineOfRow.get(rowIndex);
    if (earlier !== undefined) {
      problem(`“${row.label}”在第 ${earlier} 行已经出现过，同一行只能出现一次。`);
      return;
    }
    const values = valueFields(fields, row, named?.labelFields ?? 0);
    if (typeof values === 'string') problem(values);
    else read(rowIndex, values, lineNo);
  });
  if (Object.keys(cells).length === 0 && problems.length === 0) {
    problems.push({ line: 0, message: '没有读到任何表格行。每行应为行名加各列数字，用制表符（Tab）分隔。' });
  }
  return { cells, problems };
}
