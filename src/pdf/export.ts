/**
 * exportReportPdf: the report → a PDF, DOM-free (Node, a Web Worker or the page). Fonts are passed in
 * as bytes; only the glyphs used are embedded. Until the 审核 passes (no 错误, every 提示 confirmed) the
 * document is marked a draft on every page; a report that passed prints clean, its 审签单 listing the
 * confirmed 提示.
 */
import { PDFDocument } from 'pdf-lib';
import type { Report } from '../report/document.ts';
import { type Review, reviewReport } from '../report/review-state.ts';
import { reportTitle } from '../report/template.ts';
import { withTotals } from '../report/totals.ts';
import { renderPage } from './draw/render-pages.ts';
import { fontkitForPdfLib } from './fontkit-adapter.ts';
import { type FontFace, loadFaces, type PdfFontBytes } from './fonts.ts';
import type { PageModel, PrintedReview } from './layout/model.ts';
import { type ApprovalSheetPlace, layoutReport } from './layout/report-layout.ts';
import { findMissingGlyphs, MissingGlyphsError, markMissingGlyphs, markText } from './missing-glyphs.ts';

export type ExportStage = 'layout' | 'fonts' | 'draw' | 'save' | 'done';

export interface ExportProgress {
  stage: ExportStage;
  /** For the progress indicator: 排版 / 嵌入字体 / 绘制第 3 页，共 8 页 / 生成文件 / 完成. */
  label: string;
  /** 0…1 over the whole export. */
  fraction: number;
}

export interface ExportOptions {
  fonts: PdfFontBytes;
  /** Short fingerprint of the report content (the file helper's SHA-256, shortened), printed on every page. */
  fingerprint: string;
  /** When the report was saved, printed with the fingerprint. */
  savedAt: Date;
  /** Add a 审签单 before or after the report. */
  approvalSheet?: ApprovalSheetPlace;
  /** PDF creation date (default: now). */
  createdAt?: Date;
  /** Characters no font has: 'error' (default) throws MissingGlyphsError; 'mark' prints 〔U+20000〕. */
  missingGlyphs?: 'error' | 'mark';
  onProgress?: (progress: ExportProgress) => void;
}

export const PRODUCER = '信息公开年报填报工具（pdf-lib）';

function checkOptions(options: ExportOptions): void {
  if (!options.fonts?.serif?.length || !options.fonts?.sans?.length)
    throw new Error('导出 PDF 需要宋体和黑体两个字体文件');
  if (
    !options.fingerprint.trim() ||
    options.fingerprint.length > 64 ||
    /[^\x21-\x7E]/.test(options.fingerprint)
  ) {
    throw new Error('文件指纹应为 1–64 个可打印的 ASCII 字符（如 SHA-256 的前 16 位十六进制数）');
  }
  if (!(options.savedAt instanceof Date) || Number.isNaN(options.savedAt.getTime())) {
    throw new Error('保存时间无效：请传入报告最后保存的时间');
  }
}

export interface PreparedDocument {
  /** The report as printed: totals computed, missing characters marked if asked. */
  printed: Report;
  /** The 审核 of the report as saved (confirmations are tied to its texts, before any marking). */
  review: Review;
  pages: PageModel[];
}

/**
 * 「ABCDEF+NotoSerifCJKsc-Regular」: the PDF convention (ISO 32000 9.6.4) that marks an embedded subset, so
 * pdffonts and preflight tools see one. The tag comes from the content fingerprint, not from chance, so the
 * same report gives the same bytes in the browser and in Node.
 */
function subsetName(face: FontFace, fingerprint: string, salt: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++) {
    const code = fingerprint.charCodeAt(i % fingerprint.length);
    tag += String.fromCharCode(65 + ((code + salt + i * 7) % 26));
  }
  return `${tag}+${face.font.postscriptName}`;
}

/** Everything up to the drawing: checks, glyph coverage, layout. Pure; tests read the page models. */
export function prepareDocument(report: Report, options: ExportOptions): PreparedDocument {
  checkOptions(options);
  const faces = loadFaces(options.fonts);
  const checked = withTotals(report);
  let printed = checked;
  const missing = findMissingGlyphs(printed, faces);
  if (missing.length > 0) {
    if ((options.missingGlyphs ?? 'error') === 'error') throw new MissingGlyphsError(missing);
    printed = markMissingGlyphs(printed, missing);
  }
  const review = reviewReport(checked);
  // Messages quote the clerk's text, 说明 are the clerk's text: both marked as the report is.
  const mark = markText(missing);
  const printedReview: PrintedReview = {
    state: review.state,
    errors: review.errors.map((f) => mark(f.message)),
    open: review.open.map((f) => mark(f.message)),
    confirmed: review.confirmed.map((c) => ({
      message: mark(c.finding.message),
      note: mark(c.note),
      at: c.at,
    })),
  };
  const pages = layoutReport(
    {
      report: printed,
      review: printedReview,
      fingerprint: options.fingerprint,
      savedAt: options.savedAt,
      approvalSheet: options.approvalSheet ?? null,
    },
    faces,
  );
  return { printed, review, pages };
}

export async function exportReportPdf(report: Report, options: ExportOptions): Promise<Uint8Array> {
  const progress = (stage: ExportStage, label: string, fraction: number) =>
    options.onProgress?.({ stage, label, fraction });
  progress('layout', '排版', 0);
  const { printed, review, pages } = prepareDocument(report, options);

  progress('fonts', '嵌入字体', 0.2);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  const faces = loadFaces(options.fonts);
  const [serif, sans] = await Promise.all([
    doc.embedFont(options.fonts.serif, {
      subset: true,
      customName: subsetName(faces.serif, options.fingerprint, 0),
    }),
    doc.embedFont(options.fonts.sans, {
      subset: true,
      customName: subsetName(faces.sans, options.fingerprint, 7),
    }),
  ]);
  const title = reportTitle(printed.agency.trim(), printed.year);
  const created = options.createdAt ?? new Date();
  doc.setTitle(review.state === '审核通过' ? title : `${title}（草稿）`, { showInWindowTitleBar: true });
  doc.setAuthor(printed.agency.trim());
  doc.setSubject(`政府信息公开工作年度报告（${printed.period.start} 至 ${printed.period.end}）`);
  doc.setKeywords(['政府信息公开', '年度报告', `文件指纹 ${options.fingerprint}`]);
  doc.setCreator('信息公开年报填报工具');
  doc.setProducer(PRODUCER);
  doc.setLanguage('zh-CN');
  doc.setCreationDate(created);
  doc.setModificationDate(created);

  pages.forEach((page, i) => {
    progress('draw', `绘制第 ${i + 1} 页，共 ${pages.length} 页`, 0.25 + (0.25 * i) / pages.length);
    renderPage(doc, page, { serif, sans });
  });
  // Subsetting the fonts happens here: the longest step.
  progress('save', '生成文件', 0.5);
  const bytes = await doc.save();
  progress('done', '完成', 1);
  return bytes;
}
