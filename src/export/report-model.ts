/**
 * The report as the Word file and the web page print it, in the order of the format and as the PDF
 * lays it out: title, preamble, the six sections (一、 headings; text broken into paragraphs with
 * （一） sub-headings by the PDF's own rules; the three tables), and the draft marking. DOM-free and
 * light: the two writers (docx/, html/) only render this.
 */

import { paragraphsOf } from '../pdf/text/paragraphs.ts';
import type { Report } from '../report/document.ts';
import { reportTitle, SECTIONS, tableById } from '../report/template.ts';
import { withTotals } from '../report/totals.ts';
import { type DraftMarking, draftMarking } from './draft-marking.ts';
import { xmlSafe } from './printable.ts';
import { type ExportTable, exportTable } from './table-model.ts';

export interface ExportRun {
  text: string;
  /** A （一） sub-heading (bold), or body text. */
  subhead: boolean;
}

export type ExportParagraph = ExportRun[];

export type ExportSection =
  | { kind: 'text'; heading: string; paragraphs: ExportParagraph[] }
  | { kind: 'table'; heading: string; table: ExportTable };

export interface ExportDocument {
  /** The report as printed: totals computed (自动合计). */
  printed: Report;
  title: string;
  agency: string;
  draft: DraftMarking | null;
  preamble: ExportParagraph[];
  sections: ExportSection[];
  /** Document properties (Word's 文件属性, the page's <title> and <meta>). */
  properties: { title: string; author: string; subject: string; keywords: string[] };
}

export const GENERATOR = '信息公开年报填报工具';

const paragraphs = (text: string): ExportParagraph[] =>
  paragraphsOf(xmlSafe(text)).map((p) =>
    p.runs.map((r) => ({ text: r.text, subhead: r.kind === 'subhead' })),
  );

/** The text of a paragraph as one line (what the importer reads back). */
export const paragraphText = (paragraph: ExportParagraph): string => paragraph.map((r) => r.text).join('');

export function exportDocument(report: Report): ExportDocument {
  const printed = withTotals(report);
  const agency = xmlSafe(printed.agency.trim());
  const title = reportTitle(agency, printed.year);
  const draft = draftMarking(printed);
  const sections = SECTIONS.map((section): ExportSection => {
    if (section.kind === 'text')
      return {
        kind: 'text',
        heading: section.heading,
        paragraphs: paragraphs(printed.sections[section.key]),
      };
    return { kind: 'table', heading: section.heading, table: exportTable(tableById(section.table), printed) };
  });
  const period =
    printed.period.start && printed.period.end ? `（${printed.period.start} 至 ${printed.period.end}）` : '';
  return {
    printed,
    title,
    agency,
    draft,
    preamble: paragraphs(printed.preamble),
    sections,
    properties: {
      title: draft ? `${title}（草稿）` : title,
      author: agency,
      subject: `政府信息公开工作年度报告${period}`,
      keywords: ['政府信息公开', '年度报告'],
    },
  };
}
