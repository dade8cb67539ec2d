/**
 * Binary data carried inside the single HTML file (the PDF worker's code and the fonts), written by
 * the build (scripts/vite/embed-worker-plugin.ts) and read back by the page on the first export.
 *
 * Each blob is 7-bit text (seven-bit.ts) in consecutive <script type="text/plain"> elements of
 * 60,000 characters: Chromium appends one long element text piece by piece and copies it each time,
 * so long texts in one element cost more. A text/plain script never runs, so the CSP ignores it.
 * The first part says how many parts and bytes there are; reading checks both, so a truncated or
 * edited file gives a clear message instead of a broken font.
 */
import { decodeSevenBit, encodeSevenBit } from './seven-bit.ts';

export const EMBEDDED_PART_LENGTH = 60_000;

/** The names of the blobs in the page. */
export const EMBEDDED = {
  worker: 'pdf-worker',
  serif: 'font-serif',
  sans: 'font-sans',
  docxWorker: 'docx-worker',
  /** The importer's file reader (pdf.js, mammoth), scripts/vite/embed-reader-plugin.ts. */
  reader: 'import-reader',
} as const;
export type EmbeddedName = (typeof EMBEDDED)[keyof typeof EMBEDDED];

/** Build side: the elements for one blob; `attributes` go on the first part (plain ASCII values). */
export function embeddedElements(
  name: EmbeddedName,
  bytes: Uint8Array,
  attributes: Record<string, string> = {},
): string {
  const text = encodeSevenBit(bytes);
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += EMBEDDED_PART_LENGTH)
    parts.push(text.slice(at, at + EMBEDDED_PART_LENGTH));
  const head = { parts: String(parts.length), bytes: String(bytes.length), ...attributes };
  const first = Object.entries(head)
    .map(([key, value]) => ` data-${key}="${value}"`)
    .join('');
  return parts
    .map(
      (part, i) =>
        `<script type="text/plain" data-embed="${name}" data-part="${i}"${i === 0 ? first : ''}>${part}</script>`,
    )
    .join('\n');
}

export class EmbeddedDataError extends Error {}

/** Page side: the blob's bytes and the first part's data- attributes. */
export function readEmbedded(
  root: ParentNode,
  name: EmbeddedName,
): { bytes: Uint8Array; attributes: DOMStringMap } {
  const parts = Array.from(
    root.querySelectorAll<HTMLElement>(`script[type="text/plain"][data-embed="${name}"]`),
  );
  const first = parts[0];
  const complete =
    first !== undefined &&
    parts.length === Number(first.dataset.parts) &&
    parts.every((part, i) => part.dataset.part === String(i));
  if (!complete) throw new EmbeddedDataError(`页面中的「${name}」数据不完整`);
  const text = parts.map((part) => part.textContent ?? '').join('');
  return { bytes: decodeSevenBit(text, Number(first.dataset.bytes)), attributes: first.dataset };
}
