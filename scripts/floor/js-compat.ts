/**
 * The built JavaScript against the Chromium floor, with es-check (`checkBrowser`, browserslist
 * "chrome 86", ES feature detection): syntax and the built-ins es-check knows (Object.hasOwn,
 * Array.prototype.findLast, structuredClone is not among them: the floor e2e suite runs the code).
 * Also gets the scripts out of the single HTML file: its inline scripts and the embedded PDF worker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EMBEDDED } from '../../src/platform/embedded-data.ts';
import { decodeSevenBit } from '../../src/platform/seven-bit.ts';
import { inlineContents } from '../vite/csp-plugin.ts';

// The package's bin (its exports map hides the path): node_modules/es-check/lib/cli/index.js.
const ES_CHECK = join(dirname(createRequire(import.meta.url).resolve('es-check')), 'cli/index.js');

/**
 * Built-ins the page may use because src/platform/polyfills.ts adds them before the app runs. Only
 * for page scripts: the PDF worker and the service worker get no polyfills.
 */
export const POLYFILLED = ['ObjectHasOwn', 'ArrayPrototypeAt'];
/**
 * es-check files public class fields under ES2022 ("PrivateClassFields"), but Chromium has public
 * and private fields since 72/74 and private methods since 84; `#x in o` (91) is a separate check.
 */
const ALLOWED = ['PrivateClassFields'];

export interface JsSource {
  name: string;
  code: string;
}

/** es-check's complaints about these sources (empty when all pass). */
export function jsCompat(sources: readonly JsSource[], options: { polyfilled: boolean }): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-es-check-'));
  try {
    const files = sources.map((s, i) => {
      const file = join(dir, `${i}-${s.name.replace(/[^\w.-]/g, '_')}.js`);
      writeFileSync(file, s.code);
      return file;
    });
    const args = [ES_CHECK, 'checkBrowser', ...files, '--module', '--checkFeatures', '--noColor'];
    args.push('--browserslistQuery=chrome 86', `--allowList=${ALLOWED.join(',')}`);
    if (options.polyfilled) args.push(`--ignore=${POLYFILLED.join(',')}`);
    try {
      execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' });
      return [];
    } catch (error) {
      const out = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      const lines = out.split('\n').filter((l) => /erroring file|error: Error/.test(l));
      return lines.length ? lines.map((l) => l.trim()) : [out.trim() || String(error)];
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The code the single file runs: its inline scripts (page) and the embedded PDF worker. */
export function singleFileScripts(html: string): { page: JsSource[]; worker: JsSource } {
  const page = inlineContents(html, 'script').map((code, i) => ({ name: `inline-${i}`, code }));
  const parts = [
    ...html.matchAll(
      new RegExp(
        `<script type="text/plain" data-embed="${EMBEDDED.worker}" data-part="(\\d+)"([^>]*)>([^<]*)</script>`,
        'g',
      ),
    ),
  ];
  const bytes = Number(/data-bytes="(\d+)"/.exec(parts[0]?.[2] ?? '')?.[1]);
  if (parts.length === 0 || !Number.isFinite(bytes))
    throw new Error('the single file holds no embedded PDF worker');
  const text = parts.map((p) => p[3]).join('');
  return {
    page,
    worker: { name: 'embedded-pdf-worker', code: gunzipSync(decodeSevenBit(text, bytes)).toString('utf8') },
  };
}
