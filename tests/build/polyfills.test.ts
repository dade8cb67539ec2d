// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { at, hasOwn, installPolyfills } from '../../src/platform/polyfills.ts';

describe('polyfills for Chromium 86', () => {
  it('hasOwn answers like Object.hasOwn, also for objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, number>;
    bare.a = 1;
    const cases: [object, PropertyKey][] = [
      [bare, 'a'],
      [bare, 'b'],
      [{ b: 1 }, 'toString'],
      [[1], 0],
      [[1], 'length'],
    ];
    expect(cases.map(([o, k]) => hasOwn(o, k))).toEqual(cases.map(([o, k]) => Object.hasOwn(o, k)));
  });

  it('at answers like the built-in: negative from the end, out of range undefined, fractions truncated', () => {
    const list = [10, 20, 30];
    const indexes = [0, 2, 3, -1, -3, -4, 1.7, -1.2, Number.NaN];
    expect(indexes.map((i) => at.call(list, i))).toEqual(indexes.map((i) => list.at(i)));
    expect(indexes.map((i) => at.call('年报表', i))).toEqual(indexes.map((i) => '年报表'.at(i)));
  });

  it('installs only what is missing', () => {
    const own = () => true;
    const globals = { Object: {}, arrayPrototype: { at: own }, stringPrototype: {} };
    installPolyfills(globals);
    expect((globals.Object as { hasOwn?: unknown }).hasOwn).toBe(hasOwn);
    expect(globals.arrayPrototype.at).toBe(own);
    expect((globals.stringPrototype as { at?: unknown }).at).toBe(at);
  });
});
