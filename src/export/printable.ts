/**
 * Text and numbers as the Word file and the web page print them. Both are XML or HTML text: a
 * character XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/FFFF) would make the .docx
 * unreadable to Word, so such characters are dropped; they are invisible in the editor too.
 */

/** Characters XML 1.0 allows: tab, line feed, carriage return and U+0020 up, less U+FFFE/FFFF. */
const allowed = (code: number) =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code < 0xfffe);

export function xmlSafe(text: string): string {
  let out = '';
  // for…of walks code points: a pair of surrogates is one character, a lone one is dropped.
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0xffff || (allowed(code) && (code < 0xd800 || code > 0xdfff))) out += char;
  }
  return out;
}

/**
 * A cell value exactly as typed: integers in full (no rounding through ×10⁴, which loses digits past
 * 2⁵³/10⁴), amounts to at most 4 decimals without trailing zeros (0.1 + 0.2 prints 0.3).
 */
export function printedNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}
