/** The app as users get it: a production `vite build` into a temp dir, served by `vite preview` on 127.0.0.1. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

export interface ProductionApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the app and serves it. `minify: false` keeps function names readable (profiles);
 * `builtDir` serves a build made before (of another commit, to compare under the same load).
 */
export async function startProductionApp(
  options: { minify?: boolean; builtDir?: string } = {},
): Promise<ProductionApp> {
  const outDir = options.builtDir ?? mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  if (!options.builtDir)
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: options.minify ?? true } });
  const server = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      if (!options.builtDir) rmSync(outDir, { recursive: true, force: true });
    },
  };
}
