// @vitest-environment node
/**
 * Characters no font has are found before export, listed with the official label of where they
 * occur, and never printed as blanks: the export refuses, or prints the code when asked to.
 */
import { describe, expect, it } from 'vitest';
import { exportReportPdf } from '../../src/pdf/export.ts';
import { loadFaces } from '../../src/pdf/fonts.ts';
import { findMissingGlyphs, MissingGlyphsError } from '../../src/pdf/missing-glyphs.ts';
import { SECTIONS, TABLES } from '../../src/report/template.ts';
import { bundledFonts, SETTINGS, sampleReport, squeeze } from './fixtures.ts';
import { pdftotext, writePdf } from './poppler.ts';

const RARE = '𠀀'; // U+20000, in no font we ship

function withRareCharacters() {
  const report = sampleReport();
  return {
    ...report,
    preamble: `${report.preamble}（${RARE}）`,
    sections: { ...report.sections, other: `${report.sections.other}${RARE}\u0007` },
    notes: { 't3.total.natural': `含${RARE}姓申请人1件` },
  };
}

describe('findMissingGlyphs', () => {
  it('lists each missing character once, with the official labels of where it occurs', () => {
    const missing = findMissingGlyphs(withRareCharacters(), bundledFonts());
    expect(missing).toEqual([
      {
        char: RARE,
        codePoint: 'U+20000',
        places: ['前言', '六、其他需要报告的事项', '三（七）总计·自然人 的注释'],
      },
      { char: '\u0007', codePoint: 'U+0007', places: ['六、其他需要报告的事项'] },
    ]);
  });

  it('finds nothing in the sample report', () => {
    expect(findMissingGlyphs(sampleReport(), bundledFonts())).toEqual([]);
  });

  it('has every character of the template (headings, table labels, units) in the serif font; headings in both', () => {
    const faces = loadFaces(bundledFonts());
    const labels = [
      ...SECTIONS.map((s) => s.heading),
      ...TABLES.flatMap((t) => [
        t.unitNote,
        ...t.blocks.flatMap((b) => [
          b.title ?? '',
          b.stubHeader ?? '',
          ...b.columns.flatMap((c) => c.path),
          ...b.rows.flatMap((r) => r.path),
        ]),
      ]),
      '续表注：审签单起草人审核人签发人日期文件指纹保存于北京时间第页共草稿·审核未通过①⑳㉑㉟㊱㊿—',
    ].join('');
    for (const char of new Set(Array.from(labels))) {
      expect(faces.serif.hasCodePoint(char.codePointAt(0)!), char).toBe(true);
    }
    // Sans draws the headings (and the furniture: see sans-coverage.test.ts), not the tables.
    for (const char of new Set(Array.from(SECTIONS.map((s) => s.heading).join('')))) {
      expect(faces.sans.hasCodePoint(char.codePointAt(0)!), char).toBe(true);
    }
  });
});

describe('export with missing characters', () => {
  it('refuses by default, naming the characters and where they are', async () => {
    const error = await exportReportPdf(withRareCharacters(), { fonts: bundledFonts(), ...SETTINGS }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(MissingGlyphsError);
    expect(error.missing.map((m: { codePoint: string }) => m.codePoint)).toEqual(['U+20000', 'U+0007']);
    expect(error.message).toContain('U+20000');
    expect(error.message).toContain('前言');
  });

  it("prints 〔U+20000〕 in place of the character when the caller chooses 'mark'", async () => {
    const pdf = await exportReportPdf(withRareCharacters(), {
      fonts: bundledFonts(),
      ...SETTINGS,
      missingGlyphs: 'mark',
    });
    const text = squeeze(pdftotext(writePdf(pdf)));
    expect(text).toContain('（〔U+20000〕）');
    expect(text).toContain('〔U+0007〕');
    expect(text).not.toContain(RARE);
  });
});
