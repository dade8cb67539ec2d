/**
 * The bundled subset fonts, loaded once, on the first export. The files are brotli-compressed (they
 * are embedded in the single HTML file, where every megabyte costs start-up time: 2.18 MB against
 * 2.75 with gzip) and unpacked here with the brotli decoder fontkit already bundles for WOFF2 (about
 * 0.2 s for the serif font, in the worker; DecompressionStream knows no brotli in Chromium 86).
 * Two sources: the font URLs (font-urls.ts; Node, the intranet build), or the bytes the single
 * file's page posts to its worker (provideBundledFonts).
 */
import decompress from 'brotli/decompress.js';
import { FONT_URLS } from './font-urls.ts';
import type { PdfFontBytes } from './fonts.ts';

export { FONT_URLS };

const isOpenType = (bytes: Uint8Array) =>
  bytes.length > 4 && ['OTTO', 'true', '\0\x01\0\0'].includes(String.fromCharCode(...bytes.subarray(0, 4)));

/**
 * A bundled font file's bytes unpacked (brotli). Bytes that already are a font pass through: a web
 * server (Vite's dev server) may send a .br file with Content-Encoding: br, unpacked by the browser.
 */
export function unpackFont(packed: Uint8Array): Uint8Array {
  return isOpenType(packed) ? packed : decompress(packed);
}

export type ReadUrl = (url: URL) => Promise<Uint8Array>;

/** Decodes a base64 data: URL directly (a CSP with connect-src 'none' forbids fetch(data:…)). */
export function decodeDataUrl(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0 || !url.slice(0, comma).endsWith(';base64')) {
    throw new Error('字体数据不是 base64 编码的 data: 地址');
  }
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Browser and worker default: inlined fonts are decoded, emitted files fetched. */
export const readUrlInBrowser: ReadUrl = async (url) => {
  if (url.protocol === 'data:') return decodeDataUrl(url.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`无法读取字体文件 ${url.pathname}（${response.status}）`);
  return new Uint8Array(await response.arrayBuffer());
};

let loading: Promise<PdfFontBytes> | null = null;
let provided: PdfFontBytes | null = null;

/** The single HTML file's worker: the page's packed font bytes, used instead of the URLs. */
export function provideBundledFonts(fonts: PdfFontBytes): void {
  provided = fonts;
  loading = null;
}

function packedFont(role: keyof PdfFontBytes, read: ReadUrl): Promise<Uint8Array> {
  if (provided) return Promise.resolve(provided[role]);
  // null in the single file's worker (font-urls.single.ts) until the page has posted the fonts.
  if (!FONT_URLS) return Promise.reject(new Error('PDF 导出组件没有收到字体。请刷新页面后重试。'));
  return read(FONT_URLS[role]);
}

/**
 * Loads and unpacks both bundled fonts once (later calls share the first load). In Node pass a
 * reader for file: URLs, e.g. `(url) => readFile(url)` from node:fs/promises.
 */
export function loadBundledFonts(read: ReadUrl = readUrlInBrowser): Promise<PdfFontBytes> {
  const load = async (role: keyof PdfFontBytes) => unpackFont(await packedFont(role, read));
  loading ??= Promise.all([load('serif'), load('sans')]).then(([serif, sans]) => ({ serif, sans }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
