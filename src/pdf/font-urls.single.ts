/**
 * The single HTML file's stand-in for font-urls.ts (see vite.singlefile.config.ts): no font in the
 * worker's code. The fonts sit in the page as 7-bit text (src/platform/embedded-data.ts), and the
 * page posts them to the worker when it starts it (src/ui/export/create-pdf-worker.single.ts).
 */
export const FONT_URLS = null;
