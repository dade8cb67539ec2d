/**
 * On a machine with no Chinese font at all (a bare Linux install, a trimmed-down domestic system),
 * Chromium draws every hanzi of the page as an empty box, on screen and in Ctrl+P's print. The PDF
 * exporter never has that problem: it carries its own subset Noto fonts (src/pdf/fonts). This borrows
 * them for the page: the PDF worker unpacks them (it already holds them: embedded in the single
 * file, inlined in its code in the intranet build) and the page adds the serif one as a web font
 * for hanzi and CJK punctuation, first in the --serif and --sans stacks.
 *
 * Machines with any CJK font (every Windows, every desktop Linux used in Chinese) never start the
 * worker for this: the check costs one 40×40 canvas. <html data-print-font> says what was decided
 * ("system" or "bundled"), for the tests and for anyone looking at a printout.
 */
import { createPdfWorker } from '../ui/export/create-pdf-worker.ts';

export const FALLBACK_FAMILY = 'Nianbao Serif';

/**
 * Whether the browser draws hanzi in `font` with real glyphs: two different characters give two
 * different pictures, while a missing glyph is the same empty box for both. null when no canvas.
 */
export function drawsHanzi(doc: Document, font: string): boolean | null {
  const canvas = doc.createElement('canvas');
  canvas.width = 40;
  canvas.height = 40;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const picture = (text: string) => {
    context.clearRect(0, 0, 40, 40);
    context.font = font;
    context.textBaseline = 'top';
    context.fillStyle = '#000';
    context.fillText(text, 2, 2);
    return Array.from(context.getImageData(0, 0, 40, 40).data).join(',');
  };
  return picture('本') !== picture('单');
}

/** The bundled fonts, unpacked by a PDF worker started for this and stopped after. */
function unpackedSerif(): Promise<Uint8Array | null> {
  const worker = createPdfWorker();
  return new Promise<Uint8Array | null>((resolve) => {
    worker.addEventListener(
      'message',
      (event: MessageEvent<{ type: string; fonts?: { serif: Uint8Array } | null }>) => {
        if (event.data.type === 'unpacked-fonts' || event.data.type === 'error')
          resolve(event.data.fonts?.serif ?? null);
      },
    );
    worker.postMessage({ type: 'unpacked-fonts', id: 1 });
  }).finally(() => worker.terminate());
}

/**
 * Puts the bundled family first in the page's two font stacks (CSSOM: the CSP forbids style
 * attributes). First, not last: last, Chromium still drew bold serif text (the title) as empty boxes
 * through the generic family. Its unicode-range keeps Latin letters and digits with the system fonts.
 */
function useFallbackFamily(root: HTMLElement) {
  const style = getComputedStyle(root);
  for (const stack of ['--serif', '--sans']) {
    const current = style.getPropertyValue(stack).trim();
    if (current && !current.includes(FALLBACK_FAMILY))
      root.style.setProperty(stack, `"${FALLBACK_FAMILY}", ${current}`);
  }
}

/** Hanzi, CJK punctuation and full-width forms: what the system lacks when it has no Chinese font. */
const CJK_RANGE =
  'U+2E80-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF, U+20000-2FFFF';

export async function installPrintFontFallback(
  doc: Document = document,
): Promise<'system' | 'bundled' | 'failed'> {
  const root = doc.documentElement;
  const serif = getComputedStyle(root).getPropertyValue('--serif').trim() || 'serif';
  if (drawsHanzi(doc, `32px ${serif}`) !== false) {
    root.dataset.printFont = 'system';
    return 'system';
  }
  try {
    const bytes = await unpackedSerif();
    if (!bytes) throw new Error('no font');
    const face = new FontFace(FALLBACK_FAMILY, bytes as Uint8Array<ArrayBuffer>, { unicodeRange: CJK_RANGE });
    doc.fonts.add(await face.load());
    useFallbackFamily(root);
    root.dataset.printFont = 'bundled';
    return 'bundled';
  } catch {
    root.dataset.printFont = 'failed';
    return 'failed';
  }
}

/** After the page has loaded (the single file's embedded fonts are at its very end), when idle. */
if (typeof window !== 'undefined' && typeof document !== 'undefined' && !import.meta.env?.VITEST) {
  const start = () => {
    const idle = (window as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback;
    if (idle) idle(() => void installPrintFontFallback());
    else setTimeout(() => void installPrintFontFallback(), 0);
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
}
