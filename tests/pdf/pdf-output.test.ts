// @vitest-environment node
/**
 * The exported files, checked with the tools a reader's machine would use: qpdf finds no error,
 * pdffonts shows both fonts embedded with Unicode maps, pdftotext and pdf.js give back every heading,
 * paragraph, table label and number where it was laid out, metadata and the paper↔file footer are
 * there, and a draft is marked on every page while a clean report is not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportReportPdf, prepareDocument } from '../../src/pdf/export.ts';
import type { PageModel } from '../../src/pdf/layout/model.ts';
import { TEXT_BOTTOM, TEXT_TOP } from '../../src/pdf/layout/page.ts';
import { paragraphsOf } from '../../src/pdf/text/paragraphs.ts';
import type { Report } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { reportTitle, SECTIONS } from '../../src/report/template.ts';
import { bodyText, cellMismatches, cellsNotFound, type Positioned, pdfjsItems } from './extract.ts';
import {
  bundledFonts,
  confirmedReport,
  draftReport,
  longReport,
  manyConfirmedReport,
  SETTINGS,
  sampleReport,
  squeeze,
  unconfirmedReport,
} from './fixtures.ts';
import { pdffonts, pdftotext, pdftotextWords, qpdfCheck, writePdf } from './poppler.ts';

interface Exported {
  report: Report;
  pdf: Uint8Array;
  file: string;
  pages: PageModel[];
  text: string[];
}

async function exported(report: Report, approvalSheet: 'before' | 'after' | null): Promise<Exported> {
  const options = { fonts: bundledFonts(), ...SETTINGS, approvalSheet };
  const pdf = await exportReportPdf(report, options);
  const file = writePdf(pdf);
  return {
    report,
    pdf,
    file,
    pages: prepareDocument(report, options).pages,
    text: bodyText(pdftotext(file)),
  };
}

const CASES = [
  { name: 'the sample report', make: sampleReport, sheet: 'after' as const },
  { name: 'a long report (several pages a section, large numbers, notes)', make: longReport, sheet: null },
];

describe.each(CASES)('$name', ({ make, sheet }) => {
  let out: Exported;
  let pdfjs: { items: Positioned[]; info: Record<string, unknown> };
  beforeAll(async () => {
    out = await exported(make(), sheet);
    pdfjs = await pdfjsItems(out.pdf);
  }, 120_000);

  it('passes qpdf --check', () => {
    const check = qpdfCheck(out.file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);
  });

  it('embeds both fonts, as CFF CID fonts with a Unicode map, marked as subsets', () => {
    const fonts = pdffonts(out.file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansCJKsc-Regular',
      'NotoSerifCJKsc-Regular',
    ]);
    for (const font of fonts) {
      expect(font).toMatchObject({ type: 'CID Type 0C', embedded: true, subset: true, unicode: true });
    }
  });

  it('gives back the title, every heading and every paragraph (pdftotext)', () => {
    const all = squeeze(out.text.join(''));
    expect(all).toContain(squeeze(reportTitle(out.report.agency, out.report.year)));
    for (const section of SECTIONS) expect(all).toContain(section.heading);
    const texts = [out.report.preamble, ...Object.values(out.report.sections)];
    const paragraphs = texts.flatMap(paragraphsOf).map((p) => squeeze(p.runs.map((r) => r.text).join('')));
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) expect(all).toContain(paragraph);
  });

  it('gives back every table label and number inside its cell (pdftotext -bbox)', () => {
    const words = pdftotextWords(out.file).map((w) => ({
      page: w.page,
      text: w.text,
      x: (w.x + w.x2) / 2,
      y: (w.y + w.y2) / 2,
    }));
    const cells = out.pages.flatMap((p) => p.tables.flatMap((t) => t.cells));
    expect(cells.filter((c) => c.role === 'value').length).toBeGreaterThanOrEqual(200);
    expect(cellMismatches(out.pages, words)).toEqual([]);
  });

  it('gives back the same with pdf.js: body text and every cell', () => {
    const inTextBlock = pdfjs.items.filter((i) => i.y > TEXT_TOP && i.y < TEXT_BOTTOM);
    const all = squeeze(inTextBlock.map((i) => i.text).join(''));
    for (const paragraph of paragraphsOf(out.report.sections.overview)) {
      expect(all).toContain(squeeze(paragraph.runs.map((r) => r.text).join('')));
    }
    expect(cellsNotFound(out.pages, pdfjs.items)).toEqual([]);
  });

  it('carries the metadata: title, author, subject, dates, producer, language', () => {
    expect(pdfjs.info).toMatchObject({
      Title: reportTitle(out.report.agency, out.report.year),
      Author: out.report.agency,
      Producer: '信息公开年报填报工具（pdf-lib）',
      Language: 'zh-CN',
      CreationDate: 'D:20220120023100Z',
    });
    expect(String(pdfjs.info.Subject)).toContain('2021-01-01');
  });

  it('prints the fingerprint and save time on every page, and 「— n —」 on report pages', () => {
    const pages = pdftotext(out.file).split('\f').slice(0, -1);
    expect(pages.length).toBe(out.pages.length);
    pages.forEach((page, i) => {
      expect(page).toContain(`文件指纹 ${SETTINGS.fingerprint}`);
      expect(page).toContain('保存于 2022-01-20 10:30（北京时间）');
      expect(page).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`);
      const number = out.pages[i]!.number;
      if (number !== null) expect(squeeze(page)).toContain(`—${number}—`);
    });
  });

  it('is clean: no draft mark anywhere', () => {
    expect(evaluate(out.report).filter((f) => f.severity === '错误')).toEqual([]);
    expect(pdftotext(out.file)).not.toContain('草稿');
  });
});

/** The text of the 审签单 page (pdftotext), squeezed. */
const sheetText = (out: Exported) => squeeze(out.text.find((page) => squeeze(page).includes('签发人')) ?? '');

/** Page 1's text in reading order, without the diagonal watermark (pdftotext interleaves it). */
const firstPageText = (items: readonly Positioned[], watermark: string) =>
  squeeze(
    items
      .filter((i) => i.page === 1 && i.text !== watermark)
      .map((i) => i.text)
      .join(''),
  );

describe('a draft (错误 remain)', () => {
  let out: Exported;
  let pdfjs: { items: Positioned[]; info: Record<string, unknown> };
  beforeAll(async () => {
    out = await exported(draftReport(), 'before');
    pdfjs = await pdfjsItems(out.pdf);
  }, 120_000);

  it('lists the open findings on the first page', () => {
    const errors = evaluate(draftReport()).filter((f) => f.severity === '错误');
    expect(errors.length).toBeGreaterThan(0);
    const first = firstPageText(pdfjs.items, '草稿 · 审核未通过');
    expect(first).toContain('审核未通过（草稿）');
    for (const error of errors) expect(first).toContain(squeeze(error.message));
  });

  it('carries the diagonal watermark and the warning line on every page', () => {
    for (let page = 1; page <= out.pages.length; page++) {
      const texts = pdfjs.items.filter((i) => i.page === page).map((i) => i.text);
      expect(texts).toContain('草稿 · 审核未通过');
      expect(texts.some((t) => t.startsWith('草稿 · 审核未通过：尚有'))).toBe(true);
    }
    expect(String(pdfjs.info.Title)).toMatch(/（草稿）$/);
  });

  it('puts the 审签单 before the report, with the fingerprint and the check result', () => {
    expect(out.pages.map((p) => p.kind).slice(0, 3)).toEqual(['findings', 'approval', 'report']);
    const sheet = squeeze(out.text[1]!);
    for (const label of ['审签单', '起草人', '审核人', '签发人', '日期', SETTINGS.fingerprint, '尚有']) {
      expect(sheet).toContain(squeeze(label));
    }
  });
});

describe('a draft with 提示 not confirmed (待确认)', () => {
  let out: Exported;
  let pdfjs: { items: Positioned[]; info: Record<string, unknown> };
  beforeAll(async () => {
    out = await exported(unconfirmedReport(), 'after');
    pdfjs = await pdfjsItems(out.pdf);
  }, 120_000);

  it('lists the open 提示 on the first page, and no 错误', () => {
    const first = firstPageText(pdfjs.items, '草稿 · 提示未确认');
    expect(first).toContain('提示未确认（草稿）');
    expect(first).toContain(squeeze('本稿审核没有错误，但有 2 条提示尚未核实确认'));
    for (const hint of evaluate(unconfirmedReport())) expect(first).toContain(squeeze(hint.message));
  });

  it('carries the 提示未确认 watermark and warning line on every page', () => {
    for (let page = 1; page <= out.pages.length; page++) {
      const texts = pdfjs.items.filter((i) => i.page === page).map((i) => i.text);
      expect(texts).toContain('草稿 · 提示未确认');
      expect(texts).toContain('草稿 · 提示未确认：尚有 2 条提示未确认，不得作为正式文本');
    }
    expect(String(pdfjs.info.Title)).toMatch(/（草稿）$/);
  });

  it('says on the 审签单 that it may not be signed', () => {
    expect(sheetText(out)).toContain('尚有2条提示未确认（草稿，不得签发）');
  });
});

describe('审核通过 with confirmed 提示', () => {
  let out: Exported;
  let pdfjs: { items: Positioned[]; info: Record<string, unknown> };
  beforeAll(async () => {
    out = await exported(confirmedReport(), 'after');
    pdfjs = await pdfjsItems(out.pdf);
  }, 120_000);

  it('prints clean, and the 审签单 lists each confirmed 提示 with its 说明', () => {
    expect(out.pages.map((p) => p.kind)).not.toContain('findings');
    expect(pdftotext(out.file)).not.toContain('草稿');
    // pdf.js gives the text in drawing order, cell by cell (pdftotext mixes neighbouring rows).
    const last = out.pages.length;
    const sheet = squeeze(
      pdfjs.items
        .filter((i) => i.page === last)
        .map((i) => i.text)
        .join(''),
    );
    expect(sheet).toContain('审核结果审核通过');
    expect(sheet).toContain('已确认提示');
    for (const f of evaluate(confirmedReport())) expect(sheet).toContain(squeeze(f.message));
    expect(sheet).toContain(squeeze('说明：本年确无其他结果的复议案件（2022-01-20 10:00 确认）'));
  });

  it('moves confirmations too many for the sheet to a page after it', async () => {
    const many = manyConfirmedReport();
    const { pages } = prepareDocument(many, { fonts: bundledFonts(), ...SETTINGS, approvalSheet: 'after' });
    const at = pages.findIndex((p) => p.kind === 'approval');
    const textOf = (page: PageModel) =>
      page.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : [])).join('');
    expect(textOf(pages[at]!)).toContain('共 14 条，提示及说明见本单附页');
    expect(pages.slice(at + 1).map((p) => p.kind)).toEqual(['approval', 'approval']);
    const appendix = pages
      .slice(at + 1)
      .map(textOf)
      .join('');
    expect(appendix).toContain('审签单附页：已确认提示');
    expect(appendix).toContain('说明：第 12 条说明');
  });
});
