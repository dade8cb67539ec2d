/**
 * Page models → pdf-lib pages. Text is written with raw operators: one BT…ET per op, with character
 * spacing (Tc) for justification and fill-and-stroke rendering (Tr 2) for the synthetic bold, neither
 * of which drawText offers. The watermark goes last, on top, through drawText (opacity, rotation).
 */
import {
  beginText,
  degrees,
  endText,
  LineCapStyle,
  lineTo,
  moveTo,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  rgb,
  setCharacterSpacing,
  setFillingRgbColor,
  setFontAndSize,
  setLineCap,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  stroke,
  TextRenderingMode,
} from 'pdf-lib';
import type { FaceRole } from '../fonts.ts';
import type { PageModel, RuleOp, TextOp, WatermarkOp } from '../layout/model.ts';
import { PAGE } from '../layout/page.ts';

/** Stroke width of the synthetic bold, as a share of the font size. */
const BOLD_STROKE = 0.03;
const BLACK = [0, 0, 0] as const;

export type PdfFonts = Record<FaceRole, PDFFont>;

function textOperators(op: TextOp, font: PDFFont, key: PDFName): PDFOperator[] {
  const [r, g, b] = op.color ?? BLACK;
  return [
    beginText(),
    setFontAndSize(key, op.size),
    setCharacterSpacing(op.charSpacing ?? 0),
    setFillingRgbColor(r, g, b),
    ...(op.bold
      ? [
          setTextRenderingMode(TextRenderingMode.FillAndOutline),
          setStrokingRgbColor(r, g, b),
          setLineWidth(op.size * BOLD_STROKE),
        ]
      : [setTextRenderingMode(TextRenderingMode.Fill)]),
    setTextMatrix(1, 0, 0, 1, op.x, PAGE.height - op.y),
    showText(font.encodeText(op.text)),
    endText(),
  ];
}

function ruleOperators(op: RuleOp): PDFOperator[] {
  return [
    setStrokingRgbColor(0, 0, 0),
    setLineWidth(op.width),
    moveTo(op.x1, PAGE.height - op.y1),
    lineTo(op.x2, PAGE.height - op.y2),
    stroke(),
  ];
}

function drawWatermark(page: PDFPage, op: WatermarkOp, font: PDFFont): void {
  page.drawText(op.text, {
    x: op.x,
    y: PAGE.height - op.y,
    size: op.size,
    font,
    color: rgb(...op.color),
    opacity: op.opacity,
    rotate: degrees(op.angle),
  });
}

export function renderPage(doc: PDFDocument, model: PageModel, fonts: PdfFonts): void {
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const keys = {} as Record<FaceRole, PDFName>;
  const keyOf = (role: FaceRole) => {
    keys[role] ??= page.node.newFontDictionary(fonts[role].name, fonts[role].ref);
    return keys[role];
  };
  const operators: PDFOperator[] = [setLineCap(LineCapStyle.Projecting)];
  const watermarks: WatermarkOp[] = [];
  for (const op of model.ops) {
    if (op.kind === 'text') operators.push(...textOperators(op, fonts[op.face], keyOf(op.face)));
    else if (op.kind === 'rule') operators.push(...ruleOperators(op));
    else watermarks.push(op);
  }
  // Tc and Tr outlive ET: reset them so that drawText (the watermark) starts from the defaults.
  operators.push(setCharacterSpacing(0), setTextRenderingMode(TextRenderingMode.Fill));
  page.pushOperators(...operators);
  for (const op of watermarks) drawWatermark(page, op, fonts[op.face]);
}
