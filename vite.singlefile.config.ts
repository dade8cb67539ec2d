import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { asciiOnlyPlugin } from './scripts/vite/ascii-html.ts';
import { browserGatePlugin } from './scripts/vite/browser-gate-plugin.ts';
import { cspPlugin } from './scripts/vite/csp-plugin.ts';
import { earlyStoragePlugin } from './scripts/vite/early-storage-plugin.ts';
import { embedDocxWorkerPlugin } from './scripts/vite/embed-docx-worker-plugin.ts';
import { embedReaderPlugin } from './scripts/vite/embed-reader-plugin.ts';
import { embedWorkerPlugin, startAppEarlyPlugin } from './scripts/vite/embed-worker-plugin.ts';
import { inlineFaviconPlugin } from './scripts/vite/favicon-plugin.ts';
import { BUILD_TARGET, inlineFonts, SINGLE_FILE_NAME, workerOptions } from './scripts/vite/shared.ts';

const singleWorker = fileURLToPath(new URL('./src/ui/export/create-pdf-worker.single.ts', import.meta.url));
const singleDocxWorker = fileURLToPath(
  new URL('./src/ui/export/create-docx-worker.single.ts', import.meta.url),
);
const singleFontUrls = fileURLToPath(new URL('./src/pdf/font-urls.single.ts', import.meta.url));
const singleReader = fileURLToPath(
  new URL('./src/import/files/create-reader-worker.single.ts', import.meta.url),
);

// The single self-contained HTML file, written next to the intranet build:
// dist/信息公开年报填报工具.html. Run after `vite build` (it keeps dist/: emptyOutDir false).
// Plugin order matters: embed the workers (PDF, Word), then singlefile inlines the app, then move the app's script,
// then start opening IndexedDB from <head>,
// then make every byte ASCII (fast decoding), then the CSP hashes the final inline code.
export default defineConfig({
  plugins: [
    browserGatePlugin(),
    preact(),
    embedWorkerPlugin(),
    embedDocxWorkerPlugin(),
    embedReaderPlugin(),
    viteSingleFile({ outputFileName: SINGLE_FILE_NAME }),
    startAppEarlyPlugin(),
    earlyStoragePlugin(),
    inlineFaviconPlugin(),
    asciiOnlyPlugin(),
    cspPlugin(),
  ],
  resolve: {
    // The PDF worker's code and the fonts come from the page itself (no file:// worker, nothing
    // fetched); the worker's code carries no font (the page posts them to it).
    alias: [
      // Whoever imports it (the export dialog, src/platform/print-font-fallback.ts).
      { find: /^(?:\.{1,2}\/)+(?:[\w-]+\/)*create-pdf-worker\.ts$/, replacement: singleWorker },
      { find: /^\.\/font-urls\.ts$/, replacement: singleFontUrls },
      { find: /^\.\/create-docx-worker\.ts$/, replacement: singleDocxWorker },
      // The importer's file reader likewise (scripts/vite/embed-reader-plugin.ts).
      { find: /^\.\/create-reader-worker\.ts$/, replacement: singleReader },
    ],
  },
  define: {
    // No service worker in the single file (file:// refuses them; over http there is no sw.js).
    'import.meta.env.VITE_SINGLE_FILE': JSON.stringify('1'),
  },
  // pdf.js's Chinese CMaps, carried inside the importer's file reader (src/import/files/cmaps.browser.ts).
  assetsInclude: ['**/*.bcmap'],
  build: {
    target: BUILD_TARGET,
    assetsInlineLimit: inlineFonts,
    emptyOutDir: false,
    copyPublicDir: false,
  },
  worker: workerOptions,
});
