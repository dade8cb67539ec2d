// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { canonicalJson, prettyJson, reportHash, sha256Hex } from '../../src/files/canonical.ts';
import { draftFileName, serializeDraft } from '../../src/files/serialize.ts';
import { sha256Bytes } from '../../src/files/sha256.ts';
import { blankReport } from '../../src/report/document.ts';

const JAN_27 = new Date(2026, 0, 27, 9, 30);

describe('draftFileName: 机关名称-年度-年报草稿-日期.nianbao.json', () => {
  it('names the file after the agency, the year and the local date', () => {
    expect(draftFileName({ agency: '自治区科技厅', year: 2021 }, JAN_27)).toBe(
      '自治区科技厅-2021-年报草稿-20260127.nianbao.json',
    );
  });

  it('fills in what is missing', () => {
    expect(draftFileName({ agency: '  ', year: null }, JAN_27)).toBe(
      '未命名机关-年度未填-年报草稿-20260127.nianbao.json',
    );
  });

  it('removes characters no file system accepts, and leading or trailing dots', () => {
    const name = draftFileName({ agency: '..某市/区:局*"办"<公>|室?\u0000\n.', year: 2021 }, JAN_27);
    expect(name).toBe('某市 区 局 办 公 室-2021-年报草稿-20260127.nianbao.json');
  });

  it('keeps a very long agency name to 60 characters', () => {
    const name = draftFileName({ agency: '很'.repeat(300), year: 2021 }, JAN_27);
    expect(name).toBe(`${'很'.repeat(60)}-2021-年报草稿-20260127.nianbao.json`);
  });
});

describe('canonical JSON and the hash', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}',
    );
  });

  it('writes readable JSON the same as JSON.stringify(v, null, 2), except -0', () => {
    const value = { a: [1, 'x', { b: null, c: [] }], d: {}, e: '\u2028<>' };
    expect(prettyJson(value)).toBe(JSON.stringify(value, null, 2));
    expect(prettyJson([-0])).toBe('[\n  -0\n]');
  });

  it('refuses what JSON cannot hold instead of writing null', () => {
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson({ a: () => 1 })).toThrow();
  });

  it('hashes with SHA-256 (known answer)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('writes the hash of the report it carries, over its canonical form', async () => {
    const report = blankReport({ id: 'r', year: 2021 });
    const saved = await serializeDraft(report, { now: JAN_27, appVersion: '9.9.9' });
    expect(saved.file.sha256).toBe(await reportHash(report));
    expect(saved.file.sha256).toBe(await sha256Hex(canonicalJson(report)));
    expect(Object.keys(saved.file)).toEqual([
      'type',
      'fileFormatVersion',
      'savedAt',
      'appVersion',
      'sha256',
      'report',
    ]);
    expect(saved.file).toMatchObject({ savedAt: JAN_27.toISOString(), appVersion: '9.9.9' });
    expect(saved.text.endsWith('}\n')).toBe(true);
  });
});

describe('the plain-JavaScript SHA-256 (for pages without crypto.subtle)', () => {
  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

  it('matches the known answers of FIPS 180-4', () => {
    const of = (text: string) => hex(sha256Bytes(new TextEncoder().encode(text)));
    expect(of('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(of('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(of('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto on any bytes, across the padding boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        expect(hex(sha256Bytes(bytes))).toBe(hex(expected));
      }),
      { numRuns: 500 },
    );
  });

  it('is what sha256Hex falls back to when crypto.subtle is missing', async () => {
    const withSubtle = await sha256Hex('年报 draft');
    vi.stubGlobal('crypto', {});
    try {
      expect(await sha256Hex('年报 draft')).toBe(withSubtle);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
