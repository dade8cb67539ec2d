/**
 * The sample report (自治区科技厅2021年), pasted as the clipboard's plain text, imports to exactly
 * its published numbers and texts, with nothing to report.
 */
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/import-report.ts';
import { CELL_IDS } from '../../src/report/cells.ts';
import { reportSchema } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { AGENCY, EXPECTED_CELLS, OVERVIEW_SUBHEADS, TEXTS, YEAR } from './fixtures/expected.ts';
import { SAMPLE_TEXT } from './fixtures/variants.ts';

function imported(input: { text?: string; html?: string }) {
  const result = importReport(input);
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  return result;
}

describe('importing the sample as plain text', () => {
  const result = imported({ text: SAMPLE_TEXT });

  it('the hand-typed expectations cover all 200 cells', () => {
    expect(Object.keys(EXPECTED_CELLS).sort()).toEqual([...CELL_IDS].sort());
  });

  it('reads all 200 cells to their published numbers', () => {
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
  });

  it('reads the agency and year from the title, and the period and contact from the preamble', () => {
    expect(result.report.agency).toBe(AGENCY);
    expect(result.report.year).toBe(YEAR);
    expect(result.report.period).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(result.report.contact).toEqual({
      address: '广西南宁市新竹路20号',
      postcode: '530022',
      phone: '0771-2618700',
      email: 'bangs@kjt.gxzf.gov.cn',
      website: 'kjt.gxzf.gov.cn',
    });
  });

  it('keeps the preamble and the three text sections from their first to their last sentence', () => {
    const { preamble, sections } = result.report;
    for (const [text, expected] of [
      [preamble, TEXTS.preamble],
      [sections.overview, TEXTS.overview],
      [sections.problems, TEXTS.problems],
      [sections.other, TEXTS.other],
    ] as const) {
      expect(text.startsWith(expected.first)).toBe(true);
      expect(text.endsWith(expected.last)).toBe(true);
    }
    // Sub-heads stay on their own lines; no heading, table label or page furniture slips in.
    const overviewLines = sections.overview.split('\n');
    for (const subhead of OVERVIEW_SUBHEADS) expect(overviewLines).toContain(subhead);
    expect(sections.overview).not.toMatch(/一、总体情况|第二十条/);
    expect(sections.problems.split('\n')).toHaveLength(4);
    expect(sections.other).toBe(TEXTS.other.first);
  });

  it('is a valid 2021 draft with nothing uncertain, missing or left out', () => {
    expect(result.format).toBe('2021');
    expect(result.issues).toEqual([]);
    expect(result.notImported).toEqual([]);
    expect(result.notImportedCells).toEqual([]);
    expect(reportSchema().safeParse(result.report).success).toBe(true);
    expect(result.report.manualTotals).toBe(false);
    expect(result.report.notes).toEqual({});
  });

  it('passes every check, as the published report does', () => {
    expect(evaluate(result.report)).toEqual([]);
  });

  it('gives the source text back for the review screen, as pasted', () => {
    expect(result.sourceText).toBe(SAMPLE_TEXT);
  });
});
