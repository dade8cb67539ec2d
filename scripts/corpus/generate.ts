/**
 * Builds the importer's corpus (tests/import/corpus/<report>/) the way real inputs come about:
 * for each report, its official-style web page (page.html), what a browser copies of that page
 * (browser-copy.txt), the PDF Chromium prints of it on A4 and on narrow paper (a4.pdf, narrow.pdf,
 * with page numbers as published PDFs have), the text poppler extracts of each PDF in its three
 * orders (<paper>.default.txt, .layout.txt, .raw.txt), the Word/WPS plain-text copy with its
 * merged-cell blanks (word-copy.txt) and the office's own .docx (report.docx); with the published
 * numbers in expected.json.
 *
 * Usage: node --import tsx scripts/corpus/generate.ts   (needs Chromium and poppler-utils)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/browser.ts';
import { reportDocx } from './docx.ts';
import { reportHtml } from './html.ts';
import { CORPUS_DIR } from './inputs.ts';
import { randomReports } from './random-reports.ts';
import { CORPUS_REPORTS, type CorpusReport } from './reports.ts';
import { wordCopy } from './word-copy.ts';

/** A4, and a narrow page (a phone-sized PDF, or a half page) on which long labels wrap more. */
const PAPERS = {
  a4: {
    width: '210mm',
    height: '297mm',
    margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '24mm' },
  },
  narrow: {
    width: '120mm',
    height: '240mm',
    margin: { top: '10mm', bottom: '12mm', left: '8mm', right: '8mm' },
  },
} as const;

const FOOTER =
  '<div style="width:100%;text-align:center;font-size:10px;font-family:AR PL UMing CN">— <span class="pageNumber"></span> —</div>';

async function render(browser: Browser, report: CorpusReport, dir: string) {
  const page = await browser.newPage();
  try {
    await page.setContent(reportHtml(report), { waitUntil: 'load' });
    // What a clerk gets by 全选 + 复制 on the published page (the clipboard's text/plain).
    const copied = await page.evaluate(() => {
      const selection = window.getSelection()!;
      selection.selectAllChildren(document.body);
      return selection.toString();
    });
    writeFileSync(join(dir, 'browser-copy.txt'), copied);
    for (const [name, paper] of Object.entries(PAPERS)) {
      const pdf = join(dir, `${name}.pdf`);
      await page.pdf({
        path: pdf,
        width: paper.width,
        height: paper.height,
        margin: paper.margin,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      for (const [order, flags] of Object.entries({ default: [], layout: ['-layout'], raw: ['-raw'] }))
        execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', pdf, join(dir, `${name}.${order}.txt`)]);
    }
  } finally {
    await page.close();
  }
}

async function main() {
  const reports = [...CORPUS_REPORTS, ...randomReports()];
  const browser = await launchBrowser();
  try {
    for (const report of reports) {
      const dir = join(CORPUS_DIR, report.id);
      mkdirSync(dir, { recursive: true });
      const expected = { agency: report.agency, year: report.year, cells: report.cells };
      writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
      writeFileSync(join(dir, 'page.html'), reportHtml(report));
      writeFileSync(join(dir, 'word-copy.txt'), wordCopy(report));
      writeFileSync(join(dir, 'report.docx'), reportDocx(report));
      await render(browser, report, dir);
      console.log(`${report.id}: done`);
    }
  } finally {
    await browser.close();
  }
}

await main();
