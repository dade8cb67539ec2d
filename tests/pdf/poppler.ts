/**
 * The command-line PDF tools the tests check with (Debian's poppler-utils and qpdf). Rendering runs
 * under an empty fontconfig, so poppler cannot quietly substitute an installed font for a broken one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pdf-test-'));
}

export function writePdf(pdf: Uint8Array, dir = tempDir()): string {
  const file = join(dir, 'out.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** qpdf exits 0 (clean) or 3 (warnings); we want clean. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

export function pdffonts(
  file: string,
): { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type (2-3 words), encoding, emb, sub, uni, object, id
    const [emb, sub, uni] = cols.slice(-5, -2);
    return {
      name: cols[0]!,
      type: cols.slice(1, -6).join(' '),
      embedded: emb === 'yes',
      subset: sub === 'yes',
      unicode: uni === 'yes',
    };
  });
}

export function pdftotext(file: string, args: string[] = []): string {
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Words with their boxes (points, y from the top), from pdftotext -bbox. */
export function pdftotextWords(
  file: string,
): { page: number; text: string; x: number; y: number; x2: number; y2: number }[] {
  const html = pdftotext(file, ['-bbox']);
  const words: { page: number; text: string; x: number; y: number; x2: number; y2: number }[] = [];
  let page = 0;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, x: +m[1]!, y: +m[2]!, x2: +m[3]!, y2: +m[4]!, text: decode(m[5]!) });
  }
  return words;
}

let fontconfig: string | null = null;
/** A fontconfig file that lists no fonts at all. */
function emptyFontconfig(): string {
  if (fontconfig) return fontconfig;
  const dir = tempDir();
  fontconfig = join(dir, 'fonts.conf');
  writeFileSync(
    fontconfig,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  return fontconfig;
}

/** Renders pages to grayscale PNG files; returns them in page order, with poppler's complaints. */
export function renderPages(
  file: string,
  dpi: number,
  first?: number,
  last?: number,
): { files: string[]; stderr: string } {
  const dir = tempDir();
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', ...range, file, join(dir, 'p')], {
    env: { ...process.env, FONTCONFIG_FILE: emptyFontconfig() },
    encoding: 'utf8',
  });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
    .map((f) => join(dir, f));
  return { files, stderr: `${run.stderr ?? ''}${run.error ?? ''}` };
}

export const readBytes = (file: string) => new Uint8Array(readFileSync(file));
