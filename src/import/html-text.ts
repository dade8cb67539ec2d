/**
 * HTML (a web page, Word's HTML, what the clipboard offers as text/html) rendered to the plain text
 * layout a browser copies as text/plain, which the rest of the importer reads: paragraphs as lines;
 * a table's cells each on its own line after a tab, a blank line after each row; a place covered by
 * a cell spanning rows from above written as an empty cell (as browsers do), a cell spanning
 * columns written once. Tables holding other tables are page layout and read as paragraphs.
 * DOM-free: parse5 parses, this walks its tree.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'button',
  'select',
  'input',
  'textarea',
  'map',
  'canvas',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'center',
  'form',
  'main',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'address',
  'hr',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
]);
/** Browsers cap spans; so do we (a corrupt span must not build a huge grid). */
const MAX_SPAN = 100;

const isElement = (node: Node): node is Element => 'tagName' in node;
const childrenOf = (node: Node): Node[] => ('childNodes' in node ? (node.childNodes as Node[]) : []);

function span(element: Element, name: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(element.attrs.find((a) => a.name === name)?.value ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1;
}

function contains(node: Node, tag: string): boolean {
  return childrenOf(node).some(
    (child) => isElement(child) && (child.tagName === tag || contains(child, tag)),
  );
}

/** Rows of a table, not of tables inside it. */
function rowsOf(node: Node, out: Element[] = []): Element[] {
  for (const child of childrenOf(node)) {
    if (!isElement(child) || child.tagName === 'table') continue;
    if (child.tagName === 'tr') out.push(child);
    else rowsOf(child, out);
  }
  return out;
}

class Writer {
  lines: string[] = [];
  private current = '';

  text(value: string) {
    this.current += value.replace(/[ \t\n\r\f]+/g, ' ');
  }

  /** Ends the line being written; with `keepEmpty`, an empty one too (a <br> on its own). */
  endLine(keepEmpty = false) {
    const line = this.current.replace(/^ +| +$/g, '');
    if (line || keepEmpty) this.lines.push(line);
    this.current = '';
  }

  blankLine() {
    this.endLine();
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  write(node: Node) {
    if (node.nodeName === '#text') {
      this.text((node as DefaultTreeAdapterMap['textNode']).value);
      return;
    }
    if (!isElement(node)) {
      for (const child of childrenOf(node)) this.write(child);
      return;
    }
    const tag = node.tagName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      this.endLine(true);
      return;
    }
    if (tag === 'table' && !contains(node, 'table')) {
      this.table(node);
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) this.endLine();
    for (const child of childrenOf(node)) this.write(child);
    if (block) this.endLine();
  }

  private table(table: Element) {
    this.blankLine();
    // Places covered from above: column → rows still covered, and whether it starts a covering cell.
    let covered: { rows: number; start: boolean }[] = [];
    for (const row of rowsOf(table)) {
      const cells = childrenOf(row).filter(
        (c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'),
      );
      const next: typeof covered = [];
      let column = 0;
      let index = 0;
      while (index < cells.length || column < covered.length) {
        const cover = covered[column];
        if (cover && cover.rows > 0) {
          if (cover.start) this.lines.push('\t');
          next[column] = { rows: cover.rows - 1, start: cover.start };
          column++;
          continue;
        }
        const cell = cells[index++];
        if (!cell) {
          column++;
          continue;
        }
        this.lines.push(`\t${cellText(cell)}`);
        const [rows, columns] = [span(cell, 'rowspan'), span(cell, 'colspan')];
        for (let c = 0; c < columns; c++) if (rows > 1) next[column + c] = { rows: rows - 1, start: c === 0 };
        column += columns;
      }
      covered = next;
      this.lines.push('');
    }
    this.blankLine();
  }
}

/** A cell's text, its inner line breaks kept (a label broken over lines), blank lines dropped. */
function cellText(cell: Element): string {
  const writer = new Writer();
  for (const child of childrenOf(cell)) writer.write(child);
  writer.endLine();
  return writer.lines.filter((l) => l.trim()).join('\n');
}

export function htmlToText(html: string): string {
  const writer = new Writer();
  writer.write(parse(html));
  writer.endLine();
  return writer.lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
