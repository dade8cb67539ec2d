/**
 * Text → JSON value, with a Chinese message saying where the text stops being JSON. JSON.parse does
 * the parsing; when it fails, a small scanner finds the offset of the first error itself, because
 * engines word (or omit) the position differently (V8 in Node 20 gives none).
 */

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const NOT_OURS = '文件可能已损坏（例如只复制或下载了一部分），或不是本工具的草稿文件。';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The end (after the closing quote) of the string starting at `start`, or the offset of its error. */
function scanString(text: string, start: number): { ok: boolean; at: number } {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { ok: true, at: i + 1 };
    if (c < 0x20) return { ok: false, at: i };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { ok: false, at: Math.min(i + 2, n) };
        i += 6;
      } else if (e !== undefined && ESCAPES.has(e)) i += 2;
      else return { ok: false, at: Math.min(i + 1, n) };
    } else i++;
  }
  return { ok: false, at: n };
}

type Mode = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'afterValue';

/**
 * Offset of the first JSON syntax error, text.length when the text ends too early, or null when it is
 * valid. Iterative (an explicit stack of open brackets), so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length;
  const open: string[] = [];
  let i = 0;
  let mode: Mode = 'value';

  while (true) {
    while (i < n && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= n) return mode === 'afterValue' && open.length === 0 ? null : n;
    const c = text[i]!;
    if (mode === 'afterValue') {
      const top = open[open.length - 1];
      if (c === ',' && top) {
        i++;
        mode = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        open.pop();
        i++;
      } else return i;
      continue;
    }
    if (mode === 'colon') {
      if (c !== ':') return i;
      i++;
      mode = 'value';
      continue;
    }
    if ((mode === 'keyOrClose' && c === '}') || (mode === 'valueOrClose' && c === ']')) {
      open.pop();
      i++;
      mode = 'afterValue';
      continue;
    }
    if (mode === 'key' || mode === 'keyOrClose') {
      if (c !== '"') return i;
      const key = scanString(text, i);
      if (!key.ok) return key.at;
      i = key.at;
      mode = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      open.push(c);
      i++;
      mode = c === '{' ? 'keyOrClose' : 'valueOrClose';
      continue;
    }
    if (c === '"') {
      const value = scanString(text, i);
      if (!value.ok) return value.at;
      i = value.at;
      mode = 'afterValue';
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    const literal = LITERALS.find((word) => text.startsWith(word, i));
    const length = number ? number[0].length : literal ? literal.length : 0;
    if (length === 0) {
      // A literal cut short at the end ("tr") is an early end, not a wrong character.
      return LITERALS.some((word) => word.startsWith(text.slice(i))) ? n : i;
    }
    i += length;
    mode = 'afterValue';
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function describeAt(text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  const found = Array.from(text.slice(offset, offset + 1))[0] ?? '';
  const shown = found.trim() === '' || found.charCodeAt(0) < 0x20 ? '' : `，此处为 ${JSON.stringify(found)}`;
  return `（第 ${line} 行第 ${column} 列附近${shown}）`;
}

export function parseJsonText(text: string): Parsed {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, message: '文件里没有内容（只有空白），不是本工具的草稿文件。' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const offset = jsonErrorOffset(body);
    if (offset === body.length) return { ok: false, message: `文件不完整：内容在结尾处中断了。${NOT_OURS}` };
    const where = offset === null ? '' : describeAt(body, offset);
    return { ok: false, message: `文件不是有效的 JSON 格式${where}。${NOT_OURS}` };
  }
}
