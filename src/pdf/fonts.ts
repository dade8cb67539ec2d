/**
 * The two font roles of the report (宋体 role: serif; 黑体 role: sans) as measured faces.
 * Widths come from fontkit's own layout, the same one pdf-lib uses to pick the glyphs it draws,
 * so a measured line is exactly as wide as the drawn one (ligatures such as Noto's —— included).
 */
import type { Font } from 'fontkit';
import { parseFont } from './fontkit-adapter.ts';

/** The font files, as bytes: what a caller (app, worker, CLI) hands to the exporter. */
export interface PdfFontBytes {
  serif: Uint8Array;
  sans: Uint8Array;
}

export type FaceRole = keyof PdfFontBytes;

export interface FontFace {
  role: FaceRole;
  font: Font;
  /** Width of a string, in em (multiply by the font size for points). */
  width(text: string): number;
  /** Glyphs drawn for a string (character spacing applies once per glyph). */
  glyphCount(text: string): number;
  hasCodePoint(codePoint: number): boolean;
  /** Height above the baseline of the middle of the ideograph box, in em (centre text on this). */
  ideographMiddle: number;
}

export type FontFaces = Record<FaceRole, FontFace>;

interface Shaped {
  width: number;
  glyphs: number;
}

function makeFace(role: FaceRole, font: Font): FontFace {
  const cache = new Map<string, Shaped>();
  const shape = (text: string): Shaped => {
    let shaped = cache.get(text);
    if (!shaped) {
      const codePoint = text.codePointAt(0) ?? 0;
      if (text.length === (codePoint > 0xffff ? 2 : 1)) {
        // One character: no ligature can form, and a cmap lookup is far cheaper than shaping.
        shaped = { width: font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm, glyphs: 1 };
      } else {
        const { glyphs } = font.layout(text);
        let width = 0;
        for (const glyph of glyphs) width += glyph.advanceWidth;
        shaped = { width: width / font.unitsPerEm, glyphs: glyphs.length };
      }
      cache.set(text, shaped);
    }
    return shaped;
  };
  // 中 sits in the ideographic em box; its ink bounds are the most stable reference across fonts.
  const box = font.glyphForCodePoint(0x4e2d).bbox;
  return {
    role,
    font,
    width: (text) => shape(text).width,
    glyphCount: (text) => shape(text).glyphs,
    hasCodePoint: (codePoint) => font.hasGlyphForCodePoint(codePoint),
    ideographMiddle: (box.minY + box.maxY) / 2 / font.unitsPerEm,
  };
}

const faces = new WeakMap<PdfFontBytes, FontFaces>();

/** Parses both fonts (lazily: fontkit reads only the tables and glyphs it needs). */
export function loadFaces(bytes: PdfFontBytes): FontFaces {
  let loaded = faces.get(bytes);
  if (!loaded) {
    loaded = {
      serif: makeFace('serif', parseFont(bytes.serif)),
      sans: makeFace('sans', parseFont(bytes.sans)),
    };
    faces.set(bytes, loaded);
  }
  return loaded;
}
