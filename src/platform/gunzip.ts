/**
 * Unpacks gzip bytes (DecompressionStream: Chromium 80+, Node 18+, in workers too). Bytes without
 * the gzip signature are returned as they are: a web server that sends .gz files with
 * Content-Encoding: gzip has the browser unpack them already.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
