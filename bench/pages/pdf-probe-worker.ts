/**
 * A diagnostic twin of src/pdf/worker.ts for bench/pdf-browser.bench.ts: the same modules built the
 * same way, but timing each step of a first export inside the worker. performance.now() counts from
 * the worker's creation, so the first reading is what loading and compiling the worker's code took.
 */
import { exportReportPdf } from '../../src/pdf/export.ts';
import { loadBundledFonts } from '../../src/pdf/font-files.ts';
import { loadFaces } from '../../src/pdf/fonts.ts';
import { findMissingGlyphs } from '../../src/pdf/missing-glyphs.ts';
import type { Report } from '../../src/report/document.ts';

const codeLoaded = performance.now();

interface ProbeRequest {
  report: Report;
  fingerprint: string;
  savedAt: string;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ProbeRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async ({ data }) => {
  const steps: Record<string, number> = { codeLoaded };
  let last = performance.now();
  const mark = (name: string) => {
    const now = performance.now();
    steps[name] = (steps[name] ?? 0) + now - last;
    last = now;
  };
  const fonts = await loadBundledFonts();
  mark('fontsDecoded');
  loadFaces(fonts);
  mark('facesOpened');
  findMissingGlyphs(data.report, fonts);
  mark('glyphsChecked');
  const settings = {
    fingerprint: data.fingerprint,
    savedAt: new Date(data.savedAt),
    createdAt: new Date(data.savedAt),
  };
  let stage = 'export:start';
  await exportReportPdf(data.report, {
    ...settings,
    fonts,
    onProgress: (p) => {
      if (p.stage === stage) return;
      mark(stage);
      stage = `export:${p.stage}`;
    },
  });
  mark(stage);
  const second = performance.now();
  await exportReportPdf(data.report, { ...settings, fonts });
  steps.secondExport = performance.now() - second;
  scope.postMessage(steps);
};
