/** Build settings both builds share (the intranet dist/ and the single HTML file). */
import type { Plugin, UserConfig } from 'vite';

/** Chromium 86 is the oldest browser we support (360/QQ/奇安信, old Edge on office machines). */
export const BUILD_TARGET = 'chrome86';

export const SINGLE_FILE_NAME = '信息公开年报填报工具.html';

/**
 * The PDF fonts are always inlined as data: URLs into the PDF worker's code: the worker is a blob:
 * URL that inherits the page's CSP (connect-src 'none'), so it could not fetch a font file anyway.
 * Other assets follow Vite's default (undefined).
 */
export const inlineFonts = (file: string): boolean | undefined =>
  file.endsWith('.otf.br') ? true : undefined;

/**
 * The worker's code must be one chunk: it is put into the page as a string and run from a blob: URL.
 * Classic (iife), not a module: Chromium refuses a module worker from a blob: URL made by a file://
 * page (opaque origin); a classic one starts.
 */
export const workerOptions: UserConfig['worker'] = {
  format: 'iife',
  rolldownOptions: { output: { codeSplitting: false } },
};

/** A build plugin that rewrites every emitted HTML page, after the bundle is complete (post). */
export function htmlTransformPlugin(
  name: string,
  transform: (html: string, fileName: string) => string,
): Plugin {
  return {
    name,
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const item of Object.values(bundle)) {
          if (item.type === 'asset' && item.fileName.endsWith('.html'))
            item.source = transform(String(item.source), item.fileName);
        }
      },
    },
  };
}
