// @vitest-environment node
/**
 * The exported Word file as a word processor lays it out and prints it: LibreOffice (soffice,
 * installed by .ci/run) turns the .docx into a PDF, and the importer reads that PDF back, table by
 * table from its ruled lines. Every one of the 200 cells must come back exactly, for the sample and
 * for reports with numbers of up to 12 digits in every cell (which wrap in the narrow columns of
 * 表三 and 表四), with no cell in doubt but for the random numbers' broken totals. This checks what mammoth cannot: that the tables
 * survive a real layout (widths, merged cells, page breaks with repeated header rows) with every
 * number legible where it belongs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportReportDocx } from '../../src/export/docx/export.ts';
import { readReportFileNode } from '../../src/import/files/read-file-node.ts';
import { importReport } from '../../src/import/import-report.ts';
import type { Report } from '../../src/report/document.ts';
import { EXPORT_SETTINGS, expectedBack, randomReport, sample } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'word-processor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The reports' .docx files printed to PDF by LibreOffice, in one run of it. */
async function printedByLibreOffice(reports: Report[]): Promise<Uint8Array[]> {
  const names = reports.map((_, i) => `report-${i}`);
  for (const [i, report] of reports.entries())
    writeFileSync(join(work, `${names[i]}.docx`), await exportReportDocx(report, EXPORT_SETTINGS));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      ...names.map((n) => join(work, `${n}.docx`)),
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return names.map((n) => new Uint8Array(readFileSync(join(work, `${n}.pdf`))));
}

describe('the Word file as LibreOffice prints it', () => {
  it('reads back to every cell exactly, nothing misread: the sample and reports with large numbers', async () => {
    const reports = [sample(), ...fc.sample(randomReport, { numRuns: 4, seed: 19 })];
    const pdfs = await printedByLibreOffice(reports);
    for (const [i, report] of reports.entries()) {
      const read = await readReportFileNode('年报.pdf', pdfs[i]!);
      expect(read.ok, `report ${i}`).toBe(true);
      if (!read.ok) continue;
      const result = importReport(read.input);
      expect(result.ok, `report ${i}`).toBe(true);
      if (!result.ok) continue;
      const expected = expectedBack(report);
      expect([i, result.report.cells]).toEqual([i, expected.cells]);
      expect([i, result.report.agency, result.report.year]).toEqual([i, expected.agency, expected.year]);
      // Random numbers break the table's own checks, which the importer rightly reports; any other
      // doubt (a row short of numbers, a label not matched) would be a reading failure.
      const doubts = result.issues.filter(
        (issue) =>
          (issue.severity === '不确定' || issue.severity === '未找到') &&
          !(i > 0 && issue.message.includes('导入的数字不符合表格的勾稽关系')),
      );
      expect([i, doubts]).toEqual([i, []]);
    }
  }, 300_000);
});
