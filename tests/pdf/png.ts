/** A minimal PNG decoder for the reference images (8-bit grayscale or RGB, not interlaced). */
import { inflateSync } from 'node:zlib';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  pixels: Uint8Array;
}

export function decodePng(bytes: Uint8Array): GrayImage {
  const view = Buffer.from(bytes);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const data: Buffer[] = [];
  while (offset < view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    const body = view.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 0 && colour !== 2))
        throw new Error('unsupported PNG');
      channels = colour === 2 ? 3 : 1;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  if (channels === 1) return { width, height, pixels: out };
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++)
    gray[i] = Math.round((out[i * 3]! + out[i * 3 + 1]! + out[i * 3 + 2]!) / 3);
  return { width, height, pixels: gray };
}
