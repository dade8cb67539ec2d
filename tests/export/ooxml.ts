/**
 * Reading a .docx in tests: its parts unzipped, XML parsed strictly (any error or warning of the
 * parser fails the test), and the grid of a Word table rebuilt from w:gridSpan and w:vMerge the way
 * Word reads it, to compare with the template's merged cells.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';

export function unzipDocx(docx: Uint8Array): Map<string, string> {
  const files = unzipSync(docx);
  return new Map(Object.entries(files).map(([path, bytes]) => [path, new TextDecoder().decode(bytes)]));
}

/** Parses XML, throwing on anything the parser reports. */
export function parseXml(text: string, name: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
  if (problems.length > 0) throw new Error(`${name} is not well-formed XML: ${problems.join('; ')}`);
  return doc;
}

export const children = (node: Element, name: string): Element[] =>
  Array.from(node.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).tagName === name,
  );

export const all = (
  node: { getElementsByTagName(name: string): ArrayLike<Element> },
  name: string,
): Element[] => Array.from(node.getElementsByTagName(name));

/** An on/off property is on when present, unless its w:val says off. */
const isOn = (parent: Element | undefined, name: string) => {
  const el = parent ? children(parent, name)[0] : undefined;
  return el !== undefined && !['0', 'false', 'off'].includes(el.getAttribute('w:val') ?? '');
};

/** Text of a run: its w:t in order, a w:br as a line break. */
const runText = (run: Element): string =>
  Array.from(run.childNodes)
    .map((n) =>
      n.nodeType !== 1
        ? ''
        : (n as Element).tagName === 'w:t'
          ? (n.textContent ?? '')
          : (n as Element).tagName === 'w:br'
            ? '\n'
            : '',
    )
    .join('');

/** Text of an element's paragraphs (the element itself may be one), one line each. */
export const textOf = (node: Element): string =>
  (node.tagName === 'w:p' ? [node] : all(node, 'w:p'))
    .map((p) => all(p, 'w:r').map(runText).join(''))
    .join('\n');

export interface GridCell {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/**
 * A w:tbl as its cells with grid position and spans: a cell with w:vMerge restart spans down over the
 * w:vMerge continue cells below it at the same column and width. Throws on a continue cell without a
 * cell to continue, or rows that do not fill the grid.
 */
export function wordGrid(table: Element): {
  rows: GridCell[][];
  width: number;
  header: boolean[];
  cantSplit: boolean[];
} {
  const width = children(children(table, 'w:tblGrid')[0]!, 'w:gridCol').length;
  const open = new Map<number, GridCell>();
  const rows: GridCell[][] = [];
  const header: boolean[] = [];
  const cantSplit: boolean[] = [];
  children(table, 'w:tr').forEach((tr, r) => {
    const trPr = children(tr, 'w:trPr')[0];
    header.push(isOn(trPr, 'w:tblHeader'));
    cantSplit.push(isOn(trPr, 'w:cantSplit'));
    const row: GridCell[] = [];
    let col = 0;
    for (const tc of children(tr, 'w:tc')) {
      const tcPr = children(tc, 'w:tcPr')[0];
      const span = Number(tcPr && children(tcPr, 'w:gridSpan')[0]?.getAttribute('w:val')) || 1;
      const vMerge = tcPr ? children(tcPr, 'w:vMerge')[0] : undefined;
      const merge = vMerge ? (vMerge.getAttribute('w:val') ?? 'continue') : null;
      if (merge === 'continue') {
        const above = open.get(col);
        if (!above || above.colSpan !== span)
          throw new Error(`row ${r}, column ${col}: vMerge continue under nothing`);
        above.rowSpan++;
      } else {
        const cell = { text: textOf(tc), col, colSpan: span, rowSpan: 1 };
        row.push(cell);
        if (merge === 'restart') open.set(col, cell);
        else open.delete(col);
      }
      col += span;
    }
    if (col !== width) throw new Error(`row ${r} covers ${col} of ${width} grid columns`);
    rows.push(row);
  });
  return { rows, width, header, cantSplit };
}
