// @vitest-environment node
/**
 * The worker protocol (handler and client wired back to back, as a real Worker would carry the
 * messages) and the `pdf` command of the command line.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.ts';
import { pdfCommand } from '../../src/cli/pdf.ts';
import { createPdfWorkerClient, PdfExportError, type WorkerLike } from '../../src/pdf/worker-client.ts';
import { handlePdfRequest } from '../../src/pdf/worker-handler.ts';
import type { PdfWorkerRequest, PdfWorkerResponse } from '../../src/pdf/worker-protocol.ts';
import { bundledFonts, draftReport, SETTINGS, sampleReport } from './fixtures.ts';

/** A Worker stand-in that runs the real handler, reading the bundled fonts from disk. */
function inProcessWorker(): WorkerLike & { posted: PdfWorkerResponse[] } {
  const listeners: ((event: MessageEvent<PdfWorkerResponse>) => void)[] = [];
  const posted: PdfWorkerResponse[] = [];
  return {
    posted,
    postMessage(message: PdfWorkerRequest) {
      void handlePdfRequest(
        structuredClone(message),
        (response) => {
          posted.push(response);
          for (const listener of listeners) listener({ data: response } as MessageEvent<PdfWorkerResponse>);
        },
        async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
      );
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    terminate() {},
  };
}

describe('PDF worker', () => {
  it('exports through messages, reporting progress, loading the bundled fonts itself', async () => {
    const worker = inProcessWorker();
    const client = createPdfWorkerClient(worker);
    const stages: string[] = [];
    const pdf = await client.exportPdf(sampleReport(), SETTINGS, { onProgress: (p) => stages.push(p.stage) });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(stages[0]).toBe('layout');
    expect(stages).toContain('draw');
    expect(stages[stages.length - 1]).toBe('done');
    const fractions = worker.posted.flatMap((m) => (m.type === 'progress' ? [m.progress.fraction] : []));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  }, 60_000);

  it('answers a glyph check, and rejects an export with the missing characters attached', async () => {
    const client = createPdfWorkerClient(inProcessWorker());
    const report = { ...sampleReport(), preamble: '𠀀' };
    const missing = await client.checkGlyphs(report, bundledFonts());
    expect(missing.map((m) => m.codePoint)).toEqual(['U+20000']);
    const error = await client.exportPdf(report, SETTINGS, { fonts: bundledFonts() }).catch((e) => e);
    expect(error).toBeInstanceOf(PdfExportError);
    expect(error.missing.map((m: { places: string[] }) => m.places)).toEqual([['前言']]);
  }, 60_000);

  it('turns a bad setting into a Chinese message, not a stack trace', async () => {
    const client = createPdfWorkerClient(inProcessWorker());
    const error = await client
      .exportPdf(sampleReport(), { ...SETTINGS, fingerprint: '' }, { fonts: bundledFonts() })
      .catch((e) => e);
    expect(error.message).toMatch(/^文件指纹/);
  });
});

function memoryIo(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async (path) => {
      const known = files[path];
      if (known) return known;
      return new Uint8Array(readFileSync(path)); // the fonts
    },
    writeFile: async (path, data) => {
      files[path] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    },
  };
  return { io, out, err, files };
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('npm run cli -- pdf', () => {
  it('writes the PDF of a report file and exits 0', async () => {
    const { io, err, files } = memoryIo({ 'r.json': json(sampleReport()) });
    const code = await pdfCommand.run(
      ['r.json', '-o', 'r.pdf', '--approval', 'after', '--saved-at', '2022-01-20T10:30+08:00'],
      io,
    );
    expect(code).toBe(0);
    expect(new TextDecoder().decode(files['r.pdf']!.subarray(0, 5))).toBe('%PDF-');
    expect(err.join('\n')).toMatch(/已写入 r\.pdf/);
  }, 60_000);

  it('still writes a draft, but exits 1 and says so', async () => {
    const { io, err, files } = memoryIo({ 'd.json': json(draftReport()) });
    expect(await pdfCommand.run(['d.json', '-o', 'd.pdf'], io)).toBe(1);
    expect(files['d.pdf']).toBeDefined();
    expect(err.join('\n')).toContain('草稿');
  }, 60_000);

  it('refuses without an output file, with a bad --approval, or a bad time, in Chinese', async () => {
    const { io, err } = memoryIo({ 'r.json': json(sampleReport()) });
    expect(await pdfCommand.run(['r.json'], io)).toBe(2);
    expect(await pdfCommand.run(['r.json', '-o', 'x.pdf', '--approval', 'middle'], io)).toBe(2);
    expect(await pdfCommand.run(['r.json', '-o', 'x.pdf', '--saved-at', 'yesterday'], io)).toBe(2);
    expect(err).toHaveLength(3);
    for (const message of err) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists characters no font has instead of writing blanks', async () => {
    const { io, err, files } = memoryIo({ 'r.json': json({ ...sampleReport(), preamble: '含𠀀字' }) });
    expect(await pdfCommand.run(['r.json', '-o', 'r.pdf'], io)).toBe(2);
    expect(files['r.pdf']).toBeUndefined();
    expect(err.join('\n')).toContain('U+20000');
  });
});
