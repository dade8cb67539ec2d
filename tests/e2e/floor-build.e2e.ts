/**
 * The built output holds nothing newer than the Chromium 86 floor: JavaScript syntax and built-ins
 * (es-check, browserslist "chrome 86") and CSS selectors, properties, values and at-rules (MDN's
 * browser-compat-data, scripts/floor/css-compat.ts). Both builds: dist/ and the single file, whose
 * scripts and styles are inline and whose PDF worker is embedded. The floor e2e suite (floor.e2e.ts)
 * runs the code; this catches what it does not reach, and says which rule or feature it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cssCompat, describeFinding } from '../../scripts/floor/css-compat.ts';
import { jsCompat, singleFileScripts } from '../../scripts/floor/js-compat.ts';
import { inlineContents } from '../../scripts/vite/csp-plugin.ts';
import { DIST, ensureBuilt, ROOT, SINGLE_FILE } from './build-support.ts';

const ASSETS = join(DIST, 'assets');
const assets = (ext: string) => readdirSync(ASSETS).filter((f) => f.endsWith(ext));
const read = (file: string) => readFileSync(file, 'utf8');

beforeAll(() => ensureBuilt(), 300_000);

describe('built output against the Chromium 86 floor', () => {
  it('CSS of both builds: no selector, property, value or at-rule beyond Chromium 86', () => {
    const sheets = [
      ...assets('.css').map((f) => ({ name: `dist/assets/${f}`, css: read(join(ASSETS, f)) })),
      ...inlineContents(read(SINGLE_FILE), 'style').map((css, i) => ({
        name: `single file <style> ${i}`,
        css,
      })),
    ];
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    const unsupported: string[] = [];
    for (const { name, css } of sheets) {
      for (const f of cssCompat(css, name)) {
        const line = `${name} ${describeFinding(f)}`;
        if (f.partial) console.info(`partial at the floor: ${line}`);
        else unsupported.push(line);
      }
    }
    expect(unsupported).toEqual([]);
  });

  it('the checker itself catches today’s kinds of mistakes (:has, field-sizing, nesting, @container)', () => {
    const found = cssCompat(
      '.a:has(.b) .c{display:none} .d{field-sizing:content} .e{& .f{color:red}} @container (min-width:1px){.g{color:red}}',
    ).map((f) => f.feature);
    expect(found).toEqual(expect.arrayContaining([':has()', 'field-sizing', 'CSS nesting', '@container']));
  });

  it('JavaScript of the page (app, importer, inline scripts): Chromium 86 syntax and built-ins, polyfills aside', () => {
    const { page } = singleFileScripts(read(SINGLE_FILE));
    const sources = [
      ...assets('.js')
        .filter((f) => !f.startsWith('worker-'))
        .map((f) => ({ name: f, code: read(join(ASSETS, f)) })),
      ...page,
    ];
    expect(sources.length).toBeGreaterThanOrEqual(3);
    expect(jsCompat(sources, { polyfilled: true })).toEqual([]);
  });

  it('JavaScript of the workers (PDF worker of both builds, sw.js): no polyfills there, so none allowed', () => {
    const { worker } = singleFileScripts(read(SINGLE_FILE));
    const sources = [
      ...assets('.js')
        .filter((f) => f.startsWith('worker-'))
        .map((f) => ({ name: f, code: read(join(ASSETS, f)) })),
      { name: 'sw.js', code: read(join(DIST, 'sw.js')) },
      worker,
    ];
    expect(sources).toHaveLength(3);
    expect(jsCompat(sources, { polyfilled: false })).toEqual([]);
  });

  it('es-check fails on what Chromium 86 lacks (a static block, Array.prototype.findLast)', () => {
    const problems = jsCompat(
      [{ name: 'too-new', code: 'class A { static { this.x = [1].findLast((v) => v); } }\nexport { A };\n' }],
      { polyfilled: true },
    );
    expect(problems.join('\n')).toMatch(/ClassStaticBlocks|ArrayFindLast|findLast/);
  });

  it('public/: the favicon and the font licence served as they are, precached; the single file inlines the icon', () => {
    for (const file of ['favicon.svg', 'licenses/OFL-1.1.txt'])
      expect(readFileSync(join(DIST, file))).toEqual(readFileSync(join(ROOT, 'public', file)));
    // The licence the About panel shows and the one served are the same text.
    expect(read(join(ROOT, 'public/licenses/OFL-1.1.txt'))).toBe(read(join(ROOT, 'src/pdf/fonts/OFL.txt')));
    expect(read(join(DIST, 'index.html'))).toContain(
      '<link rel="icon" type="image/svg+xml" href="./favicon.svg" />',
    );
    const precache = /const PRECACHE = (\{.*?\});/.exec(read(join(DIST, 'sw.js')))?.[1];
    expect(JSON.parse(precache!).files).toEqual(
      expect.arrayContaining(['favicon.svg', 'licenses/OFL-1.1.txt']),
    );
    const single = read(SINGLE_FILE);
    expect(single).toContain('<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,%3Csvg');
    expect(single).not.toContain('favicon.svg');
  });
});
