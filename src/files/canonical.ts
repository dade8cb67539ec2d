/**
 * JSON written by our own small writer, for two reasons JSON.stringify cannot serve:
 * the canonical form (sorted keys, no spaces) that the content hash is computed over must not depend
 * on key order, and -0 must survive a round trip (JSON.stringify writes it as 0).
 */

import { sha256Bytes } from './sha256.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Reports nest 4 levels; anything deeper is not a report and is refused rather than recursed into. */
const MAX_DEPTH = 32;

function number(n: number): string {
  if (!Number.isFinite(n)) throw new Error('non-finite number cannot be written as JSON');
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

function write(value: unknown, sortKeys: boolean, indent: string, depth: number): string {
  if (depth > MAX_DEPTH) throw new Error('value nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return number(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new Error(`cannot write ${typeof value} as JSON`);
  }
  const inner = indent ? `\n${indent.repeat(depth + 1)}` : '';
  const outer = indent ? `\n${indent.repeat(depth)}` : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => write(v, sortKeys, indent, depth + 1));
    return `[${inner}${items.join(`,${inner}`)}${outer}]`;
  }
  // Object.keys lists an own "__proto__" key like any other; reading it as value[key] reads the own
  // property, never the prototype.
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  if (sortKeys) keys.sort();
  if (keys.length === 0) return '{}';
  const members = keys.map(
    (k) => `${JSON.stringify(k)}${colon}${write(record[k], sortKeys, indent, depth + 1)}`,
  );
  return `{${inner}${members.join(`,${inner}`)}${outer}}`;
}

/** Deterministic JSON: keys sorted by UTF-16 code units, no whitespace. What the hash covers. */
export function canonicalJson(value: unknown): string {
  return write(value, true, '', 0);
}

/** Readable JSON in the given key order, indented by two spaces (like JSON.stringify(v, null, 2)). */
export function prettyJson(value: Json | object): string {
  return write(value, false, '  ', 0);
}

/**
 * SHA-256 of the UTF-8 bytes of a text, as lowercase hex. WebCrypto where the page has it (browsers in
 * a secure context — file://, localhost, https — and Node 20); the plain-JavaScript digest elsewhere.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes)) : sha256Bytes(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash a draft file carries: SHA-256 of the canonical JSON of its report. */
export function reportHash(report: unknown): Promise<string> {
  return sha256Hex(canonicalJson(report));
}
