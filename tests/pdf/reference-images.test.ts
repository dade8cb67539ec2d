// @vitest-environment node
/**
 * Pages rendered by poppler under an empty fontconfig (no installed font to fall back on) against
 * committed reference images: the sample report page by page, the first two pages of a draft (findings,
 * 审签单, watermark), the first page of a 待确认 draft and the 审签单 of a report that passed with
 * confirmed 提示, and a continued table 3 page of the long report.
 * To accept a deliberate change of the layout: UPDATE_PDF_REFERENCE=1 npx vitest run tests/pdf/reference-images.test.ts
 * and look at the new images in tests/pdf/reference/ before committing them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportReportPdf } from '../../src/pdf/export.ts';
import type { Report } from '../../src/report/document.ts';
import {
  bundledFonts,
  confirmedReport,
  draftReport,
  longReport,
  SETTINGS,
  sampleReport,
  unconfirmedReport,
} from './fixtures.ts';
import { decodePng } from './png.ts';
import { readBytes, renderPages, writePdf } from './poppler.ts';

const DPI = 50;
const REFERENCE = new URL('./reference/', import.meta.url);
const UPDATE = process.env.UPDATE_PDF_REFERENCE === '1';
/** Share of pixels allowed to differ by more than a quarter of the grey range. */
const MAX_CHANGED = 0.003;

function compare(actualFile: string, name: string): { changed: number; mean: number } {
  const reference = new URL(name, REFERENCE);
  if (UPDATE || !existsSync(reference)) {
    mkdirSync(REFERENCE, { recursive: true });
    writeFileSync(reference, readBytes(actualFile));
  }
  const a = decodePng(readBytes(actualFile));
  const b = decodePng(readBytes(reference.pathname));
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let changed = 0;
  let total = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    const d = Math.abs(a.pixels[i]! - b.pixels[i]!);
    total += d;
    if (d > 64) changed++;
  }
  return { changed: changed / a.pixels.length, mean: total / a.pixels.length };
}

async function render(
  report: Report,
  approvalSheet: 'before' | 'after' | null,
  first?: number,
  last?: number,
) {
  const pdf = await exportReportPdf(report, { fonts: bundledFonts(), ...SETTINGS, approvalSheet });
  const rendered = renderPages(writePdf(pdf), DPI, first, last);
  expect(rendered.stderr).toBe('');
  return rendered.files;
}

/** Ink on the page: a page whose text failed to render would be nearly white. */
function ink(file: string): number {
  const { pixels } = decodePng(readBytes(file));
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

describe('rendered pages against the reference images', () => {
  it('the sample report, every page', async () => {
    const files = await render(sampleReport(), null);
    expect(files).toHaveLength(9);
    files.forEach((file, i) => {
      expect(ink(file)).toBeGreaterThan(0.01);
      const { changed, mean } = compare(file, `sample-${i + 1}.png`);
      expect(changed, `page ${i + 1}`).toBeLessThan(MAX_CHANGED);
      expect(mean).toBeLessThan(2);
    });
  }, 120_000);

  it('a draft: findings page and 审签单 with the watermark', async () => {
    const files = await render(draftReport(), 'before', 1, 2);
    files.forEach((file, i) => {
      const { changed } = compare(file, `draft-${i + 1}.png`);
      expect(changed).toBeLessThan(MAX_CHANGED);
    });
  }, 120_000);

  it('待确认: the open 提示 on the first page, the 提示未确认 watermark', async () => {
    const files = await render(unconfirmedReport(), null, 1, 1);
    const { changed } = compare(files[0]!, 'unconfirmed-1.png');
    expect(changed).toBeLessThan(MAX_CHANGED);
  }, 120_000);

  it('审核通过 with confirmed 提示: the 审签单 lists them with their 说明', async () => {
    const files = await render(confirmedReport(), 'before', 1, 1);
    const { changed } = compare(files[0]!, 'confirmed-sheet.png');
    expect(changed).toBeLessThan(MAX_CHANGED);
  }, 120_000);

  it('the long report: table 3 continued with its header repeated', async () => {
    const files = await render(longReport(), null, 17, 18);
    files.forEach((file, i) => {
      const { changed } = compare(file, `long-${i + 17}.png`);
      expect(changed).toBeLessThan(MAX_CHANGED);
    });
  }, 120_000);
});
