/**
 * Test helpers to re-encode a file as other editors would save it: UTF-16 (Notepad "Unicode") and
 * GBK (Notepad "ANSI" on a Chinese Windows). Node has no GBK encoder, so one is built once by
 * decoding every two-byte GBK code with TextDecoder.
 */

let gbkTable: Map<string, number[]> | null = null;

function gbk(): Map<string, number[]> {
  if (gbkTable) return gbkTable;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  gbkTable = table;
  return table;
}

/** GBK bytes of a text; characters GBK lacks become "?" (as Notepad does). */
export function encodeGbk(text: string): Uint8Array {
  const table = gbk();
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(char) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

export function encodeUtf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = order === 'le' ? lo : hi;
    bytes[2 * i + 1] = order === 'le' ? hi : lo;
  }
  return bytes;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const withUtf8Bom = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
