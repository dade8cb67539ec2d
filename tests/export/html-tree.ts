/** Reading the exported HTML in tests with parse5 (the importer's parser): elements, text, table grids. */
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5';
import type { GridCell } from './ooxml.ts';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

const kids = (node: Node): Node[] => ('childNodes' in node ? (node.childNodes as Node[]) : []);
export const isElement = (node: Node): node is Element => 'tagName' in node;

export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) out.push(node);
    // <template> content is a fragment of its own.
    for (const child of kids(node)) walk(child);
    if (isElement(node) && node.tagName === 'template') walk((node as unknown as { content: Node }).content);
  };
  walk(root);
  return out;
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return kids(node).map(text).join('');
}

export const parsePage = (html: string) => parse(html);
export const parseHtmlFragment = (html: string) => parseFragment(html);

/** A <table> as its cells with grid positions and spans (the HTML table model). */
export function htmlGrid(table: Element): GridCell[][] {
  const taken: boolean[][] = [];
  const rows = elements(table).filter((e) => e.tagName === 'tr');
  return rows.map((tr, r) => {
    const cells = kids(tr).filter(
      (c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'),
    );
    let col = 0;
    return cells.map((cell) => {
      while (taken[r]?.[col]) col++;
      const colSpan = Number(attr(cell, 'colspan') ?? 1);
      const rowSpan = Number(attr(cell, 'rowspan') ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) {
        const row = taken[r + dr] ?? [];
        for (let dc = 0; dc < colSpan; dc++) row[col + dc] = true;
        taken[r + dr] = row;
      }
      const placed = { text: text(cell), col, colSpan, rowSpan };
      col += colSpan;
      return placed;
    });
  });
}
