/**
 * Emits dist/sw.js for the intranet build: src/sw/service-worker.ts transpiled alone, preceded by
 * the precache list (every file of this build) and a version that changes whenever any file does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, transformWithOxc } from 'vite';

const SOURCE = fileURLToPath(new URL('../../src/sw/service-worker.ts', import.meta.url));
export const SERVICE_WORKER_FILE = 'sw.js';

/** Files of public/ (copied into dist/ as they are, outside the bundle), as paths relative to it. */
function publicFiles(dir: string): { name: string; bytes: Buffer }[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ name: name.split(sep).join('/'), bytes: readFileSync(join(dir, name)) }));
}

export function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'nianbao:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.build.copyPublicDir ? config.publicDir : '';
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        // The favicon and the licence texts are cached too: offline, the page is whole.
        const copied = publicFiles(publicDir);
        const contents = new Map<string, string | Uint8Array>(copied.map((f) => [f.name, f.bytes]));
        for (const [name, item] of Object.entries(bundle))
          contents.set(name, item.type === 'chunk' ? item.code : item.source);
        const files = [...contents.keys()]
          .filter((name) => !name.endsWith('.map') && name !== SERVICE_WORKER_FILE)
          .sort();
        const hash = createHash('sha256');
        for (const name of files) {
          hash.update(name);
          hash.update(contents.get(name)!);
        }
        const precache = { version: hash.digest('hex').slice(0, 16), files };
        const { code } = await transformWithOxc(readFileSync(SOURCE, 'utf8'), SOURCE, {
          lang: 'ts',
          target: 'chrome86',
        });
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: `const PRECACHE = ${JSON.stringify(precache)};\n${code}`,
        });
      },
    },
  };
}
