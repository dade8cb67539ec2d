/**
 * The report itself on the flow: title, preamble, the six sections in the order of the format
 * (一、 headings in the 黑体 role, （一） sub-headings bold inside their paragraph, body justified with
 * a two-character first-line indent), and the three tables with their unit, 续表 and footnotes.
 */
import type { Report } from '../../report/document.ts';
import { reportTitle, SECTIONS, type TableDef, tableById } from '../../report/template.ts';
import type { FontFaces } from '../fonts.ts';
import type { StyledRun } from '../text/atoms.ts';
import { type ParagraphText, paragraphsOf } from '../text/paragraphs.ts';
import type { Flow } from './flow.ts';
import { baselineIn, breakRuns, lineOps, singleLine } from './lines.ts';
import { BODY_SIZE, LINE_PITCH, PAGE, STYLE, TEXT_HEIGHT, TEXT_WIDTH } from './page.ts';
import { placeLines } from './place-text.ts';
import { drawTablePage } from './table-draw.ts';
import { buildTableGrid, type TableGrid } from './table-grid.ts';
import { bodyHeights, headHeight, paginateTable } from './table-paginate.ts';
import { titleLines } from './title.ts';

const TITLE_PITCH = STYLE.title.size * 1.6;
const CAPTION_HEIGHT = 20;
const FOOTNOTE_PITCH = STYLE.footnote.size * 1.5;
const AFTER_TABLE = LINE_PITCH / 2;
const INDENT = 2 * BODY_SIZE;

function writeTitle(flow: Flow, report: Report, faces: FontFaces): void {
  const agency = report.agency.trim();
  const rest = reportTitle('', report.year);
  const lines = titleLines(agency, rest, faces, TEXT_WIDTH);
  placeLines(flow, lines, {
    pitch: TITLE_PITCH,
    x: PAGE.left,
    width: TEXT_WIDTH,
    align: 'center',
    ideographMiddle: faces.serif.ideographMiddle,
  });
  flow.y += LINE_PITCH; // 标题下空一行
}

const runsOf = (paragraph: ParagraphText): StyledRun[] =>
  paragraph.runs.map((r) => ({ text: r.text, style: r.kind === 'subhead' ? STYLE.subhead : STYLE.body }));

const linesOf = (paragraph: ParagraphText, faces: FontFaces) =>
  breakRuns(runsOf(paragraph), faces, TEXT_WIDTH, INDENT);

function writeParagraphs(flow: Flow, paragraphs: readonly ParagraphText[], faces: FontFaces): void {
  paragraphs.forEach((paragraph, i) => {
    const lines = linesOf(paragraph, faces);
    const next = paragraphs[i + 1];
    // A sub-heading paragraph （一）… stays with the first two lines of what it heads.
    if (next && paragraph.runs.every((r) => r.kind === 'subhead')) {
      flow.ensure((lines.length + Math.min(2, linesOf(next, faces).length)) * LINE_PITCH);
    }
    placeLines(flow, lines, {
      pitch: LINE_PITCH,
      x: PAGE.left,
      width: TEXT_WIDTH,
      align: 'justify',
      ideographMiddle: faces.serif.ideographMiddle,
      keepTogether: true,
    });
  });
}

/** A heading never ends a page: it goes to the next one unless `keepWith` of what follows fits too. */
function writeHeading(flow: Flow, heading: string, keepWith: number, faces: FontFaces): void {
  flow.ensure(LINE_PITCH + keepWith);
  const lines = breakRuns([{ text: heading, style: STYLE.heading }], faces, TEXT_WIDTH, INDENT);
  placeLines(flow, lines, {
    pitch: LINE_PITCH,
    x: PAGE.left,
    width: TEXT_WIDTH,
    align: 'left',
    ideographMiddle: faces.sans.ideographMiddle,
  });
}

function captionOps(table: TableDef, continued: boolean, top: number, faces: FontFaces) {
  const style = STYLE.tableCaption;
  const baseline = baselineIn(top, CAPTION_HEIGHT, style.size, faces.serif.ideographMiddle);
  const unit = singleLine([{ text: table.unitNote, style }], faces, TEXT_WIDTH);
  const ops = lineOps(unit, PAGE.left, baseline, 'right');
  if (continued)
    ops.push(
      ...lineOps(singleLine([{ text: '续表', style }], faces, TEXT_WIDTH), PAGE.left, baseline, 'left'),
    );
  return ops;
}

function writeFootnotes(flow: Flow, grid: TableGrid, faces: FontFaces): void {
  const style = STYLE.footnote;
  const hang = faces.serif.width('注：') * style.size;
  grid.footnotes.forEach((note, i) => {
    const text = `${i === 0 ? '注：' : ''}${note.marker}${note.label}：${note.text}`;
    const lines = breakRuns([{ text, style }], faces, TEXT_WIDTH - hang, i === 0 ? -hang : 0);
    placeLines(flow, lines, {
      pitch: FOOTNOTE_PITCH,
      x: PAGE.left + hang,
      width: TEXT_WIDTH - hang,
      align: 'justify',
      ideographMiddle: faces.serif.ideographMiddle,
    });
  });
}

/** Height the start of a table needs on the page of its heading: caption, head, first row. */
function tableStart(grid: TableGrid): number {
  const first = grid.blocks[0]!;
  return CAPTION_HEIGHT + headHeight(first) + (bodyHeights(first)[0] ?? 0);
}

function writeTable(flow: Flow, grid: TableGrid, faces: FontFaces): void {
  const pages = paginateTable(grid, flow.remaining, TEXT_HEIGHT, CAPTION_HEIGHT);
  pages.forEach((page, i) => {
    if (i > 0) flow.newPage('report');
    if (page.slices.length === 0) return;
    flow.add(captionOps(grid.table, page.continued, flow.y, faces));
    flow.y += CAPTION_HEIGHT;
    const drawn = drawTablePage(grid, page, PAGE.left, flow.y, faces);
    flow.add(drawn.ops);
    for (const part of drawn.parts) flow.addTablePart(part);
    flow.y += drawn.height;
  });
  if (grid.footnotes.length > 0) {
    flow.y += 4;
    writeFootnotes(flow, grid, faces);
  }
  flow.y += AFTER_TABLE;
}

export function writeReportBody(flow: Flow, report: Report, faces: FontFaces): void {
  flow.newPage('report');
  writeTitle(flow, report, faces);
  writeParagraphs(flow, paragraphsOf(report.preamble), faces);
  for (const section of SECTIONS) {
    if (section.kind === 'text') {
      const paragraphs = paragraphsOf(report.sections[section.key]);
      const first = paragraphs[0] ? linesOf(paragraphs[0], faces).length : 0;
      writeHeading(flow, section.heading, Math.min(first, 2) * LINE_PITCH, faces);
      writeParagraphs(flow, paragraphs, faces);
    } else {
      const grid = buildTableGrid(tableById(section.table), report, faces);
      writeHeading(flow, section.heading, tableStart(grid), faces);
      writeTable(flow, grid, faces);
    }
  }
}
