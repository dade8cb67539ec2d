/**
 * Adds to the importer's corpus the PDF a word processor makes of the office's .docx (word.pdf):
 * tables set to repeat their header rows on every page (Word's 「重复标题行」), rows allowed to
 * break across pages, printed by LibreOffice. Kept apart from generate.ts so that the committed
 * Chromium renderings stay as they are.
 *
 * Usage: node --import tsx scripts/corpus/word-pdf.ts   (needs LibreOffice: soffice)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDocx } from './docx.ts';
import { CORPUS_DIR } from './inputs.ts';
import { randomReports } from './random-reports.ts';
import { CORPUS_REPORTS } from './reports.ts';

const work = mkdtempSync(join(tmpdir(), 'corpus-word-'));
try {
  for (const report of [...CORPUS_REPORTS, ...randomReports()]) {
    const docx = join(work, `${report.id}.docx`);
    writeFileSync(docx, reportDocx(report, { repeatHeaderRows: true }));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
      stdio: 'ignore',
    });
    copyFileSync(join(work, `${report.id}.pdf`), join(CORPUS_DIR, report.id, 'word.pdf'));
    console.log(`${report.id}: word.pdf`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
