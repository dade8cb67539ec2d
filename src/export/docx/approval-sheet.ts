/**
 * 审签单 in Word, as the PDF draws it (src/pdf/layout/approval-sheet.ts): the report's name, the
 * agency, the result of the checks and the file fingerprint, then room for 起草人、审核人、签发人 with
 * their dates and for 审签意见. The same rows, column widths and heights.
 */
import {
  AlignmentType,
  type FileChild,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FONT } from './fonts.ts';
import { columnTwips, halfPoints, SIZE, TITLE_LINE_TWIPS, twips } from './geometry.ts';
import { TABLE_BORDERS } from './table.ts';

export interface ApprovalFacts {
  title: string;
  agency: string;
  /** 审核通过, or what is left open. */
  status: string;
  fingerprint: string;
  /** 北京时间 2022-01-20 10:30 */
  savedAt: string;
}

/** Shorter than the PDF's by two spaces: Word's 13 pt cell would wrap the PDF's. */
const DATE_BLANK = '　　年　　月　　日';
/** The PDF's columns: 90, 150, 60 pt and the rest. */
const COLUMNS = columnTwips([90, 150, 60, 0]);

interface SheetCell {
  text: string;
  label: boolean;
  span: number;
}

const label = (text: string): SheetCell => ({ text, label: true, span: 1 });
const value = (text: string, span = 3): SheetCell => ({ text, label: false, span });

function sheetRow(cells: SheetCell[], minHeight: number): TableRow {
  let col = 0;
  return new TableRow({
    cantSplit: true,
    height: { value: twips(minHeight), rule: HeightRule.ATLEAST },
    children: cells.map((cell) => {
      const width = COLUMNS.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
      col += cell.span;
      return new TableCell({
        columnSpan: cell.span > 1 ? cell.span : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { left: twips(6), right: twips(6), top: twips(6), bottom: twips(6) },
        children: [
          new Paragraph({
            alignment: cell.label ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: twips(SIZE.approval * 1.5), lineRule: LineRuleType.EXACT },
            children: [
              new TextRun({
                text: cell.text,
                font: cell.label ? FONT.heading : FONT.body,
                size: halfPoints(SIZE.approval),
              }),
            ],
          }),
        ],
      });
    }),
  });
}

export function approvalSheet(facts: ApprovalFacts): FileChild[] {
  const signer = (role: string) =>
    sheetRow([label(role), value('', 1), label('日期'), value(DATE_BLANK, 1)], 64);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: TITLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, after: twips(16) },
      children: [new TextRun({ text: '审　签　单', font: FONT.heading, size: halfPoints(SIZE.title) })],
    }),
    new Table({
      width: { size: COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: COLUMNS,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      rows: [
        sheetRow([label('报告名称'), value(facts.title)], 40),
        sheetRow([label('机关名称'), value(facts.agency)], 40),
        sheetRow([label('审核结果'), value(facts.status)], 40),
        sheetRow([label('文件指纹'), value(`${facts.fingerprint}，保存于 ${facts.savedAt}`)], 40),
        signer('起草人'),
        signer('审核人'),
        signer('签发人'),
        sheetRow([label('审签意见'), value('')], 170),
      ],
    }),
  ];
}
