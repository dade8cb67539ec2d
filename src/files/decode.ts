/**
 * Bytes of a file → text. Decided (and documented in the messages): a draft file is UTF-8, with or
 * without BOM. Two other encodings appear when a clerk re-saves the file in Windows Notepad, and both
 * are decoded rather than refused, because the content is then checked as strictly as any other:
 *   - UTF-16 (Notepad's "Unicode"): recognised by its BOM, or without BOM by the zero bytes around "{";
 *   - GBK / GB18030 (Notepad's "ANSI" on a Chinese Windows): tried when the bytes are not valid UTF-8.
 * A UTF-8 file with a few damaged bytes is refused as damaged (not read as GBK gibberish); anything
 * else (binary, Latin-1, a broken mixture) is refused with a message saying so.
 */

export type Decoded = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

const RESAVE = '再次保存时将使用 UTF-8 编码。';

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: false (the default) drops a leading BOM of the given encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without BOM: a JSON text starts with ASCII ("{", a space, a newline), so one byte of the pair is 0. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  if (bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  return null;
}

/**
 * A UTF-8 file with a few damaged bytes still holds many well-formed multi-byte characters; GBK text
 * read as UTF-8 forms only a few by accident. Telling them apart keeps a damaged file from being
 * "successfully" read as GBK gibberish.
 */
function utf8Damage(bytes: Uint8Array): { line: number; count: number } | null {
  const text = new TextDecoder('utf-8').decode(bytes); // not fatal: bad bytes become U+FFFD
  let broken = 0;
  let wellFormed = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) {
      broken++;
      if (first < 0) first = i;
    } else if (code >= 0x80) wellFormed++;
  }
  if (broken === 0 || wellFormed < broken * 4) return null;
  return { line: text.slice(0, first).split('\n').length, count: broken };
}

export function decodeFileBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: '文件是空的（0 字节），不是本工具的草稿文件。' };

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode('utf-8', bytes);
    if (text !== null) return { ok: true, text, warnings: [] };
    return { ok: false, message: '文件开头标明是 UTF-8 编码，但其中有不是 UTF-8 的字节，文件可能已损坏。' };
  }

  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : null;
  const guessed = utf16 ?? (bytes.includes(0) ? utf16WithoutBom(bytes) : null);
  if (guessed) {
    const text = tryDecode(guessed, bytes);
    if (text !== null) {
      return {
        ok: true,
        text,
        warnings: [`文件是 UTF-16 编码（常见于用记事本另存为“Unicode”），已按 UTF-16 读取。${RESAVE}`],
      };
    }
    return { ok: false, message: '文件看起来是 UTF-16 编码，但内容不完整或已损坏，无法读取。' };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      message:
        '文件不是文本文件（含有二进制内容），不是本工具的草稿文件。请选择扩展名为 .nianbao.json 的文件。',
    };
  }

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, warnings: [] };

  const damage = utf8Damage(bytes);
  if (damage) {
    return {
      ok: false,
      message: `文件已损坏：第 ${damage.line} 行附近有不是有效文字的字节（共 ${damage.count} 处），可能是复制或传输中出了错。请改用原来的文件，或在原来的电脑上重新保存。`,
    };
  }

  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) {
    return {
      ok: true,
      text: gb,
      warnings: [
        `文件不是 UTF-8 编码，已按 GBK（GB18030）编码读取（常见于用记事本以“ANSI”另存）。请核对文字是否正确；${RESAVE}`,
      ],
    };
  }
  return {
    ok: false,
    message:
      '文件的文字编码无法识别：既不是 UTF-8，也不是 UTF-16 或 GBK，文件可能已损坏或不是本工具的草稿文件。',
  };
}
