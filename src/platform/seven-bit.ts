/**
 * Binary data as text inside the single HTML file: 7 bits a character, every character ASCII.
 *
 * Why not base64: Chromium spends its start-up reading the single file (decoding and parsing cost
 * ~50–75 ms per MB on this machine), so every byte the fonts take in the page counts. base64 carries
 * 6 bits a character; this carries 7 (≈ 1.18 characters a byte against 1.33, 12 % less). Only ASCII:
 * one byte outside it makes Chromium decode the whole page on a slow path (measured: 3×).
 *
 * Inside <script type="text/plain"> every ASCII character comes back unchanged except NUL (becomes
 * U+FFFD) and CR (CR and CR LF become LF), and '<' could start `</script`. Those, and the escape
 * character '=' itself, are written as '=' followed by the value XOR 64 ('@', 'M', '|', '}').
 * Bits are packed most significant first; the last character is padded with zero bits.
 */

const ESCAPE = 0x3d; // '='
const ESCAPED = new Set([0x00, 0x0d, 0x3c, ESCAPE]);

export function encodeSevenBit(bytes: Uint8Array): string {
  const codes: number[] = [];
  const emit = (value: number) => {
    if (ESCAPED.has(value)) codes.push(ESCAPE, value ^ 64);
    else codes.push(value);
  };
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0x7fff;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      emit((buffer >> bits) & 0x7f);
    }
  }
  if (bits > 0) emit((buffer << (7 - bits)) & 0x7f);
  // String.fromCharCode in slices: one call with millions of arguments overflows the stack.
  let text = '';
  for (let at = 0; at < codes.length; at += 8192) text += String.fromCharCode(...codes.slice(at, at + 8192));
  return text;
}

/** The bytes back; `byteLength` (stored with the text) drops the padding bits. */
export function decodeSevenBit(text: string, byteLength: number): Uint8Array {
  const bytes = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < text.length && out < byteLength; i++) {
    let value = text.charCodeAt(i);
    if (value === ESCAPE) value = text.charCodeAt(++i) ^ 64;
    if (value > 0x7f || Number.isNaN(value)) throw new Error('内嵌数据已损坏（出现非 ASCII 字符）');
    buffer = ((buffer << 7) | value) & 0x7fff;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  if (out !== byteLength) throw new Error('内嵌数据已损坏（长度不符）');
  return bytes;
}
