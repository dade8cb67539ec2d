/**
 * Builds the command line to plain JavaScript: dist-cli/nianbao.js (the `bin` entry `nianbao` in
 * package.json), so it starts without compiling TypeScript (`npm run cli` through tsx takes ~1 s).
 * Everything is bundled (zod, pdf-lib, fontkit, parse5 …): one module graph to load, no resolution of
 * node_modules at start. The commands with heavy libraries (pdf, import-text) are split into chunks
 * loaded only when run (src/cli/commands.ts), so `check` reads only what it needs. The PDF fonts are
 * copied next to the code (Vite's `new URL(…, import.meta.url)` handling).
 *
 * Run by `npm run build` and by `prepare`, so after `npm install` (or `npm ci`) in a clone
 * `npx nianbao check report.json` works; `npm link` puts `nianbao` on the PATH.
 * Alone: node --import tsx scripts/build-cli.ts [outDir]
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
export const CLI_OUT = join(ROOT, 'dist-cli');
export const CLI_ENTRY = 'nianbao.js';
const FONTS = ['NotoSerifCJKsc-Regular.subset.otf.br', 'NotoSansCJKsc-Regular.subset.otf.br'];

export async function buildCli(outDir = CLI_OUT): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    // The CLI is for Node, whatever NODE_ENV the caller runs under (vitest sets "test").
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(ROOT, 'src/cli.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      // Fonts stay files (read with fs), never data: URLs in the code.
      assetsInlineLimit: 0,
      rolldownOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { entryFileNames: CLI_ENTRY, chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
      },
    },
  });
  // src/pdf/font-urls.ts names the fonts as new URL('./fonts/…', import.meta.url), which the SSR build
  // leaves as it is: put the fonts where the chunk holding that code will look.
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js') || !readFileSync(join(outDir, file), 'utf8').includes('"./fonts/Noto'))
      continue;
    const fonts = join(outDir, dirname(file), 'fonts');
    mkdirSync(fonts, { recursive: true });
    for (const font of FONTS) copyFileSync(join(ROOT, 'src/pdf/fonts', font), join(fonts, font));
  }
  const entry = join(outDir, CLI_ENTRY);
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8').replace(/^#!.*\n/, '')}`);
  chmodSync(entry, 0o755);
  return entry;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const entry = await buildCli(process.argv[2] ? resolve(process.argv[2]) : CLI_OUT);
  console.log(`built ${entry}`);
}
