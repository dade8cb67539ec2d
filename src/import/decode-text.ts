/**
 * A report file's bytes → text, for the drop box and the command line. Text saved on a Chinese
 * Windows is UTF-8 (with or without BOM), Notepad's «Unicode» (UTF-16 with BOM) or «ANSI» (GBK,
 * read as its superset GB18030); a web page may also declare its charset. Files that are not text
 * (.pdf and .docx have their own readers, files/) are refused with what to do instead.
 */
export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** 「<meta charset="gb2312">」 in the first bytes of a web page. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return charset && /^(gb2312|gbk|gb18030)$/.test(charset) ? 'gb18030' : null;
}

export function decodeReportBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, message: '文件是空的。' };
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === '%PDF') {
    return {
      ok: false,
      message: '这是 PDF 文件，请直接打开它（不要改扩展名），或在 PDF 阅读器中全选、复制文字后粘贴。',
    };
  }
  if (head.startsWith('PK') || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    return {
      ok: false,
      message:
        '这是旧版 Word（.doc）等格式的文件，不能直接读取。请在 Word 或 WPS 中“另存为” .docx 后再打开，或全选、复制后粘贴。',
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  const declared = declaredCharset(bytes);
  const text =
    (declared ? tryDecode(declared, bytes) : null) ??
    tryDecode('utf-8', bytes) ??
    tryDecode('gb18030', bytes);
  if (text === null)
    return { ok: false, message: '无法识别文件的文字编码。请用记事本打开后另存为 UTF-8 编码再导入。' };
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

/** Which reader a file's name asks for. */
export const isHtmlFileName = (name: string): boolean => /\.(html?|xhtml|mht)$/i.test(name);
