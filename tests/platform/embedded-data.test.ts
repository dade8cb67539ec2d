/**
 * Binary data in the single file's page: written as <script type="text/plain"> parts, parsed by an
 * HTML parser that follows the standard (parse5) and by the DOM (readEmbedded), the same bytes.
 */
import { randomBytes } from 'node:crypto';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  EMBEDDED,
  EMBEDDED_PART_LENGTH,
  EmbeddedDataError,
  embeddedElements,
  readEmbedded,
} from '../../src/platform/embedded-data.ts';
import { decodeSevenBit } from '../../src/platform/seven-bit.ts';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}
const scripts = (node: Node, out: Node[] = []): Node[] => {
  if (node.nodeName === 'script') out.push(node);
  for (const child of node.childNodes ?? []) scripts(child, out);
  return out;
};
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const textOf = (node: Node) => (node.childNodes ?? []).map((c) => c.value ?? '').join('');

// Bytes that hit every 7-bit value, so every escaped character (NUL, CR, <, =) occurs.
const bytes = new Uint8Array([...randomBytes(150_000), 0, 0, 0, 0x0d, 0x3c, 0x3d]);

describe('embedded data in the page', () => {
  it('comes back byte for byte through a standard HTML parser, in parts that each end their own element', () => {
    const html = `<!doctype html><html><body><p>before</p>${embeddedElements(EMBEDDED.serif, bytes)}<p>after</p></body></html>`;
    const parts = scripts(parse(html) as unknown as Node);
    expect(parts.length).toBe(Math.ceil((bytes.length * 8) / 7 / EMBEDDED_PART_LENGTH + 0.1));
    expect(parts.map((p) => attr(p, 'data-part'))).toEqual(parts.map((_, i) => String(i)));
    expect(attr(parts[0]!, 'data-parts')).toBe(String(parts.length));
    expect(attr(parts[0]!, 'data-bytes')).toBe(String(bytes.length));
    expect(
      parts.every((p) => attr(p, 'type') === 'text/plain' && attr(p, 'data-embed') === 'font-serif'),
    ).toBe(true);
    const text = parts.map(textOf).join('');
    expect(decodeSevenBit(text, bytes.length)).toEqual(bytes);
    expect(html).toContain('<p>after</p></body>');
  });

  it('is read back by the page, with the first part’s attributes', () => {
    document.body.innerHTML =
      embeddedElements(EMBEDDED.worker, bytes, { file: 'worker-abc.js' }) +
      embeddedElements(EMBEDDED.sans, bytes.subarray(0, 10));
    const worker = readEmbedded(document, EMBEDDED.worker);
    expect(worker.bytes).toEqual(bytes);
    expect(worker.attributes.file).toBe('worker-abc.js');
    expect(readEmbedded(document, EMBEDDED.sans).bytes).toEqual(bytes.subarray(0, 10));
  });

  it('says which data is incomplete when a part is missing or the page lacks it', () => {
    document.body.innerHTML = embeddedElements(EMBEDDED.serif, bytes);
    document.querySelectorAll('script')[1]!.remove();
    expect(() => readEmbedded(document, EMBEDDED.serif)).toThrow(EmbeddedDataError);
    expect(() => readEmbedded(document, EMBEDDED.serif)).toThrow('页面中的「font-serif」数据不完整');
    expect(() => readEmbedded(document, EMBEDDED.sans)).toThrow('不完整');
  });
});
