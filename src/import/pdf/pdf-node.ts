/**
 * The PDF reader in Node (the command line, tests, benches): pdf.js's legacy 2.x build, run in
 * this thread, with the Chinese CMaps read from its package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type CMapSource, extractPdf, type PdfExtract, type PdfJs } from './pdf-extract.ts';

const require = createRequire(import.meta.url);

let loaded: PdfJs | null = null;
function pdfjs(): PdfJs {
  if (!loaded) {
    // In this thread: pdf.js looks for the worker's message handler here before starting a worker.
    (
      globalThis as { pdfjsWorker?: unknown }
    ).pdfjsWorker = require('pdfjs-dist-legacy/legacy/build/pdf.worker.js');
    loaded = require('pdfjs-dist-legacy/legacy/build/pdf.js') as PdfJs;
  }
  return loaded;
}

const CMAP_DIR = join(dirname(require.resolve('pdfjs-dist-legacy/package.json')), 'cmaps');
const nodeCMaps: CMapSource = (name) => {
  if (!/^[\w-]+$/.test(name)) return null;
  try {
    return new Uint8Array(readFileSync(join(CMAP_DIR, `${name}.bcmap`)));
  } catch {
    return null;
  }
};

export const readPdfNode = (bytes: Uint8Array): Promise<PdfExtract> => extractPdf(pdfjs(), bytes, nodeCMaps);
