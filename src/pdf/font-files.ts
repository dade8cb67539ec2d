/**
 * Where the bundled subset fonts are. `new URL(…, import.meta.url)` is understood by Vite (it emits
 * the file, or inlines it as a data: URL in the single-file build) and by Node (a file: URL).
 * Nothing is read until loadBundledFonts() is called: the fonts load on first export only.
 * The files are gzip-compressed (the serif 4.76 → 3.89 MB): they are embedded in the single HTML
 * file, where every megabyte costs start-up time; DecompressionStream unpacks them on first use.
 */
import type { PdfFontBytes } from './fonts.ts';

export const FONT_URLS: Record<keyof PdfFontBytes, URL> = {
  serif: new URL('./fonts/NotoSerifCJKsc-Regular.subset.otf.gz', import.meta.url),
  sans: new URL('./fonts/NotoSansCJKsc-Regular.subset.otf.gz', import.meta.url),
};

/**
 * Unpacks gzip bytes (DecompressionStream: Chromium 80+, Node 18+, in workers too). Bytes without
 * the gzip signature are returned as they are: a web server that sends .gz files with
 * Content-Encoding: gzip has the browser unpack them already.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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

/**
 * Loads and unpacks both bundled fonts once (later calls share the first load). In Node pass a
 * reader for file: URLs, e.g. `(url) => readFile(url)` from node:fs/promises.
 */
export function loadBundledFonts(read: ReadUrl = readUrlInBrowser): Promise<PdfFontBytes> {
  const load = async (url: URL) => gunzip(await read(url));
  loading ??= Promise.all([load(FONT_URLS.serif), load(FONT_URLS.sans)]).then(([serif, sans]) => ({
    serif,
    sans,
  }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
