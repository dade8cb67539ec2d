/**
 * The PDF exporter's public API (heavy: pulls in pdf-lib and fontkit). The page should not import it
 * directly but talk to the worker through ./worker-client.ts, which is light.
 */
export { type ExportOptions, type ExportProgress, type ExportStage, exportReportPdf } from './export.ts';
export { decodeDataUrl, FONT_URLS, loadBundledFonts, type ReadUrl } from './font-files.ts';
export type { PdfFontBytes } from './fonts.ts';
export type { ApprovalSheetPlace } from './layout/report-layout.ts';
export {
  findMissingGlyphs,
  type MissingGlyph,
  MissingGlyphsError,
  markMissingGlyphs,
} from './missing-glyphs.ts';
