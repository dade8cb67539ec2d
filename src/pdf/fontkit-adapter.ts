/**
 * fontkit 2 for pdf-lib. pdf-lib's own fork (@pdf-lib/fontkit 1.1.1) writes blank CJK subsets; upstream
 * fontkit 2 subsets correctly and parses lazily, but names the subset encoder encode() where pdf-lib
 * calls encodeStream(). This adapter bridges that one difference.
 */

import type { Font, Subset } from 'fontkit';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

const parsed = new WeakMap<Uint8Array, Font>();

/**
 * Parses font bytes once per byte array: fontkit caches glyphs and layouts inside the font object,
 * so a second export with the same bytes is much faster than the first.
 */
export function parseFont(bytes: Uint8Array): Font {
  let font = parsed.get(bytes);
  if (!font) {
    font = withEncodeStream(fontkit.create(bytes));
    parsed.set(bytes, font);
  }
  return font;
}

type StreamEvent = 'data' | 'end' | 'error';

/** The little of a Node stream that pdf-lib's serializeFont() uses: on('data'|'end'|'error'). */
function streamOf(produce: () => Uint8Array) {
  const handlers: Partial<Record<StreamEvent, (value?: unknown) => void>> = {};
  const stream = {
    on(event: StreamEvent, handler: (value?: unknown) => void) {
      handlers[event] = handler;
      return stream;
    },
  };
  // pdf-lib attaches its handlers right after the call returns: emit on the next microtask.
  queueMicrotask(() => {
    try {
      handlers.data?.(produce());
      handlers.end?.();
    } catch (error) {
      handlers.error?.(error);
    }
  });
  return stream;
}

function withEncodeStream(font: Font): Font {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset: Subset = createSubset();
    return Object.assign(subset, { encodeStream: () => streamOf(() => subset.encode()) });
  };
  return font;
}

/** Pass to pdfDoc.registerFontkit(). */
export const fontkitForPdfLib = {
  create: (bytes: Uint8Array) => parseFont(bytes),
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];
