// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, parseJsonText } from '../../src/files/json.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset agrees with JSON.parse', () => {
  it('on any JSON value, written compactly or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, indent ? 2 : 0))).toBeNull();
      }),
    );
  });

  it('on JSON texts cut, spliced or sprinkled with JSON-ish characters', () => {
    const noise = fc.string({
      unit: fc.constantFrom(...'{}[]",:0123456789.eE+-tfnrul \\/\n'.split('')),
      maxLength: 30,
    });
    const texts = fc.oneof(
      noise,
      fc.tuple(fc.json(), fc.nat(), fc.nat(), noise).map(([json, a, b, insert]) => {
        const [from, to] = [a % (json.length + 1), b % (json.length + 1)].sort((x, y) => x - y);
        return json.slice(0, from) + insert + json.slice(to!);
      }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(jsonErrorOffset(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the first wrong character, or at the end when the text stops early', () => {
    expect(jsonErrorOffset('{"a": 1,, "b": 2}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru')).toBe(9);
    expect(jsonErrorOffset('{"a": "x')).toBe(8);
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
  });

  it('survives nesting far deeper than any stack', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });
});

describe('parseJsonText', () => {
  it('gives line and column, and the character found there', () => {
    const result = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(result).toEqual({
      ok: false,
      message:
        '文件不是有效的 JSON 格式（第 3 行第 3 列附近，此处为 "\\""）。文件可能已损坏（例如只复制或下载了一部分），或不是本工具的草稿文件。',
    });
  });

  it('calls a text cut short incomplete, and a blank one empty', () => {
    expect(parseJsonText('{"a": [1, 2').ok || parseJsonText('{"a": [1, 2')).toMatchObject({
      message: expect.stringContaining('文件不完整'),
    });
    expect(parseJsonText(' \n\t')).toMatchObject({ ok: false, message: expect.stringContaining('没有内容') });
  });

  it('parses a deeply nested array without throwing (the schema refuses it later)', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseJsonText(text)).not.toThrow();
  });
});
