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
const isCell = (node: Node): node is Element =>
  isElement(node) && (node.tagName === 'td' || node.tagName === 'th');

function span(element: Element, name: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(element.attrs.find((a) => a.name === name)?.value ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1;
}

/**
 * Every node below `root` in document order, without recursion (a page of 5 000 nested elements
 * must not overflow the stack). `enter` returns false to skip a node's children; `leave` runs after
 * them.
 */
function walk(root: Node, enter: (node: Node) => boolean, leave: (node: Node) => void = () => {}) {
  const stack: { node: Node; next: number }[] = [{ node: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const children = childrenOf(top.node);
    if (top.next < children.length) {
      const child = children[top.next++]!;
      if (enter(child)) stack.push({ node: child, next: 0 });
      else leave(child);
      continue;
    }
    stack.pop();
    if (stack.length > 0) leave(top.node);
  }
}

/** Tables that hold another table (page layout, read as paragraphs): one pass over the tree. */
function layoutTables(root: Node): Set<Node> {
  const outer = new Set<Node>();
  const open: Node[] = [];
  walk(
    root,
    (node) => {
      if (isElement(node) && node.tagName === 'table') {
        const parent = open[open.length - 1];
        if (parent) outer.add(parent);
        open.push(node);
      }
      return true;
    },
    (node) => {
      if (open[open.length - 1] === node) open.pop();
    },
  );
  return outer;
}

/** Rows of a table that holds no other table. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  walk(table, (node) => {
    if (!isElement(node)) return false;
    if (node.tagName === 'tr') {
      rows.push(node);
      return false;
    }
    return true;
  });
  return rows;
}

/** A place covered by a cell spanning rows from above: its first column, width, rows still to cover. */
interface Cover {
  start: number;
  width: number;
  rows: number;
}

class Writer {
  lines: string[] = [];
  private current = '';

  constructor(private readonly layout: ReadonlySet<Node> = new Set()) {}

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

  write(root: Node) {
    walk(
      root,
      (node) => {
        if (node.nodeName === '#text') {
          this.text((node as DefaultTreeAdapterMap['textNode']).value);
          return false;
        }
        if (!isElement(node)) return true;
        const tag = node.tagName;
        if (SKIPPED.has(tag)) return false;
        if (tag === 'br') {
          this.endLine(true);
          return false;
        }
        if (tag === 'table' && !this.layout.has(node)) {
          this.table(node);
          return false;
        }
        if (BLOCKS.has(tag)) this.endLine();
        return true;
      },
      (node) => {
        if (isElement(node) && BLOCKS.has(node.tagName)) this.endLine();
      },
    );
  }

  /**
   * A table without tables inside: each cell on its own line after a tab, a blank line after each
   * row, one empty cell for each cell spanning rows from above. Linear in the table's size: a
   * rowspan ends with the table, and the places covered from above are at most as many as the
   * table's cells (a real table has far fewer), so spans cannot make a small page a huge grid.
   */
  private table(table: Element) {
    this.blankLine();
    const rows = rowsOf(table).map((row) => childrenOf(row).filter(isCell));
    let budget = rows.reduce((n, cells) => n + cells.length, 0);
    let covers: Cover[] = [];
    rows.forEach((cells, r) => {
      const next: Cover[] = [];
      let column = 0;
      let index = 0;
      let k = 0;
      for (;;) {
        const cover = covers[k];
        if (cover && cover.start < column) {
          k++; // overlapped by a cell of this row: the browser drops it too
          continue;
        }
        if (cover && cover.start === column) {
          this.lines.push('\t');
          if (cover.rows > 1) next.push({ ...cover, rows: cover.rows - 1 });
          column += cover.width;
          k++;
          continue;
        }
        const cell = cells[index];
        if (cell) {
          index++;
          this.lines.push(`\t${this.cellText(cell)}`);
          const width = span(cell, 'colspan');
          const down = Math.min(span(cell, 'rowspan'), rows.length - r) - 1;
          if (down > 0 && budget >= down) {
            budget -= down;
            next.push({ start: column, width, rows: down });
          }
          column += width;
          continue;
        }
        if (!cover) break;
        column = cover.start; // no cells left before the next covered place
      }
      covers = next;
      this.lines.push('');
    });
    this.blankLine();
  }

  /** A cell's text, its inner line breaks kept (a label broken over lines), blank lines dropped. */
  private cellText(cell: Element): string {
    const writer = new Writer(this.layout);
    writer.write(cell);
    writer.endLine();
    return writer.lines.filter((l) => l.trim()).join('\n');
  }
}

export function htmlToText(html: string): string {
  const document = parse(html);
  const writer = new Writer(layoutTables(document));
  writer.write(document);
  writer.endLine();
  return writer.lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
