// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { embeddedWorkerAndFonts, startAppEarly } from '../../scripts/vite/embed-worker-plugin.ts';
import { FONT_URLS } from '../../src/pdf/font-urls.ts';
import { decodeSevenBit } from '../../src/platform/seven-bit.ts';

describe('worker code and fonts embedded in the page', () => {
  const code = 'self.onmessage = () => postMessage("</script><!-- 中文 `x`");\n'.repeat(2000);
  const html = `<body>${embeddedWorkerAndFonts(code, 'worker-abc.js')}</body>`;
  /** One blob's bytes and first tag (parse5 reads these parts the same: tests/platform/embedded-data.test.ts). */
  const blob = (name: string) => {
    const pattern = new RegExp(`(<script type="text/plain" data-embed="${name}"[^>]*>)([^<]*)</script>`, 'g');
    const parts = [...html.matchAll(pattern)];
    const first = parts[0]![1]!;
    const byteLength = Number(/data-bytes="(\d+)"/.exec(first)![1]);
    return { first, bytes: decodeSevenBit(parts.map((p) => p[2]).join(''), byteLength) };
  };

  it('holds the worker code gzip-compressed, with its file name, and only ASCII', () => {
    const worker = blob('pdf-worker');
    expect(worker.first).toContain('data-file="worker-abc.js"');
    expect(gunzipSync(worker.bytes).toString('utf8')).toBe(code);
    expect(worker.bytes.length).toBeLessThan(code.length / 10);
    let outside = 0;
    for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) > 127 || html.charCodeAt(i) === 0) outside++;
    expect(outside).toBe(0);
  });

  it('holds both bundled font files, byte for byte', () => {
    expect(blob('font-serif').bytes).toEqual(new Uint8Array(readFileSync(FONT_URLS.serif)));
    expect(blob('font-sans').bytes).toEqual(new Uint8Array(readFileSync(FONT_URLS.sans)));
  });
});

describe('the app starts before the worker code is read', () => {
  const built =
    '<html><head><meta charset="UTF-8" /><script type="module" crossorigin>app()</script>\n<style>s</style></head>' +
    '<body><div id="app"></div><script type="text/plain" id="w">big</script></body></html>';

  it('moves the module script after #app, async, and keeps it before the worker code', () => {
    const html = startAppEarly(built);
    expect(html).not.toMatch(/<head>[\s\S]*<script[\s\S]*<\/head>/);
    const app = html.indexOf('<script type="module" async>app()</script>');
    expect(app).toBeGreaterThan(html.indexOf('<div id="app"></div>'));
    expect(app).toBeLessThan(html.indexOf('id="w"'));
  });

  it('fails loudly when the page has no app script or no #app', () => {
    expect(() => startAppEarly('<html><body><div id="app"></div></body></html>')).toThrow();
    expect(() => startAppEarly('<script type="module">x</script><body></body>')).toThrow(/app/);
  });
});
