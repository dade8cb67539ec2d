// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeSevenBit, encodeSevenBit } from '../../src/platform/seven-bit.ts';

describe('7-bit text for binary data in the page', () => {
  it('gives every byte sequence back exactly, whatever its length', () => {
    for (const length of [0, 1, 2, 6, 7, 8, 13, 14, 15, 1000, 65_537]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(decodeSevenBit(encodeSevenBit(bytes), length)).toEqual(bytes);
    }
  });

  it('writes only ASCII a text/plain script keeps as is: no NUL, CR or <', () => {
    // Every 7-bit value occurs: bytes 0x00, 0xff and a ramp.
    const bytes = new Uint8Array([...new Array(4096).keys()].map((i) => (i * 37) & 0xff).concat(0, 0, 0xff));
    const text = encodeSevenBit(bytes);
    const unsafe = [...text]
      .map((c) => c.charCodeAt(0))
      .filter((n) => n === 0 || n === 13 || n === 60 || n > 127);
    expect(unsafe).toEqual([]);
    expect(decodeSevenBit(text, bytes.length)).toEqual(bytes);
  });

  it('takes about 8/7 characters a byte, well under base64', () => {
    const bytes = new Uint8Array(randomBytes(700_000));
    const ratio = encodeSevenBit(bytes).length / bytes.length;
    expect(ratio).toBeGreaterThan(8 / 7);
    expect(ratio).toBeLessThan(1.2);
  });

  it('says the data is damaged instead of returning wrong bytes', () => {
    const text = encodeSevenBit(new Uint8Array(randomBytes(100)));
    expect(() => decodeSevenBit(text.slice(0, 50), 100)).toThrow('内嵌数据已损坏');
    expect(() => decodeSevenBit(`中${text}`, 100)).toThrow('内嵌数据已损坏');
  });
});
