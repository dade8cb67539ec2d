/**
 * Emits dist/sw.js for the intranet build: src/sw/service-worker.ts transpiled alone, preceded by
 * the precache list (every file of this build) and a version that changes whenever any file does.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Plugin, transformWithOxc } from 'vite';

const SOURCE = fileURLToPath(new URL('../../src/sw/service-worker.ts', import.meta.url));
export const SERVICE_WORKER_FILE = 'sw.js';

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'nianbao:service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const files = Object.keys(bundle)
          .filter((name) => !name.endsWith('.map') && name !== SERVICE_WORKER_FILE)
          .sort();
        const hash = createHash('sha256');
        for (const name of files) {
          const item = bundle[name]!;
          hash.update(name);
          hash.update(item.type === 'chunk' ? item.code : item.source);
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
