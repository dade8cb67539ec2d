// @vitest-environment node
/**
 * The sans font is subset to the fixed texts drawn in 黑体 (tests/pdf/sans-texts.ts). Every such
 * character must have its glyph; when a heading or label changes, this fails until the subset is
 * rebuilt (node --import tsx scripts/sans-charset.ts && /usr/bin/python3 scripts/make-fonts.py sans).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFaces } from '../../src/pdf/fonts.ts';
import { bundledFonts } from './fixtures.ts';
import { sansCharacters, sansReports } from './sans-texts.ts';

describe('the sans (黑体) subset', () => {
  const faces = loadFaces(bundledFonts());

  it('has a glyph for every character the PDF draws in sans', () => {
    const drawn = new Set<string>();
    for (const report of sansReports())
      for (const char of sansCharacters(report, bundledFonts())) drawn.add(char);
    expect(drawn.size).toBeGreaterThan(80); // headings, furniture, watermark, 审签单 labels
    const missing = [...drawn].filter((char) => !faces.sans.hasCodePoint(char.codePointAt(0)!));
    expect(missing, '重新生成黑体子集：scripts/sans-charset.ts，再 make-fonts.py sans').toEqual([]);
  });

  it('is the charset file’s set: nothing drawn is missing from sans-used.txt', () => {
    const listed = new Set(
      readFileSync(new URL('../../src/pdf/fonts/charset/sans-used.txt', import.meta.url), 'utf8'),
    );
    for (const report of sansReports())
      for (const char of sansCharacters(report, bundledFonts()))
        if (char.codePointAt(0)! > 0x7e) expect(listed.has(char), char).toBe(true);
  });

  it('is small: the clerk’s text never prints in it', () => {
    expect(bundledFonts().sans.length).toBeLessThan(200_000);
    expect(faces.sans.hasCodePoint('鑫'.codePointAt(0)!)).toBe(false);
    expect(faces.serif.hasCodePoint('鑫'.codePointAt(0)!)).toBe(true);
  });
});

describe('the bundled fonts, brotli-compressed', () => {
  it('unpack to OpenType (CFF) fonts with the decoder the worker uses', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { FONT_URLS, unpackFont } = await import('../../src/pdf/font-files.ts');
    for (const role of ['serif', 'sans'] as const) {
      const packed = new Uint8Array(read(FONT_URLS[role]));
      const font = unpackFont(packed);
      expect(new TextDecoder().decode(font.subarray(0, 4))).toBe('OTTO');
      // Same bytes as node:zlib unpacks (compared as buffers: toEqual is slow on megabytes).
      expect(Buffer.compare(font, bundledFonts()[role])).toBe(0);
      expect(packed.length).toBeLessThan(font.length * 0.7);
      // Not mistaken for an unpacked font (a server may send it unpacked already: passed through).
      expect(new TextDecoder().decode(packed.subarray(0, 4))).not.toBe('OTTO');
      expect(unpackFont(font)).toBe(font);
    }
  });
});
