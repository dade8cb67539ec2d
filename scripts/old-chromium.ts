/**
 * Real old Chromium builds for the floor tests, fetched through npm (no other download): the npm
 * package chrome-aws-lambda ships a whole headless Chromium as bin/chromium.br (brotli).
 *   chrome-aws-lambda@5.3.1 → Chromium 86.0.4240 (our supported floor)
 *   chrome-aws-lambda@3.0.4 → Chromium 81.0.4044 (below it: the unsupported-browser notice)
 * `npm pack` fetches the package into node_modules/.cache/nianbao-old-chromium/ once (~45 MB each;
 * npm checks its integrity against the registry), the binary is unpacked next to it and reused by
 * every later run. It runs headless with --no-sandbox on Debian; its own NSS libraries (bin/aws.tar.br)
 * are not needed where Debian's chromium package is installed (.ci/run installs it).
 *
 * Alone: `node --import tsx scripts/old-chromium.ts 86` prints the path of the executable.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

export const OLD_CHROMIUM = {
  86: 'chrome-aws-lambda@5.3.1',
  81: 'chrome-aws-lambda@3.0.4',
} as const;
export type OldChromium = keyof typeof OLD_CHROMIUM;

const ROOT = resolve(import.meta.dirname, '..');
export const CACHE_DIR = join(ROOT, 'node_modules/.cache/nianbao-old-chromium');

/** npm as the running npm started us (npm test), else the one on PATH. */
function npm(args: string[], cwd: string): void {
  const cli = process.env.npm_execpath;
  if (cli?.endsWith('.js')) execFileSync(process.execPath, [cli, ...args], { cwd, stdio: 'pipe' });
  else execFileSync('npm', args, { cwd, stdio: 'pipe' });
}

/** The path of the Chromium executable of that version, fetched and unpacked on first use. */
export function oldChromiumPath(version: OldChromium): string {
  const spec = OLD_CHROMIUM[version];
  const dir = join(CACHE_DIR, spec.replace('@', '-'));
  const executable = join(dir, 'chromium');
  if (existsSync(executable)) return executable;

  mkdirSync(CACHE_DIR, { recursive: true });
  // Unpacked in a temp dir and renamed into place: a second test run at the same time never sees half a file.
  const work = mkdtempSync(join(CACHE_DIR, 'tmp-'));
  try {
    try {
      npm(['pack', spec, '--silent', '--pack-destination', work], work);
    } catch (error) {
      const detail = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`npm pack ${spec} failed (the npm registry must be reachable): ${detail ?? error}`);
    }
    const tarball = join(work, `${spec.replace('@', '-')}.tgz`);
    execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/bin/chromium.br']);
    const unpacked = join(work, 'out');
    mkdirSync(unpacked);
    writeFileSync(
      join(unpacked, 'chromium'),
      brotliDecompressSync(readFileSync(join(work, 'package/bin/chromium.br'))),
    );
    chmodSync(join(unpacked, 'chromium'), 0o755);
    try {
      renameSync(unpacked, dir);
    } catch (error) {
      if (!existsSync(executable)) throw error; // another run put it there first
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return executable;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const version = Number(process.argv[2] ?? 86) as OldChromium;
  if (!(version in OLD_CHROMIUM)) {
    console.error(`usage: node --import tsx scripts/old-chromium.ts ${Object.keys(OLD_CHROMIUM).join('|')}`);
    process.exitCode = 2;
  } else console.log(oldChromiumPath(version));
}
