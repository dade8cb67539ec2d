// @vitest-environment node
/** Any valid report survives save → open unchanged, with its hash verified. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportHash } from '../../src/files/canonical.ts';
import { openDraftFile } from '../../src/files/open.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { reportArbitrary } from './arbitraries.ts';

describe('save → open', () => {
  it('gives back the same report, hash verified, for any valid report', async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary, async (report) => {
        const saved = await serializeDraft(report);
        const opened = await openDraftFile(saved.bytes, 'a.nianbao.json');
        if (!opened.ok) throw new Error(`${opened.message} ${opened.details.join('; ')}`);
        expect(opened.report).toEqual(report);
        expect(opened.hashStatus).toBe('verified');
        expect(opened.hashMismatch).toBe(false);
        expect(saved.file.sha256).toBe(await reportHash(opened.report));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('keeps -0, which JSON.stringify would write as 0', async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary, async (report) => {
        const { 't3.new.natural': _typed, ...invalidEntries } = report.invalidEntries;
        const withNegativeZero = {
          ...report,
          cells: { ...report.cells, 't3.new.natural': -0 },
          invalidEntries,
        };
        const opened = await openDraftFile((await serializeDraft(withNegativeZero)).bytes, 'z.nianbao.json');
        expect(opened.ok && Object.is(opened.report.cells['t3.new.natural'], -0)).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  it('writes plain, indented UTF-8 JSON without BOM, text fields escaped only as JSON requires', async () => {
    const [report] = fc.sample(reportArbitrary, { numRuns: 1, seed: 7 });
    const evil = { ...report!, agency: '<script>alert("x")</script>\u0000' };
    const saved = await serializeDraft(evil);
    expect(saved.bytes[0]).toBe('{'.charCodeAt(0));
    expect(saved.text).toContain('\n  "fileFormatVersion": 1,\n');
    expect(saved.text).toContain('"agency": "<script>alert(\\"x\\")</script>\\u0000"');
    expect(JSON.parse(saved.text)).toEqual(saved.file);
  });
});
