/**
 * A report as the office's own Word file (.docx), tables as Word writes them: a w:tblGrid of the
 * grid columns, a horizontal merge as one w:tc with w:gridSpan, a vertical merge as w:vMerge
 * "restart" in its first row and a w:vMerge cell in each row below (what mammoth turns into
 * colspan/rowspan). Headings are bold 黑体 paragraphs, as offices write them, not Word styles.
 */
import { SECTIONS } from '../../src/report/template.ts';
import { gridPlaces, tableGrid } from './grid.ts';
import type { CorpusReport } from './reports.ts';
import { zip } from './zip.ts';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const run = (text: string, bold = false) =>
  `<w:r><w:rPr>${bold ? '<w:b/><w:rFonts w:eastAsia="黑体"/>' : '<w:rFonts w:eastAsia="仿宋_GB2312"/>'}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
const paragraph = (text: string, options: { bold?: boolean; center?: boolean } = {}) =>
  `<w:p><w:pPr>${options.center ? '<w:jc w:val="center"/>' : '<w:ind w:firstLineChars="200" w:firstLine="640"/>'}</w:pPr>${text ? run(text, options.bold) : ''}</w:p>`;

/** Twentieths of a point for each grid column of a table (16 cm of text width). */
const GRID: Record<'t2' | 't3' | 't4', number[]> = {
  t2: [3080, 1996, 1996, 1996],
  t3: [640, 820, 2170, ...Array<number>(7).fill(774)],
  t4: Array<number>(15).fill(604),
};

/** How the office set up its tables: Word's 「重复标题行」 repeats the header rows on every page. */
export interface DocxOptions {
  repeatHeaderRows?: boolean;
}

function tableXml(report: CorpusReport, tableId: 't2' | 't3' | 't4', options: DocxOptions): string {
  const grid = tableGrid(report, tableId);
  // The header: the rows above the first one holding a number.
  const headerRows = grid.rows.findIndex((row) => row.some((cell) => cell.value));
  const rowProperties = (r: number) =>
    options.repeatHeaderRows && r < headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  const rows = gridPlaces(grid).map((places, r) => {
    const cells: string[] = [];
    for (let col = 0; col < places.length; ) {
      const place = places[col]!;
      const cell = 'start' in place ? place.start : place.covered;
      if (cell.col !== col) {
        col++; // inside a horizontal merge: written once, at its first column
        continue;
      }
      const span = cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '';
      const merge =
        'start' in place ? (cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '') : '<w:vMerge/>';
      const text = 'start' in place ? cell.text : '';
      cells.push(
        `<w:tc><w:tcPr>${span}${merge}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${text ? run(text) : ''}</w:p></w:tc>`,
      );
      col += cell.colSpan;
    }
    return `<w:tr>${rowProperties(r)}${cells.join('')}</w:tr>`;
  });
  const gridCols = GRID[tableId].map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${gridCols}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export function reportDocx(report: CorpusReport, options: DocxOptions = {}): Buffer {
  const body: string[] = [
    paragraph(`${report.agency}${report.year}年政府信息公开工作年度报告`, { bold: true, center: true }),
    ...report.preamble.map((p) => paragraph(p)),
  ];
  for (const section of SECTIONS) {
    body.push(paragraph(section.heading, { bold: true }));
    if (section.kind === 'text') body.push(...report[section.key].map((p) => paragraph(p)));
    else body.push(tableXml(report, section.table, options), paragraph(''));
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const files = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': document,
  };
  return zip(Object.entries(files).map(([name, data]) => ({ name, data: Buffer.from(data, 'utf8') })));
}
