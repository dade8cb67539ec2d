// @vitest-environment node
/** The look at a file's shape before parsing: far too many members or too deep is refused at once. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDraftFile } from '../../src/files/open.ts';
import { MAX_DEPTH, MAX_MEMBERS, shapeProblem } from '../../src/files/shape.ts';
import { utf8 } from './encodings.ts';
import { sampleDraft } from './sample.ts';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `"k${i}": 0`).join(',');

describe('shapeProblem', () => {
  it('finds nothing in a real draft, nor in any small JSON value', async () => {
    expect(shapeProblem((await sampleDraft()).text)).toBeNull();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
        expect(shapeProblem(JSON.stringify(v))).toBeNull();
      }),
    );
  });

  it('counts an object’s members to its end and names where it is and its first keys', () => {
    const text = `{"report": {"cells": {${keys(MAX_MEMBERS + 10)}}, "x": 1}}`;
    expect(shapeProblem(text)).toEqual({
      kind: 'members',
      path: ['report', 'cells'],
      count: MAX_MEMBERS + 10,
      firstKeys: ['"k0"', '"k1"', '"k2"', '"k3"', '"k4"'],
    });
  });

  it('says how deep, and where, nesting goes too far; brackets inside strings do not count', () => {
    const deep = shapeProblem(`{"a": [${'['.repeat(100)}]}`);
    expect(deep?.kind).toBe('depth');
    expect(deep?.path.slice(0, 3)).toEqual(['a', 0, 0]);
    expect(shapeProblem(`{"a": "${'['.repeat(100)}"}`)).toBeNull();
    expect(shapeProblem(`{"a": "\\"${'{'.repeat(100)}"}`)).toBeNull();
    expect(MAX_DEPTH).toBeGreaterThan(5);
  });

  it('shows a 4 MB key by its first characters', () => {
    const big = `{"${'x'.repeat(4_000_000)}": 1, ${keys(MAX_MEMBERS)}}`;
    expect(shapeProblem(big)?.firstKeys[0]).toBe(`"${'x'.repeat(30)}…"`);
  });
});

describe('openDraftFile refuses a file far beyond a draft before parsing it', () => {
  it('300 000 extra keys: one short line naming the place, the count and the first keys', async () => {
    const text = (await sampleDraft()).text.replace('"cells": {', `"cells": {${keys(300_000)},`);
    const result = await openDraftFile(utf8(text), '草稿.nianbao.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    expect(result.details).toEqual([
      '「表格数据」中有 300200 项，远多于本工具的草稿，前几项为 "k0"、"k1"、"k2"、"k3"、"k4"',
    ]);
  });

  it('5 000 nested brackets: refused, the place named by its first levels', async () => {
    const text = (await sampleDraft()).text.replace(
      '"notes": {}',
      `"notes": ${'['.repeat(5000)}${']'.repeat(5000)}`,
    );
    const result = await openDraftFile(utf8(text), '草稿.nianbao.json');
    expect(!result.ok && result.details).toEqual([
      `「单元格备注·第 1 项·第 1 项·…」中的内容嵌套超过 ${MAX_DEPTH} 层（本工具的草稿只有几层）`,
    ]);
  });
});
