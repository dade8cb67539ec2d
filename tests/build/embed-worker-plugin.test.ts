// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { escapeForScriptElement, startAppEarly } from '../../scripts/vite/embed-worker-plugin.ts';

describe('worker code inside a <script type="text/plain">', () => {
  it('cannot end the element early, and still means the same JavaScript', () => {
    const code = 'const a = "</script><!-- x"; const b = `</SCRIPT>`;';
    const escaped = escapeForScriptElement(code);
    expect(escaped).not.toMatch(/<\/script/i);
    expect(escaped).not.toContain('<!--');
    const run = (source: string) => new Function(`${source}; return [a, b];`)();
    expect(run(escaped)).toEqual(run(code));
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
