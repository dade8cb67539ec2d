// @vitest-environment node
/**
 * 禁则 and measuring: no line starts with a closing mark or ends with an opening one, numbers, Latin
 * words, —— and …… stay whole, lines fit their measure, and a measured line is exactly as wide as
 * the one pdf-lib draws.
 */
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fontkitForPdfLib } from '../../src/pdf/fontkit-adapter.ts';
import { loadFaces } from '../../src/pdf/fonts.ts';
import { breakRuns, lineOps } from '../../src/pdf/layout/lines.ts';
import type { TextStyle } from '../../src/pdf/text/atoms.ts';
import { type BrokenLine, mayBreakBefore } from '../../src/pdf/text/break-lines.ts';
import { mayNotEndLine, mayNotStartLine } from '../../src/pdf/text/kinsoku.ts';
import { paragraphsOf } from '../../src/pdf/text/paragraphs.ts';
import { bundledFonts, sampleReport } from './fixtures.ts';

const faces = loadFaces(bundledFonts());
const BODY: TextStyle = { face: 'serif', size: 16 };
const textOf = (line: BrokenLine) => line.atoms.map((a) => a.text).join('');
const breakText = (text: string, width = 16 * 10, indent = 0) =>
  breakRuns([{ text, style: BODY }], faces, width, indent).map(textOf);

describe('禁则', () => {
  it('pulls a character down rather than start a line with a closing mark', () => {
    // 10 characters per line: the 11th character is the 。 that may not start a line.
    const lines = breakText('一二三四五六七八九十。其后');
    expect(lines[0]).toBe('一二三四五六七八九');
    expect(lines[1]).toBe('十。其后');
  });

  it('does not end a line with an opening bracket or quote', () => {
    const lines = breakText('一二三四五六七八九《条例》');
    expect(lines[0]).toBe('一二三四五六七八九');
    expect(lines[1]!.startsWith('《')).toBe(true);
  });

  it('keeps numbers, addresses and Latin words whole', () => {
    const text =
      '电话：0771-2618700，邮箱：bangs@kjt.gxzf.gov.cn，网站kjt.gxzf.gov.cn，金额4068.208万元，占100%';
    for (const width of [180, 200, 240, 300]) {
      const joined = breakText(text, width).join('\n');
      for (const word of ['0771-2618700', 'bangs@kjt.gxzf.gov.cn', 'kjt.gxzf.gov.cn', '4068.208', '100%']) {
        expect(joined.replace(/\n/g, '')).toContain(word);
        expect(joined).toContain(word);
      }
    }
  });

  it('keeps —— and …… whole', () => {
    for (const width of [48, 64, 80, 96, 112]) {
      const lines = breakText('一二三——四五六……七八九——十', width);
      for (const line of lines) {
        expect(line.startsWith('—') || line.startsWith('…')).toBe(false);
        expect(/(^|[^—])—$/.test(line)).toBe(false);
        expect(/(^|[^…])…$/.test(line)).toBe(false);
      }
    }
  });

  const ALPHABET = Array.from('政府信息公开申请数量，。、；：？！（）《》“”‘’——……0123456789ab.');
  it('holds for any text: no forbidden line start or end, nothing lost, every line within its measure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 4, max: 28 }),
        (chars, ems) => {
          const text = chars.join('');
          const width = ems * 16;
          const lines = breakRuns([{ text, style: BODY }], faces, width, 32);
          expect(lines.map(textOf).join('')).toBe(text);
          lines.forEach((line, i) => {
            const t = textOf(line);
            if (i > 0) expect(mayNotStartLine(t)).toBe(false);
            if (!line.last) expect(mayNotEndLine(t)).toBe(false);
            // Past the measure only when no legal break fits: closing marks hang rather than start a line.
            if (line.width > line.available + 0.01) {
              let prefix = 0;
              line.atoms.forEach((atom, k) => {
                if (k > 0 && prefix <= line.available + 0.01)
                  expect(mayBreakBefore(line.atoms, k)).toBe(false);
                prefix += atom.width;
              });
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('measuring', () => {
  it('gives each glyph its own width: quotes, digits and Latin letters are not 1 em', () => {
    expect(faces.serif.width('中')).toBe(1);
    expect(faces.serif.width('2')).toBeLessThan(0.6);
    expect(faces.serif.width('i')).toBeLessThan(0.4);
    expect(faces.serif.width('2021')).toBeCloseTo(
      ['2', '0', '2', '1'].reduce((w, c) => w + faces.serif.width(c), 0),
      6,
    );
  });

  it('measures each line of the sample exactly as wide as pdf-lib draws it', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkitForPdfLib);
    const serif = await doc.embedFont(bundledFonts().serif, { subset: true });
    const text = paragraphsOf(sampleReport().sections.overview).flatMap((p) => p.runs.map((r) => r.text));
    let checked = 0;
    for (const paragraph of text) {
      for (const line of breakRuns([{ text: paragraph, style: BODY }], faces, 28 * 16, 32)) {
        expect(line.width).toBeCloseTo(serif.widthOfTextAtSize(textOf(line), 16), 3);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('justifies a full line to the measure and leaves the last line ragged', () => {
    const lines = breakRuns(
      [{ text: '一二三四五六七八九十，2021年kjt.gov.cn十一十二十三', style: BODY }],
      faces,
      160,
    );
    for (const line of lines) {
      const ops = lineOps(line, 0, 0, 'justify');
      const last = ops[ops.length - 1]!;
      const spacing = last.charSpacing ?? 0;
      const end = last.x + faces.serif.width(last.text) * 16 + (line.glyphs - 1) * spacing - (ops[0]!.x ?? 0);
      if (line.last) expect(spacing).toBe(0);
      else expect(end).toBeCloseTo(line.available, 3);
    }
  });
});

describe('paragraphs', () => {
  it('marks （一） paragraphs as sub-headings, up to the first 。 when text follows', () => {
    const [whole, mixed, body] = paragraphsOf(
      '（一）政府信息主动公开情况。\n（二）依申请公开。本年度共收到申请3件，均按时答复，没有被申请行政复议或提起诉讼的情况发生。\n　　一是加强建设。',
    );
    expect(whole!.runs).toEqual([{ text: '（一）政府信息主动公开情况。', kind: 'subhead' }]);
    expect(mixed!.runs[0]).toEqual({ text: '（二）依申请公开。', kind: 'subhead' });
    expect(mixed!.runs[1]!.kind).toBe('body');
    expect(body!.runs).toEqual([{ text: '一是加强建设。', kind: 'body' }]);
  });
});
