// @vitest-environment node
/**
 * The main check of issue 19: the exported Word file (read back through mammoth) and the exported
 * web page, fed to the importer of published reports, give back every one of the 200 cells and every
 * text exactly — for the sample and for reports with random numbers in every cell. This proves the
 * tables' structure (merged headers, stub labels, spans), not only their look.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportReportDocx } from '../../src/export/docx/export.ts';
import { exportReportHtml } from '../../src/export/html/index.ts';
import { importReport } from '../../src/import/import-report.ts';
import type { Report } from '../../src/report/document.ts';
import { actualBack, docxToHtml, EXPORT_SETTINGS, expectedBack, randomReport, sample } from './fixtures.ts';

function imported(input: { html: string }): Report {
  const result = importReport(input);
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  return result.report;
}

async function viaWord(report: Report) {
  const { html, messages } = await docxToHtml(await exportReportDocx(report, EXPORT_SETTINGS));
  expect(messages).toEqual([]);
  return imported({ html });
}

describe('round trip through the importer', () => {
  it('the sample: Word (via mammoth), the web page and its fragment give back all 200 cells and every text', async () => {
    const report = sample();
    const expected = expectedBack(report);
    // The sample's texts are already one paragraph a line: they come back as stored.
    expect(expected.sections).toEqual(report.sections);
    expect(expected.preamble).toBe(report.preamble);
    const html = exportReportHtml(report);
    for (const back of [
      await viaWord(report),
      imported({ html: html.page }),
      imported({ html: html.fragment }),
    ]) {
      expect(actualBack(back)).toEqual(expected);
      expect(back.notes).toEqual({});
    }
  });

  it('the sample comes back without a single doubt from the importer', async () => {
    const report = sample();
    const { html } = await docxToHtml(await exportReportDocx(report, EXPORT_SETTINGS));
    for (const input of [{ html }, { html: exportReportHtml(report).fragment }]) {
      const result = importReport(input);
      expect(result.ok && result.issues).toEqual([]);
    }
  });

  it('random numbers in every cell (large values, amounts with decimals): the web page', () => {
    fc.assert(
      fc.property(randomReport, (report) => {
        expect(actualBack(imported({ html: exportReportHtml(report).fragment }))).toEqual(
          expectedBack(report),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('random numbers in every cell (large values, amounts with decimals): the Word file', async () => {
    await fc.assert(
      fc.asyncProperty(randomReport, async (report) => {
        expect(actualBack(await viaWord(report))).toEqual(expectedBack(report));
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  it('a note is printed after its number in brackets and comes back as the cell’s note', async () => {
    const report: Report = {
      ...sample(),
      notes: { 't2.normative.issued': '其中修订16件', 't3.total.total': '含上年结转（2件）' },
    };
    for (const back of [await viaWord(report), imported({ html: exportReportHtml(report).fragment })]) {
      expect(back.cells['t2.normative.issued']).toBe(26);
      expect(back.notes).toEqual(report.notes);
    }
  });
});
