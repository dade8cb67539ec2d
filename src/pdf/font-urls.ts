/**
 * Where the bundled subset fonts are. `new URL(…, import.meta.url)` is understood by Vite (it emits
 * the file, or inlines it as a data: URL into the PDF worker) and by Node (a file: URL).
 * The single HTML file uses font-urls.single.ts instead: its page hands the fonts to the worker.
 */
import type { PdfFontBytes } from './fonts.ts';

export const FONT_URLS: Record<keyof PdfFontBytes, URL> = {
  serif: new URL('./fonts/NotoSerifCJKsc-Regular.subset.otf.br', import.meta.url),
  sans: new URL('./fonts/NotoSansCJKsc-Regular.subset.otf.br', import.meta.url),
};
