/** The corpus's inputs on disk, and how each kind is imported (as the app and the CLI do). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReportFileNode } from '../../src/import/files/read-file-node.ts';
import { importReport } from '../../src/import/import-report.ts';
import type { ImportResult } from '../../src/import/issues.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../tests/import/corpus/', import.meta.url));

export interface CorpusInput {
  kind: string;
  path: string;
  dir: string;
}

export interface Expected {
  agency: string;
  year: number;
  cells: Record<string, number>;
}

const TEXT_KINDS = [
  'browser-copy.txt',
  'word-copy.txt',
  'a4.default.txt',
  'a4.layout.txt',
  'a4.raw.txt',
  'narrow.default.txt',
  'narrow.layout.txt',
  'narrow.raw.txt',
];

export function corpusInputs(dir: string): CorpusInput[] {
  return ['page.html', ...TEXT_KINDS, 'report.docx', 'a4.pdf', 'narrow.pdf', 'word.pdf']
    .filter((name) => existsSync(join(dir, name)))
    .map((name) => ({ kind: name, path: join(dir, name), dir }));
}

export async function importCorpusInput(
  input: CorpusInput,
): Promise<{ result: ImportResult; expected: Expected }> {
  const expected = JSON.parse(readFileSync(join(input.dir, 'expected.json'), 'utf8')) as Expected;
  const read = await readReportFileNode(input.kind, new Uint8Array(readFileSync(input.path)));
  const result: ImportResult = read.ok ? importReport(read.input) : read;
  return { result, expected };
}
