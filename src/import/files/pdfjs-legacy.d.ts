/** pdf.js 2.16's worker part has no types of its own; it is only handed to pdf.js. */
declare module 'pdfjs-dist-legacy/legacy/build/pdf.worker.js';
