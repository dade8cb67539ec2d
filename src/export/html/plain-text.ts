/**
 * The report as plain text, offered on the clipboard beside the HTML (text/plain) for editors that
 * take no HTML: lines of paragraphs, and each table row as its cells separated by tabs, as a browser
 * copies a table (a merged cell written once, in its first row and column).
 */
import { type ExportDocument, type ExportParagraph, paragraphText } from '../report-model.ts';

const indent = (p: ExportParagraph) => `\u3000\u3000${paragraphText(p)}`;

export function reportPlainText(doc: ExportDocument): string {
  const lines: string[] = [];
  if (doc.draft) lines.push(doc.draft.line, '');
  lines.push(doc.title, '');
  lines.push(...doc.preamble.map(indent));
  for (const section of doc.sections) {
    lines.push(section.heading);
    if (section.kind === 'text') {
      lines.push(...section.paragraphs.map(indent));
      continue;
    }
    lines.push(section.table.table.unitNote);
    for (const row of section.table.rows) lines.push(row.cells.map((c) => c.text).join('\t'));
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
