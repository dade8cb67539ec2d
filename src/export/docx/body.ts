/**
 * The report's body as Word paragraphs and tables, in the order and roles of the PDF: the title
 * (二号, centred, in the PDF's balanced lines), the preamble, the six sections with their 一、 headings (标题 1), paragraphs with a
 * two-character first-line indent and （一） sub-headings in bold (kept with the paragraph after), and
 * the three tables, each under its unit line.
 */
import { type FileChild, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { ExportDocument, ExportParagraph } from '../report-model.ts';
import { FONT } from './fonts.ts';
import { halfPoints, LINE_TWIPS, SIZE, twips } from './geometry.ts';
import { CAPTION_PARAGRAPH, TITLE_PARAGRAPH } from './styles.ts';
import { wordTable } from './table.ts';
import { wordTitleLines } from './title-lines.ts';

const INDENT = { firstLine: twips(2 * SIZE.body) };

function bodyParagraph(runs: ExportParagraph, keepWithNext: boolean): Paragraph {
  return new Paragraph({
    indent: INDENT,
    keepNext: keepWithNext,
    children: runs.map((run) => new TextRun({ text: run.text, bold: run.subhead })),
  });
}

function paragraphs(list: readonly ExportParagraph[]): Paragraph[] {
  // A sub-heading paragraph （一）… stays with what it heads, as in the PDF.
  return list.map((runs, i) => bodyParagraph(runs, i < list.length - 1 && runs.every((r) => r.subhead)));
}

export function reportBody(doc: ExportDocument): FileChild[] {
  const children: FileChild[] = [
    new Paragraph({
      ...TITLE_PARAGRAPH,
      children: wordTitleLines(doc.agency, doc.printed.year).map(
        (line, i) =>
          new TextRun({ text: line, font: FONT.title, size: halfPoints(SIZE.title), break: i > 0 ? 1 : 0 }),
      ),
    }),
    ...paragraphs(doc.preamble),
  ];
  let afterTable = false;
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        // Half a line after a table, as the PDF leaves.
        ...(afterTable ? { spacing: { before: Math.round(LINE_TWIPS / 2) } } : {}),
        children: [new TextRun(section.heading)],
      }),
    );
    if (section.kind === 'text') {
      children.push(...paragraphs(section.paragraphs));
      afterTable = false;
    } else {
      children.push(
        new Paragraph({
          ...CAPTION_PARAGRAPH,
          children: [new TextRun({ text: section.table.table.unitNote, size: halfPoints(SIZE.table) })],
        }),
        wordTable(section.table),
      );
      afterTable = true;
    }
  }
  return children;
}
