// @vitest-environment node
/**
 * The .docx itself: a sound package (unzips, every XML part well-formed, no duplicate ids, content
 * types for every part), A4 with the PDF's margins, fonts with their East Asian names, the three
 * tables cell for cell as the template's merged layout (rebuilt from w:gridSpan/w:vMerge as Word
 * reads them), 续表 header rows, page numbers 「— 1 —」, document properties, the draft marking by
 * review state, and the 审签单.
 */
import { describe, expect, it } from 'vitest';
import { exportReportDocx } from '../../src/export/docx/export.ts';
import { PAGE_TWIPS } from '../../src/export/docx/geometry.ts';
import { printedNumber } from '../../src/export/printable.ts';
import { importReport } from '../../src/import/import-report.ts';
import type { Report } from '../../src/report/document.ts';
import { tableLayout } from '../../src/report/layout.ts';
import { TABLES } from '../../src/report/template.ts';
import { withTotals } from '../../src/report/totals.ts';
import { docxToHtml, EXPORT_SETTINGS, sample } from './fixtures.ts';
import { all, children, type GridCell, parseXml, textOf, unzipDocx, wordGrid } from './ooxml.ts';

async function open(report: Report, approvalSheet: 'before' | 'after' | null = null) {
  const parts = unzipDocx(await exportReportDocx(report, { ...EXPORT_SETTINGS, approvalSheet }));
  const xml = (path: string) => {
    const text = parts.get(path);
    if (text === undefined) throw new Error(`no ${path} in the package`);
    return parseXml(text, path);
  };
  return { parts, xml, document: xml('word/document.xml') };
}

const draftWithErrors = (): Report => ({ ...sample(), cells: { ...sample().cells, 't3.new.natural': 5 } });
/** One blank cell: a 提示 (按 0 计) not yet confirmed. */
const draftToConfirm = (): Report => {
  const report = sample();
  return { ...report, cells: { ...report.cells, 't2.rules.issued': null } };
};

/** The template's layout of a table as cells with grid positions and the printed text. */
function expectedGrid(tableIndex: number, report: Report): GridCell[][] {
  const printed = withTotals(report);
  const layout = tableLayout(TABLES[tableIndex]!);
  return layout.blocks.flatMap((block) =>
    [...(block.title ? [block.title] : []), ...block.header, ...block.body].map((row) =>
      row.cells.map((c) => ({
        text: c.cell ? printedNumber(printed.cells[c.cell] ?? 0) : (c.text ?? ''),
        col: c.col,
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
      })),
    ),
  );
}

describe('the Word file', () => {
  it('is a sound package: every XML part well-formed, content types for all, no duplicate ids', async () => {
    for (const [report, sheet] of [
      [sample(), null],
      [draftWithErrors(), 'before'],
      [draftToConfirm(), 'after'],
    ] as const) {
      const { parts, xml } = await open(report, sheet);
      const types = xml('[Content_Types].xml');
      const overrides = new Set(
        all(types.documentElement!, 'Override').map((o) => o.getAttribute('PartName')),
      );
      const defaults = new Set(
        all(types.documentElement!, 'Default').map((d) => d.getAttribute('Extension')),
      );
      const shapeIds: string[] = [];
      for (const path of parts.keys()) {
        expect(overrides.has(`/${path}`) || defaults.has(path.split('.').pop()!), path).toBe(true);
        if (!/\.(xml|rels)$/.test(path)) continue;
        const doc = xml(path);
        // Ids that must be unique within a part (bookmarks, comments, drawings) and relationship ids.
        const ids = [
          ...all(doc.documentElement!, '*').flatMap((e) =>
            e.getAttribute('w:id') ? [e.getAttribute('w:id')] : [],
          ),
        ];
        expect(new Set(ids).size, `${path}: w:id`).toBe(ids.length);
        const relIds = all(doc.documentElement!, 'Relationship').map((r) => r.getAttribute('Id'));
        expect(new Set(relIds).size, `${path}: relationship ids`).toBe(relIds.length);
        shapeIds.push(...all(doc.documentElement!, 'v:shape').map((s) => s.getAttribute('id')!));
      }
      expect(new Set(shapeIds).size).toBe(shapeIds.length);
      expect(parts.has('word/document.xml') && parts.has('docProps/core.xml')).toBe(true);
    }
  });

  it('hostile or broken text stays text: markup escaped, characters XML forbids dropped', async () => {
    const report: Report = {
      ...sample(),
      agency: '某局<script>alert("x")</script>&\u0001',
      preamble: '前言<w:p>\u0008结束\uD800。',
      notes: { 't3.new.total': ']]><x/>' },
    };
    const docx = await exportReportDocx(report, EXPORT_SETTINGS);
    for (const [path, text] of unzipDocx(docx)) if (/\.(xml|rels)$/.test(path)) parseXml(text, path);
    const { html, messages } = await docxToHtml(docx);
    expect(messages).toEqual([]);
    // The importer refuses a title with 「>」 or 「/」 (a breadcrumb trail): the agency is checked in the file.
    const back = importReport({ html });
    expect(back.ok && [back.report.preamble, back.report.notes]).toEqual([
      '前言<w:p>结束。',
      { 't3.new.total': ']]><x/>' },
    ]);
    const parts = unzipDocx(docx);
    const creator = all(parseXml(parts.get('docProps/core.xml')!, 'core').documentElement!, 'dc:creator')[0]!;
    expect(creator.textContent).toBe('某局<script>alert("x")</script>&');
    const title = all(parseXml(parts.get('word/document.xml')!, 'document').documentElement!, 'w:p')[0]!;
    expect(textOf(title).replace('\n', '')).toBe(
      '某局<script>alert("x")</script>&2021年政府信息公开工作年度报告',
    );
  });

  it('A4 with the PDF’s margins, and the font roles with East Asian names', async () => {
    const { xml, document } = await open(sample());
    const sectPr = all(document.documentElement!, 'w:sectPr');
    expect(sectPr).toHaveLength(1);
    const size = all(sectPr[0]!, 'w:pgSz')[0]!;
    expect([size.getAttribute('w:w'), size.getAttribute('w:h')]).toEqual(['11906', '16838']);
    const margin = all(sectPr[0]!, 'w:pgMar')[0]!;
    for (const side of ['top', 'right', 'bottom', 'left'] as const)
      expect(margin.getAttribute(`w:${side}`)).toBe(String(PAGE_TWIPS[side]));
    // 37 mm top, 28 mm left (GB/T 9704), in twips.
    expect([PAGE_TWIPS.top, PAGE_TWIPS.left]).toEqual([2098, 1587]);

    const styles = xml('word/styles.xml');
    const eastAsia = (el: { getElementsByTagName(n: string): ArrayLike<import('@xmldom/xmldom').Element> }) =>
      all(el, 'w:rFonts').map((f) => f.getAttribute('w:eastAsia'));
    const defaults = all(styles.documentElement!, 'w:docDefaults')[0]!;
    expect(eastAsia(defaults)).toContain('仿宋_GB2312');
    const heading = all(styles.documentElement!, 'w:style').find(
      (s) => s.getAttribute('w:styleId') === 'Heading1',
    )!;
    expect(eastAsia(heading)).toContain('黑体');
    const title = all(document.documentElement!, 'w:p')[0]!;
    expect(textOf(title)).toBe('自治区科技厅\n2021年政府信息公开工作年度报告');
    expect(eastAsia(title)).toContain('方正小标宋简体');
    const fonts = xml('word/fontTable.xml');
    const fangsong = all(fonts.documentElement!, 'w:font').find(
      (f) => f.getAttribute('w:name') === '仿宋_GB2312',
    )!;
    expect(all(fangsong, 'w:altName')[0]!.getAttribute('w:val')).toBe('仿宋');
    expect(all(fangsong, 'w:charset')[0]!.getAttribute('w:val')).toBe('86');
    // The six headings are Word headings (navigation pane), in the order of the format.
    const headings = all(document.documentElement!, 'w:p').filter((p) =>
      all(p, 'w:pStyle').some((s) => s.getAttribute('w:val') === 'Heading1'),
    );
    expect(headings.map(textOf)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('the three tables are the template’s merged layout, cell for cell, with 续表 header rows and rows kept whole', async () => {
    const report = { ...sample(), cells: { ...sample().cells, 't2.fees.amount': 1234.5678 } };
    const { document } = await open(report);
    const tables = all(document.documentElement!, 'w:tbl');
    expect(tables).toHaveLength(3);
    tables.forEach((table, i) => {
      const grid = wordGrid(table);
      expect(grid.width).toBe(tableLayout(TABLES[i]!).width);
      expect(grid.rows).toEqual(expectedGrid(i, report));
      expect(grid.cantSplit.every(Boolean)).toBe(true);
    });
    // Tables 3 and 4 repeat their three head rows on every page; table 2 (a head per block) keeps whole.
    expect(wordGrid(tables[1]!).header).toEqual(wordGrid(tables[1]!).rows.map((_, r) => r < 3));
    expect(wordGrid(tables[2]!).header).toEqual([true, true, true, false]);
    expect(wordGrid(tables[0]!).header.some(Boolean)).toBe(false);
    // Table 3's corner: the stub header over all three stub columns and all three header rows.
    const corner = wordGrid(tables[1]!).rows[0]![0]!;
    expect(corner).toMatchObject({ col: 0, colSpan: 3, rowSpan: 3 });
    expect(corner.text).toContain('勾稽关系');
  });

  it('numbers the pages 「— 1 —」 with a PAGE field in the footer; properties name the report and the agency', async () => {
    const { parts, xml } = await open(sample());
    const footers = [...parts.keys()].filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(1);
    const footer = parts.get(footers[0]!)!;
    expect(footer).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
    const core = xml('docProps/core.xml').documentElement!;
    expect(all(core, 'dc:title')[0]!.textContent).toBe('自治区科技厅2021年政府信息公开工作年度报告');
    expect(all(core, 'dc:creator')[0]!.textContent).toBe('自治区科技厅');
    expect(all(core, 'cp:keywords')[0]!.textContent).toContain(`文件指纹 ${EXPORT_SETTINGS.fingerprint}`);
  });

  it('a clean report carries no draft marking; a draft carries a header line and a watermark on every page', async () => {
    const headerTexts = async (report: Report) => {
      const { parts, xml } = await open(report);
      return [...parts.keys()]
        .filter((p) => /^word\/header\d+\.xml$/.test(p))
        .map((p) => {
          const root = xml(p).documentElement!;
          return {
            text: textOf(root).trim(),
            watermark: all(root, 'v:textpath').flatMap((t) =>
              t.hasAttribute('string') ? [t.getAttribute('string')] : [],
            ),
          };
        });
    };
    for (const header of await headerTexts(sample())) expect(header).toEqual({ text: '', watermark: [] });
    const errors = await headerTexts(draftWithErrors());
    expect(errors).toEqual([
      { text: '草稿 · 审核未通过：尚有 2 处错误，不得作为正式文本', watermark: ['草稿 · 审核未通过'] },
    ]);
    const toConfirm = await headerTexts(draftToConfirm());
    expect(toConfirm).toEqual([
      {
        text: '草稿 · 提示未确认：尚有 1 条提示未核实确认，不得作为正式文本',
        watermark: ['草稿 · 提示未确认'],
      },
    ]);
    const { xml } = await open(draftWithErrors());
    expect(all(xml('docProps/core.xml').documentElement!, 'dc:title')[0]!.textContent).toContain('（草稿）');
  });

  it('the 审签单 before the report: its own page without a number, the report numbered from 1', async () => {
    const { parts, document } = await open(draftWithErrors(), 'before');
    const body = document.documentElement!;
    const sections = all(body, 'w:sectPr');
    expect(sections).toHaveLength(2);
    const sheet = all(body, 'w:tbl')[0]!;
    const sheetText = textOf(sheet);
    for (const text of [
      '报告名称',
      '自治区科技厅2021年政府信息公开工作年度报告',
      '尚有 2 处错误（草稿，不得签发）',
      '起草人',
      '审核人',
      '签发人',
      '审签意见',
    ])
      expect(sheetText).toContain(text);
    expect(sheetText).toContain(`${EXPORT_SETTINGS.fingerprint}，保存于 北京时间 2022-01-20 10:30`);
    expect(all(sections[1]!, 'w:pgNumType')[0]!.getAttribute('w:start')).toBe('1');
    // The sheet's footer has no page number; the report's has.
    const footerOf = (sectPr: import('@xmldom/xmldom').Element) => {
      const id = all(sectPr, 'w:footerReference')[0]!.getAttribute('r:id');
      const rels = parts.get('word/_rels/document.xml.rels')!;
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return parts.get(`word/${target}`)!;
    };
    expect(footerOf(sections[0]!)).not.toContain('PAGE');
    expect(footerOf(sections[1]!)).toContain('PAGE');
    expect(children(body, 'w:body')).toHaveLength(1);
  });
});
