// @vitest-environment node
/** The Chromium 86 polyfills, installed where the functions are missing, as on the floor browser. */
import { afterEach, describe, expect, it } from 'vitest';
import { installPolyfills } from '../../src/platform/polyfills.ts';

type Mutable = { hasOwn?: unknown; at?: unknown };
const saved = {
  hasOwn: Object.hasOwn,
  arrayAt: Array.prototype.at,
  stringAt: String.prototype.at,
};

afterEach(() => {
  Object.defineProperty(Object, 'hasOwn', { value: saved.hasOwn, configurable: true, writable: true });
  Object.defineProperty(Array.prototype, 'at', { value: saved.arrayAt, configurable: true, writable: true });
  Object.defineProperty(String.prototype, 'at', {
    value: saved.stringAt,
    configurable: true,
    writable: true,
  });
});

function removeNative() {
  delete (Object as Mutable).hasOwn;
  delete (Array.prototype as Mutable).at;
  delete (String.prototype as Mutable).at;
}

describe('polyfills on a browser without Object.hasOwn and at() (Chromium 86)', () => {
  it('Object.hasOwn answers own properties only, and does not call itself', () => {
    removeNative();
    installPolyfills();
    expect(Object.hasOwn).not.toBe(saved.hasOwn);
    const proto = { inherited: 1 };
    const object = Object.assign(Object.create(proto) as object, { own: undefined });
    expect(Object.hasOwn(object, 'own')).toBe(true);
    expect(Object.hasOwn(object, 'inherited')).toBe(false);
    expect(Object.hasOwn({ hasOwnProperty: () => true }, 'x')).toBe(false);
    expect(Object.hasOwn('ab' as unknown as object, 'length')).toBe(true);
  });

  it('at() counts from the end for negative indexes, on arrays and strings', () => {
    removeNative();
    installPolyfills();
    expect([1, 2, 3].at(-1)).toBe(3);
    expect([1, 2, 3].at(3)).toBeUndefined();
    expect('年报'.at(-1)).toBe('报');
    expect('年报'.at(0.7)).toBe('年');
  });

  it('leaves the browser’s own functions alone', () => {
    installPolyfills();
    expect(Object.hasOwn).toBe(saved.hasOwn);
    expect(Array.prototype.at).toBe(saved.arrayAt);
  });
});
