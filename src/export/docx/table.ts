/**
 * A table of the report as a Word table: the grid columns of the PDF, merged cells written the way
 * Word itself writes them (w:gridSpan across, w:vMerge restart/continue down), head rows repeated on
 * every page the table runs onto (续表, w:tblHeader), rows never split across pages.
 *
 * The docx library's rowSpan inserts the continuation cells itself and misplaces them when a merged
 * cell starts in the first columns next to other merged cells (table 3's stub): so no rowSpan is
 * given to it; every row lists its cells in grid order, the continuation cells included.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { ExportCell, ExportTable } from '../table-model.ts';
import { CELL_MARGIN, columnTwips, halfPoints, MIN_ROW_TWIPS, SIZE } from './geometry.ts';
import { TABLE_PARAGRAPH } from './styles.ts';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;

/** A cell's text: one paragraph per line of the label (labels have none; kept for safety). */
function cellParagraphs(cell: ExportCell): Paragraph[] {
  return cell.text.split('\n').map(
    (line) =>
      new Paragraph({
        ...TABLE_PARAGRAPH,
        alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text: line, bold: cell.bold, size: halfPoints(SIZE.table) })],
      }),
  );
}

function margins(cell: ExportCell) {
  const x = cell.role === 'value' ? CELL_MARGIN.valueX : CELL_MARGIN.x;
  return { top: CELL_MARGIN.y, bottom: CELL_MARGIN.y, left: x, right: x };
}

interface Placed {
  cell: ExportCell;
  /** Row index where the cell starts. */
  row: number;
}

/**
 * Every row's cells in grid order: the cells starting in the row, and for each merged cell from above
 * that still covers the row, a continuation cell at its place.
 */
export function gridRows(table: ExportTable): { cell: ExportCell; continues: boolean }[][] {
  const covering: Placed[] = [];
  return table.rows.map((row, r) => {
    const here = [
      ...row.cells.map((cell) => ({ cell, continues: false })),
      ...covering
        .filter((p) => p.row < r && r < p.row + p.cell.rowSpan)
        .map((p) => ({ cell: p.cell, continues: true })),
    ].sort((a, b) => a.cell.col - b.cell.col);
    for (const cell of row.cells) if (cell.rowSpan > 1) covering.push({ cell, row: r });
    return here;
  });
}

export function wordTable(table: ExportTable): Table {
  const columns = columnTwips(table.columns);
  const last = table.rows.length - 1;
  // Table 2 (four small blocks, no repeatable head) is kept on one page; tables 3 and 4 keep their
  // head with the first data row and repeat it on the pages they run onto.
  const keepWhole = table.repeatRows === 0;
  const rows = gridRows(table).map(
    (cells, r) =>
      new TableRow({
        cantSplit: true,
        ...(r < table.repeatRows ? { tableHeader: true } : {}),
        ...(r < last && (keepWhole || r < table.repeatRows) ? { keepNext: true } : {}),
        height: { value: MIN_ROW_TWIPS, rule: HeightRule.ATLEAST },
        children: cells.map(
          ({ cell, continues }) =>
            new TableCell({
              columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
              verticalMerge: continues
                ? VerticalMergeType.CONTINUE
                : cell.rowSpan > 1
                  ? VerticalMergeType.RESTART
                  : undefined,
              width: {
                size: columns.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0),
                type: WidthType.DXA,
              },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: margins(cell),
              children: continues ? [new Paragraph(TABLE_PARAGRAPH)] : cellParagraphs(cell),
            }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}
