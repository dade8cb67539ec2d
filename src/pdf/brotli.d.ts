/** The brotli package's decoder (no types of its own); fontkit bundles it for WOFF2 fonts. */
declare module 'brotli/decompress.js' {
  /** Decompresses a brotli stream; `outputSize` is optional (the stream says its length). */
  export default function decompress(input: Uint8Array, outputSize?: number): Uint8Array;
}
