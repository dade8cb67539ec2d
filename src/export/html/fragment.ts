/**
 * The report as one HTML fragment for a website's CMS (信息公开 → 年度报告): a <div> holding the
 * title (h1), the preamble and the six sections (h2 headings, paragraphs, （一） sub-headings in
 * <strong>) and the three tables as <table>s with the official colspan/rowspan, header and stub cells
 * as <th>. Styling is inline and minimal (alignment, indent, table borders), the kind rich-text
 * editors keep; no class, no script, no external resource; every text is escaped.
 */
import type { ExportDocument, ExportParagraph } from '../report-model.ts';
import type { ExportCell, ExportTable } from '../table-model.ts';
import { element, escapeHtml } from './escape.ts';

const STYLE = {
  draft:
    'margin:0 0 1em;padding:0.4em 0.8em;border:2px solid #c00000;color:#c00000;font-weight:bold;text-align:center',
  title: 'text-align:center',
  heading: 'font-size:1em;font-weight:bold;text-indent:2em',
  paragraph: 'text-indent:2em;text-align:justify',
  unit: 'text-align:right;margin-bottom:0.3em',
  table: 'border-collapse:collapse;width:100%',
} as const;

function paragraph(runs: ExportParagraph): string {
  const content = runs
    .map((run) => (run.subhead ? element('strong', {}, escapeHtml(run.text)) : escapeHtml(run.text)))
    .join('');
  return element('p', { style: STYLE.paragraph }, content);
}

const SCOPE: Partial<Record<ExportCell['role'], string>> = {
  title: 'colgroup',
  columnHeader: 'col',
};

/**
 * A header cell over one grid column carries that column's share of the width (the PDF's widths), so
 * the value columns come out even, as in the PDF, whatever the editor does with the table's layout.
 */
function widthOf(c: ExportCell, table: ExportTable): string[] {
  if (c.colSpan !== 1 || (c.role !== 'columnHeader' && c.role !== 'corner')) return [];
  const total = table.columns.reduce((a, b) => a + b, 0);
  return [`width:${((100 * table.columns[c.col]!) / total).toFixed(1)}%`];
}

function cell(c: ExportCell, table: ExportTable): string {
  const header = c.role !== 'value';
  const scope = c.role === 'rowHeader' ? (c.rowSpan > 1 ? 'rowgroup' : 'row') : SCOPE[c.role];
  const style = [
    `text-align:${c.align}`,
    'vertical-align:middle',
    ...(header ? [`font-weight:${c.bold ? 'bold' : 'normal'}`] : []),
    ...widthOf(c, table),
  ].join(';');
  return element(
    header ? 'th' : 'td',
    {
      colspan: c.colSpan > 1 ? c.colSpan : undefined,
      rowspan: c.rowSpan > 1 ? c.rowSpan : undefined,
      scope,
      style,
    },
    escapeHtml(c.text),
  );
}

export function tableHtml(table: ExportTable): string {
  const rows = table.rows.map((row) => element('tr', {}, row.cells.map((c) => cell(c, table)).join('')));
  return [
    element('p', { style: STYLE.unit }, escapeHtml(table.table.unitNote)),
    element(
      'table',
      { border: 1, cellspacing: 0, cellpadding: 4, style: STYLE.table },
      `\n${element('tbody', {}, `\n${rows.join('\n')}\n`)}\n`,
    ),
  ].join('\n');
}

/** The fragment: one <div>, self-contained. */
export function reportFragment(doc: ExportDocument): string {
  const parts: string[] = [];
  if (doc.draft) parts.push(element('p', { style: STYLE.draft }, escapeHtml(doc.draft.line)));
  parts.push(element('h1', { style: STYLE.title }, escapeHtml(doc.title)));
  parts.push(...doc.preamble.map(paragraph));
  for (const section of doc.sections) {
    parts.push(element('h2', { style: STYLE.heading }, escapeHtml(section.heading)));
    if (section.kind === 'text') parts.push(...section.paragraphs.map(paragraph));
    else parts.push(tableHtml(section.table));
  }
  return element('div', {}, `\n${parts.join('\n')}\n`);
}
