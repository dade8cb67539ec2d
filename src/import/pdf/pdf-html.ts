/**
 * PDF pages (pdf-page.ts) → HTML for the importer, tables rebuilt by geometry: the ruled lines of
 * a page make the table's grid (rows between its horizontal rules, columns between its vertical
 * ones); where a rule is missing between two grid places they are one merged cell (colspan /
 * rowspan, as published); each text piece goes to the cell its centre lies in. Text outside tables
 * becomes paragraphs (a line that runs to within a few characters of the right margin continues on
 * the next). A table going on over pages is read as one: header rows a word processor repeats on
 * each page are left out, a row (its label, or a number wrapped in a narrow cell) broken by the page
 * is joined again. The HTML then takes the importer's exact path for web pages (html-text.ts), so a
 * PDF is read cell by cell, not in whatever order a viewer copies its text. DOM-free.
 */
import { TABLES } from '../../report/template.ts';
import { looksLikeValue } from '../cell-value.ts';
import { normaliseLabel } from '../normalise.ts';
import { isPageNumberText } from '../table-tokens.ts';
import { rowTargets } from '../template-labels.ts';
import type { PdfPageData, PdfPiece, PdfRule } from './pdf-page.ts';

/** Points within which two rules are the same line, or a rule reaches another. */
const TOLERANCE = 1.5;

interface Line {
  text: string;
  x1: number;
  x2: number;
  y: number;
  size: number;
}

interface Cell {
  left: number;
  top: number;
  right: number;
  bottom: number;
  pieces: PdfPiece[];
  /** Text of the same cell continued at the top of the next page (a row broken by the page). */
  continued: string[];
}

interface Table {
  xs: number[];
  /** Top to bottom (PDF y grows upwards). */
  ys: number[];
  cells: Cell[];
  /** Fine grid place (column, row) → cell. */
  at: (Cell | undefined)[][];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

class Sets {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  join(a: number, b: number) {
    this.parent[this.find(a)] = this.find(b);
  }
}

const isHorizontal = (r: PdfRule) => r.y1 === r.y2;

/** Groups of rules that touch each other: one table each. */
export function ruleGroups(rules: readonly PdfRule[]): PdfRule[][] {
  const h = rules.filter(isHorizontal);
  const v = rules.filter((r) => !isHorizontal(r));
  const sets = new Sets(rules.length);
  const index = new Map(rules.map((r, i) => [r, i]));
  for (const a of h) {
    for (const b of v) {
      const crosses =
        b.x1 >= a.x1 - TOLERANCE &&
        b.x1 <= a.x2 + TOLERANCE &&
        a.y1 >= b.y1 - TOLERANCE &&
        a.y1 <= b.y2 + TOLERANCE;
      if (crosses) sets.join(index.get(a)!, index.get(b)!);
    }
  }
  // Pieces of one border line (a wide cell's edge is drawn in parts) belong together.
  const along = (
    list: PdfRule[],
    level: (r: PdfRule) => number,
    from: (r: PdfRule) => number,
    to: (r: PdfRule) => number,
  ) => {
    const sorted = [...list].sort((a, b) => level(a) - level(b) || from(a) - from(b));
    for (let k = 1; k < sorted.length; k++) {
      const [a, b] = [sorted[k - 1]!, sorted[k]!];
      if (Math.abs(level(a) - level(b)) <= TOLERANCE && from(b) <= to(a) + TOLERANCE)
        sets.join(index.get(a)!, index.get(b)!);
    }
  };
  along(
    h,
    (r) => r.y1,
    (r) => r.x1,
    (r) => r.x2,
  );
  along(
    v,
    (r) => r.x1,
    (r) => r.y1,
    (r) => r.y2,
  );
  const groups = new Map<number, PdfRule[]>();
  rules.forEach((r, i) => {
    const root = sets.find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  return [...groups.values()];
}

export function buildTable(rules: readonly PdfRule[]): Table | null {
  const h = rules.filter(isHorizontal);
  const v = rules.filter((r) => !isHorizontal(r));
  const xs = cluster(v.map((r) => r.x1));
  // A table broken across pages may lack its top or bottom rule there: its side rules still end
  // where the table does.
  const ends = v.length ? [Math.max(...v.map((r) => r.y2)), Math.min(...v.map((r) => r.y1))] : [];
  const ys = cluster([...h.map((r) => r.y1), ...ends]).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  const vertical = (i: number, j: number) => {
    const y = (ys[j]! + ys[j + 1]!) / 2;
    return v.some(
      (r) => Math.abs(r.x1 - xs[i]!) <= TOLERANCE && y >= r.y1 - TOLERANCE && y <= r.y2 + TOLERANCE,
    );
  };
  const horizontal = (i: number, j: number) => {
    const x = (xs[i]! + xs[i + 1]!) / 2;
    return h.some(
      (r) => Math.abs(r.y1 - ys[j]!) <= TOLERANCE && x >= r.x1 - TOLERANCE && x <= r.x2 + TOLERANCE,
    );
  };
  const id = (i: number, j: number) => j * columns + i;
  const sets = new Sets(columns * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      if (i + 1 < columns && !vertical(i + 1, j)) sets.join(id(i, j), id(i + 1, j));
      if (j + 1 < rows && !horizontal(i, j + 1)) sets.join(id(i, j), id(i, j + 1));
    }
  }
  const byRoot = new Map<number, Cell>();
  const at: (Cell | undefined)[][] = Array.from({ length: columns }, () => Array(rows));
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const root = sets.find(id(i, j));
      let cell = byRoot.get(root);
      if (!cell) {
        cell = { left: i, top: j, right: i, bottom: j, pieces: [], continued: [] };
        byRoot.set(root, cell);
      }
      cell.left = Math.min(cell.left, i);
      cell.right = Math.max(cell.right, i);
      cell.top = Math.min(cell.top, j);
      cell.bottom = Math.max(cell.bottom, j);
      at[i]![j] = cell;
    }
  }
  return { xs, ys, cells: [...byRoot.values()], at };
}

/** Where a piece is judged to be: the middle of its text, a third of an em above the baseline. */
const anchor = (p: PdfPiece): [number, number] => [p.x + p.width / 2, p.y + p.size * 0.35];

function place(table: Table, piece: PdfPiece): Cell | null {
  const [x, y] = anchor(piece);
  const i = table.xs.findIndex((left, k) => k + 1 < table.xs.length && x >= left && x < table.xs[k + 1]!);
  const j = table.ys.findIndex((top, k) => k + 1 < table.ys.length && y <= top && y > table.ys[k + 1]!);
  return i >= 0 && j >= 0 ? (table.at[i]![j] ?? null) : null;
}

/** Spaces after a hanzi or CJK punctuation mark (full-width forms included) and before another. */
const SPACE_BETWEEN_HANZI =
  /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \u00a0]+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g;

/** Pieces as lines of text, top to bottom: pieces on one baseline joined, a space where there is a gap. */
function lines(pieces: readonly PdfPiece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: { pieces: PdfPiece[]; y: number; size: number }[] = [];
  for (const piece of sorted) {
    const line = out.find((l) => Math.abs(l.y - piece.y) < Math.max(l.size, piece.size) * 0.5);
    if (line) line.pieces.push(piece);
    else out.push({ pieces: [piece], y: piece.y, size: piece.size });
  }
  return out
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const row = line.pieces.sort((a, b) => a.x - b.x);
      let text = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const p of row) {
        if (text && p.x - end > p.size * 0.3) text += ' ';
        text += p.text;
        end = p.x + p.width;
      }
      // Spaces between two Chinese characters are a justified line's spacing, never a word break.
      const joined = text.replace(SPACE_BETWEEN_HANZI, '$1').trim();
      return { text: joined, x1: row[0]!.x, x2: end, y: line.y, size: line.size };
    })
    .filter((l) => l.text);
}

/** A number alone (digits, perhaps with a decimal point): what a value cell holds. */
const DIGITS = /^\d+(?:\.\d*)?$|^\.\d+$/;

const cellWidth = (table: Table, cell: Cell) => table.xs[cell.right + 1]! - table.xs[cell.left]!;

/** A line that could not have taken one more character (padding of at least 0.6 em each side). */
const fills = (line: Line, width: number) => {
  const used = line.x2 - line.x1;
  return used + used / line.text.length > width - 1.2 * line.size;
};

/**
 * The cell's lines of text, a number that wrapped inside a too-narrow cell joined again (Word and
 * WPS break 「1268」 into 「126」 over 「8」 when a column is narrow; the rest may even go on at the
 * top of the next page). Joined only where every line is digits alone, one right under the other,
 * and each line but the last fills the cell. Two numbers of two rows never fill their cells that
 * way, and a wrongly joined number would still break the table's totals, which the importer checks.
 */
function cellLines(table: Table, cell: Cell): string[] {
  const found = lines(cell.pieces);
  const texts = [...found.map((l) => l.text), ...cell.continued];
  const width = cellWidth(table, cell);
  const wrapped =
    texts.length > 1 &&
    texts.every((t) => DIGITS.test(t)) &&
    found.every(
      (l, k) =>
        k === texts.length - 1 ||
        (fills(l, width) && (k + 1 === found.length || l.y - found[k + 1]!.y <= 1.5 * l.size)),
    );
  return wrapped ? [texts.join('')] : texts;
}

/** A number that fills its cell to the last line: its rest may be at the top of the next page. */
function numberGoesOn(table: Table, cell: Cell): boolean {
  const found = lines(cell.pieces);
  const last = found[found.length - 1];
  return (
    last !== undefined &&
    cell.continued.length === 0 &&
    found.every((l) => DIGITS.test(l.text)) &&
    fills(last, cellWidth(table, cell))
  );
}

function tableHtml(table: Table): string {
  const rows: string[] = [];
  for (let j = 0; j < table.ys.length - 1; j++) {
    const cells = table.cells
      .filter((c) => c.top === j)
      .sort((a, b) => a.left - b.left)
      .map((c) => {
        const spans =
          (c.bottom > c.top ? ` rowspan="${c.bottom - c.top + 1}"` : '') +
          (c.right > c.left ? ` colspan="${c.right - c.left + 1}"` : '');
        const text = cellLines(table, c).map(escapeHtml).join('<br>');
        return `<td${spans}>${text}</td>`;
      });
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table>${rows.join('')}</table>`;
}

/** 「一、」「（二）」: a heading or item, which starts a paragraph of its own. */
const STARTS_ITEM = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/;

/** Lines of running text joined into paragraphs: a line that reaches the right margin goes on. */
function paragraphs(page: readonly Line[]): string[] {
  if (page.length === 0) return [];
  const right = Math.max(...page.map((l) => l.x2));
  const left = Math.min(...page.map((l) => l.x1));
  const out: string[] = [];
  let previous: Line | null = null;
  for (const line of page) {
    const continues =
      previous !== null &&
      previous.x2 >= right - 4 * previous.size &&
      line.x1 <= left + 0.5 * line.size &&
      previous.y - line.y <= 2.2 * line.size &&
      !STARTS_ITEM.test(line.text);
    if (continues) out[out.length - 1] += line.text;
    else out.push(line.text);
    previous = line;
  }
  return out;
}

interface TextBlock {
  top: number;
  paragraphs: string[];
  /** The first and last line that is not a page number (for a paragraph going on over the page). */
  firstLine: Line | null;
  lastLine: Line | null;
}

type Block = { top: number; table: Table } | TextBlock;

function pageBlocks(page: PdfPageData): Block[] {
  const tables = ruleGroups(page.rules)
    .map(buildTable)
    .filter((t): t is Table => t !== null);
  const free: PdfPiece[] = [];
  for (const piece of page.pieces) {
    const cell = tables.map((t) => place(t, piece)).find((c) => c !== null);
    if (cell) cell.pieces.push(piece);
    else free.push(piece);
  }
  // Tables and runs of text between them, top to bottom.
  const blocks: Block[] = tables.map((table) => ({ top: table.ys[0]!, table }));
  const text = lines(free);
  let run: Line[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const content = run.filter((l) => !isPageNumberText(l.text));
    blocks.push({
      top: run[0]!.y + run[0]!.size,
      paragraphs: paragraphs(run),
      firstLine: content[0] ?? null,
      lastLine: content[content.length - 1] ?? null,
    });
    run = [];
  };
  const spans = tables.map((t) => [t.ys[0]!, t.ys[t.ys.length - 1]!] as const);
  for (const line of text) {
    // A table between this line and the one before ends the run of text.
    const previous = run[run.length - 1];
    if (previous && spans.some(([top, bottom]) => previous.y > top && line.y < bottom)) flush();
    run.push(line);
  }
  flush();
  return blocks.sort((a, b) => b.top - a.top);
}

/** Text holding a row label of the format: a row of its own, not the rest of one. */
const ROW_KEYS = TABLES.flatMap((t) => rowTargets(t)).flatMap((t) => t.keys);
const namesRow = (text: string) => {
  const normalised = normaliseLabel(text);
  return ROW_KEYS.some((key) => normalised.includes(key));
};

const cellText = (table: Table, cell: Cell) => cellLines(table, cell).join('');
/** The cells starting in a grid row, left to right. */
const rowCells = (table: Table, row: number) =>
  table.cells.filter((c) => c.top === row).sort((a, b) => a.left - b.left);
const firstRow = (table: Table) => rowCells(table, 0);
const lastRow = (table: Table) =>
  table.cells.filter((c) => c.bottom === table.ys.length - 2).sort((a, b) => a.left - b.left);

/** Both tables have the same left and right edge. */
const sameEdges = (a: Table, b: Table) =>
  Math.abs(a.xs[0]! - b.xs[0]!) <= 2 && Math.abs(a.xs[a.xs.length - 1]! - b.xs[b.xs.length - 1]!) <= 2;

/** The table's first `count` grid rows taken away (cells below move up). */
function dropTopRows(table: Table, count: number) {
  table.cells = table.cells.filter((c) => c.top >= count);
  for (const cell of table.cells) {
    cell.top -= count;
    cell.bottom -= count;
  }
  table.ys = table.ys.slice(count);
}

/** A grid row's cells as text, left to right, spaces and line breaks left out. */
const rowTexts = (table: Table, row: number) =>
  rowCells(table, row).map((c) => cellText(table, c).replace(/\s+/g, ''));

/**
 * Header rows a word processor repeats at the top of each page a table goes on to (Word's 「重复标题
 * 行」): the continued table's first rows, the same words in the same order as the first rows of
 * `earlier` (the table where it began), none of them holding a number. How many there are (0 when none).
 */
function repeatedHeaderRows(earlier: Table, after: Table): number {
  // The same outer edges: columns inside may differ where the rows below draw fewer of them.
  if (!sameEdges(earlier, after)) return 0;
  let rows = 0;
  for (let j = 0; j < Math.min(earlier.ys.length, after.ys.length) - 2; j++) {
    const texts = rowTexts(after, j);
    if (texts.length === 0 || texts.join('|') !== rowTexts(earlier, j).join('|')) break;
    if (texts.some((t) => looksLikeValue(t) || namesRow(t))) break;
    rows = j + 1;
  }
  // Never a cut through a cell reaching below the header rows.
  while (rows > 0 && after.cells.some((c) => c.top < rows && c.bottom >= rows)) rows--;
  return rows;
}

/**
 * A table row broken by a page: the next page's table starts with a row of the same columns that
 * holds only the rest of the label (no numbers). Its text joins the row above, and it is dropped.
 */
function joinBrokenRow(before: Table, after: Table) {
  // Cells of the first row only (a cell reaching further down, an outer stub label, stays).
  const head = firstRow(after).filter((c) => c.bottom === 0);
  // The same columns, though a row there may draw fewer of them (a label spanning two).
  const coarser = after.xs.every((x) => before.xs.some((b) => Math.abs(x - b) <= 2));
  if (!coarser || !sameEdges(before, after) || after.ys.length < 3) return;
  const tail = lastRow(before);
  const aboveOf = (cell: Cell) => {
    const middle = (after.xs[cell.left]! + after.xs[cell.right + 1]!) / 2;
    return tail.find((c) => before.xs[c.left]! <= middle && middle < before.xs[c.right + 1]!);
  };
  // The rest of a label, or the rest of a number that filled its cell above.
  const rest = (cell: Cell, text: string) => {
    const above = aboveOf(cell);
    if (DIGITS.test(text)) return above !== undefined && numberGoesOn(before, above);
    return !looksLikeValue(text) && !namesRow(text);
  };
  const texts = head.map((c) => cellText(after, c));
  if (!texts.some(Boolean) || head.some((c, k) => texts[k] && !rest(c, texts[k]!))) return;
  head.forEach((cell, k) => {
    const above = aboveOf(cell);
    if (texts[k] && above) above.continued.push(texts[k]!);
  });
  after.cells = after.cells.filter((c) => !head.includes(c));
  for (const cell of after.cells) {
    cell.top = Math.max(0, cell.top - 1);
    cell.bottom -= 1;
  }
  after.ys = after.ys.slice(1);
}

/**
 * A paragraph broken by the page: the last line of a page's text reaches the right margin and the
 * next page's text starts at the left margin (no indent, no 「一、」): one paragraph, as in
 * paragraphs(). The margins are the document's, so that a page of few lines is judged like the rest.
 */
function joinParagraphsOverPages(pageBlocksList: Block[][]) {
  const texts = pageBlocksList.flat().filter((b): b is TextBlock => 'paragraphs' in b);
  const content = texts.flatMap((b) => [b.firstLine, b.lastLine]).filter((l): l is Line => l !== null);
  if (content.length === 0) return;
  const left = Math.min(...content.map((l) => l.x1));
  const right = Math.max(...content.map((l) => l.x2));
  const isText = (b: Block | undefined): b is TextBlock => b !== undefined && 'paragraphs' in b;
  pageBlocksList.forEach((blocks, n) => {
    const end = blocks[blocks.length - 1];
    const start = pageBlocksList[n + 1]?.[0];
    if (!isText(end) || !isText(start) || !end.lastLine || !start.firstLine) return;
    const goesOn =
      end.lastLine.x2 >= right - 4 * end.lastLine.size &&
      start.firstLine.x1 <= left + 0.5 * start.firstLine.size &&
      !STARTS_ITEM.test(start.firstLine.text);
    if (!goesOn) return;
    let at = end.paragraphs.length - 1;
    while (at >= 0 && isPageNumberText(end.paragraphs[at]!)) at--;
    const from = start.paragraphs.findIndex((p) => !isPageNumberText(p));
    if (at < 0 || from < 0) return;
    end.paragraphs[at] += start.paragraphs[from]!;
    start.paragraphs.splice(from, 1);
  });
}

export function pdfPagesToHtml(pages: readonly PdfPageData[]): string {
  const pageBlocksList = pages.map(pageBlocks);
  // Where each table going on over pages began (its header is the original of any repeated one).
  const startOf = new Map<Table, Table>();
  // A table going on at the top of the next page (only a page number or header between).
  pageBlocksList.forEach((blocks, n) => {
    const next = pageBlocksList[n + 1];
    const last = [...blocks].reverse().find((b) => 'table' in b);
    const first = next?.find((b) => 'table' in b);
    // Between them, on either page: nothing but a page number or a running header.
    const between = [
      ...(last ? blocks.slice(blocks.indexOf(last) + 1) : []),
      ...(next ? next.slice(0, next.indexOf(first!)) : []),
    ];
    const onlyFurniture = between.every(
      (b) => 'paragraphs' in b && b.paragraphs.length <= 2 && !b.paragraphs.some((p) => STARTS_ITEM.test(p)),
    );
    if (last && 'table' in last && first && 'table' in first && onlyFurniture) {
      const start = startOf.get(last.table) ?? last.table;
      startOf.set(first.table, start);
      // Read on as if the header were printed once: its copy would end up in the row above.
      dropTopRows(first.table, repeatedHeaderRows(start, first.table));
      joinBrokenRow(last.table, first.table);
    }
  });
  joinParagraphsOverPages(pageBlocksList);
  const html = pageBlocksList
    .flat()
    .map((b) =>
      'table' in b ? tableHtml(b.table) : b.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    );
  return `<html><body>\n${html.join('\n')}\n</body></html>`;
}
