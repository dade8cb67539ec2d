/**
 * The few runtime functions our code uses that Chromium 86 (the oldest supported browser) lacks:
 * Object.hasOwn (93), Array.prototype.at and String.prototype.at (92). The build target (chrome86)
 * transpiles syntax only, never library functions, so they are added here, before the app runs
 * (index.html loads this module first). Each follows the spec.
 */

const ownProperty = Object.prototype.hasOwnProperty;

export function hasOwn(object: object, key: PropertyKey): boolean {
  // Not Object.hasOwn: once installed, this function IS Object.hasOwn and would call itself forever
  // (on Chromium 86 every file open died of "Maximum call stack size exceeded").
  return ownProperty.call(Object(object), key);
}

export function at<T>(this: ArrayLike<T>, index: number): T | undefined {
  const length = this.length;
  const i = Math.trunc(index) || 0;
  const k = i < 0 ? length + i : i;
  return k < 0 || k >= length ? undefined : this[k];
}

interface Globals {
  Object: { hasOwn?: unknown };
  arrayPrototype: { at?: unknown };
  stringPrototype: { at?: unknown };
}

const define = (target: object, name: string, value: unknown) =>
  Object.defineProperty(target, name, { configurable: true, writable: true, value });

/** Adds what is missing; leaves the browser's own functions alone. */
export function installPolyfills(
  globals: Globals = { Object, arrayPrototype: Array.prototype, stringPrototype: String.prototype },
): void {
  if (typeof globals.Object.hasOwn !== 'function') define(globals.Object, 'hasOwn', hasOwn);
  if (typeof globals.arrayPrototype.at !== 'function') define(globals.arrayPrototype, 'at', at);
  if (typeof globals.stringPrototype.at !== 'function') define(globals.stringPrototype, 'at', at);
}

installPolyfills();
