// @vitest-environment node
/**
 * 导出网页: semantic headings, paragraphs and <table>s with the official colspan/rowspan (rebuilt with
 * the HTML table model and compared with the template's layout cell for cell); minimal inline styles,
 * no script, no external resource; hostile text comes out as inert text; the page variant; the text.
 */
import { describe, expect, it } from 'vitest';
import { exportReportHtml } from '../../src/export/html/index.ts';
import { printedNumber } from '../../src/export/printable.ts';
import type { Report } from '../../src/report/document.ts';
import { tableLayout } from '../../src/report/layout.ts';
import { SECTIONS, TABLES } from '../../src/report/template.ts';
import { withTotals } from '../../src/report/totals.ts';
import { sample } from './fixtures.ts';
import { attr, elements, htmlGrid, parseHtmlFragment, parsePage, text } from './html-tree.ts';

/** What rich-text editors of government CMSs keep (UEditor, KindEditor, CKEditor defaults). */
const ALLOWED_TAGS = new Set(['div', 'h1', 'h2', 'p', 'strong', 'table', 'tbody', 'tr', 'th', 'td']);
const ALLOWED_ATTRS = new Set([
  'style',
  'colspan',
  'rowspan',
  'scope',
  'border',
  'cellspacing',
  'cellpadding',
]);
const ALLOWED_STYLE = new Set([
  'text-align',
  'text-indent',
  'vertical-align',
  'font-weight',
  'font-size',
  'border',
  'border-collapse',
  'width',
  'margin',
  'margin-bottom',
  'padding',
  'color',
]);

const HOSTILE = {
  agency: '某局<script>alert("agency")</script><img src=x onerror=alert(1)>',
  preamble: '前言</p><script>alert("preamble")</script><p onclick="alert(2)">点我',
  overview:
    '（一）<b onmouseover=alert(3)>主动公开</b>\n正文含 & 和 "引号" 以及 \'单引号\' <iframe src="http://x">',
  note: '"><img src=x onerror=alert(4)>',
};

function hostileReport(): Report {
  const report = sample();
  return {
    ...report,
    agency: HOSTILE.agency,
    preamble: HOSTILE.preamble,
    sections: { ...report.sections, overview: HOSTILE.overview },
    notes: { 't3.total.total': HOSTILE.note },
  };
}

describe('the web page fragment', () => {
  it('is one <div>: h1 title, h2 headings in the format’s order, paragraphs, three tables', () => {
    const { fragment } = exportReportHtml(sample());
    const root = parseHtmlFragment(fragment);
    const top = root.childNodes.filter((n) => n.nodeName !== '#text');
    expect(top.map((n) => n.nodeName)).toEqual(['div']);
    const all = elements(root);
    expect(all.filter((e) => e.tagName === 'h1').map(text)).toEqual([
      '自治区科技厅2021年政府信息公开工作年度报告',
    ]);
    expect(all.filter((e) => e.tagName === 'h2').map(text)).toEqual(SECTIONS.map((s) => s.heading));
    expect(all.filter((e) => e.tagName === 'table')).toHaveLength(3);
    expect(all.filter((e) => e.tagName === 'strong').map(text)).toContain('（一）政府信息主动公开情况。');
  });

  it('its tables are the template’s merged layout cell for cell, header and stub cells as <th>', () => {
    const report = { ...sample(), cells: { ...sample().cells, 't2.fees.amount': 4068.208 } };
    const printed = withTotals(report);
    const tables = elements(parseHtmlFragment(exportReportHtml(report).fragment)).filter(
      (e) => e.tagName === 'table',
    );
    tables.forEach((table, i) => {
      const layout = tableLayout(TABLES[i]!);
      const expected = layout.blocks.flatMap((block) =>
        [...(block.title ? [block.title] : []), ...block.header, ...block.body].map((row) =>
          row.cells.map((c) => ({
            text: c.cell ? printedNumber(printed.cells[c.cell] ?? 0) : (c.text ?? ''),
            col: c.col,
            colSpan: c.colSpan,
            rowSpan: c.rowSpan,
          })),
        ),
      );
      expect(htmlGrid(table)).toEqual(expected);
      const cells = elements(table).filter((e) => e.tagName === 'td' || e.tagName === 'th');
      const values = layout.blocks.flatMap((b) => b.body.flatMap((r) => r.cells.filter((c) => c.cell)));
      expect(cells.filter((c) => c.tagName === 'td')).toHaveLength(values.length);
    });
    expect(text(tables[0]!)).toContain('4068.208');
  });

  it('carries only allowed tags, attributes and style properties: no script, class, id, event or URL', () => {
    for (const report of [sample(), hostileReport()]) {
      for (const el of elements(parseHtmlFragment(exportReportHtml(report).fragment))) {
        expect(ALLOWED_TAGS.has(el.tagName), el.tagName).toBe(true);
        for (const { name, value } of el.attrs) {
          expect(ALLOWED_ATTRS.has(name), `${el.tagName}[${name}]`).toBe(true);
          if (name !== 'style') continue;
          for (const declaration of value.split(';')) {
            const property = declaration.split(':')[0]!.trim();
            expect(ALLOWED_STYLE.has(property), `style ${property}`).toBe(true);
            expect(declaration).not.toMatch(/url\(|expression|javascript:/i);
          }
        }
      }
    }
  });

  it('prints hostile agency names and texts as inert text, exactly as typed', () => {
    const { fragment, page, text: plain } = exportReportHtml(hostileReport());
    for (const html of [fragment, page]) {
      const all = elements(parsePage(html));
      expect(all.filter((e) => ['script', 'img', 'iframe', 'b'].includes(e.tagName))).toEqual([]);
      expect(all.some((e) => e.attrs.some((a) => a.name.startsWith('on')))).toBe(false);
      const h1 = all.find((e) => e.tagName === 'h1')!;
      expect(text(h1)).toBe(`${HOSTILE.agency}2021年政府信息公开工作年度报告`);
      const paragraphs = all.filter((e) => e.tagName === 'p').map(text);
      expect(paragraphs).toContain(HOSTILE.preamble);
      expect(paragraphs).toContain('正文含 & 和 "引号" 以及 \'单引号\' <iframe src="http://x">');
      expect(elements(parsePage(html)).map(text).join('')).toContain(`3（${HOSTILE.note}）`);
    }
    expect(fragment).toContain('&lt;script&gt;alert(&quot;agency&quot;)&lt;/script&gt;');
    const title = elements(parsePage(page)).find((e) => e.tagName === 'title')!;
    expect(text(title)).toBe(`${HOSTILE.agency}2021年政府信息公开工作年度报告`);
    expect(plain).toContain(HOSTILE.agency);
  });

  it('marks a draft at the top by review state; a clean report has no marking', () => {
    const top = (report: Report) =>
      text(elements(parseHtmlFragment(exportReportHtml(report).fragment)).find((e) => e.tagName === 'p')!);
    expect(exportReportHtml(sample()).draft).toBe(false);
    expect(top(sample())).toMatch(/^本年度报告根据/);
    const errors = { ...sample(), cells: { ...sample().cells, 't3.new.natural': 5 } };
    expect(top(errors)).toBe('草稿 · 审核未通过：尚有 2 处错误，不得作为正式文本');
    expect(top({ ...sample(), cells: { ...sample().cells, 't2.rules.issued': null } })).toBe(
      '草稿 · 提示未确认：尚有 1 条提示未核实确认，不得作为正式文本',
    );
  });
});

describe('the complete page', () => {
  it('is a UTF-8 zh-CN page with title and author, a policy against scripts and remote resources, and nothing external', () => {
    const { page } = exportReportHtml(sample());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    const all = elements(parsePage(page));
    const meta = (name: string) =>
      attr(all.find((e) => e.tagName === 'meta' && attr(e, 'name') === name)!, 'content');
    expect(all.some((e) => e.tagName === 'meta' && attr(e, 'charset') === 'utf-8')).toBe(true);
    expect(meta('author')).toBe('自治区科技厅');
    expect(text(all.find((e) => e.tagName === 'title')!)).toBe('自治区科技厅2021年政府信息公开工作年度报告');
    const csp = attr(all.find((e) => attr(e, 'http-equiv') === 'Content-Security-Policy')!, 'content');
    expect(csp).toMatch(/default-src 'none'/);
    expect(all.filter((e) => ['script', 'link', 'img', 'iframe', 'object'].includes(e.tagName))).toEqual([]);
    expect(all.some((e) => e.attrs.some((a) => a.name === 'src' || a.name === 'href'))).toBe(false);
    expect(page).not.toMatch(/url\(|@import|https?:/);
  });

  it('text/plain twin: title, paragraphs, each table row as tab-separated cells', () => {
    const { text: plain } = exportReportHtml(sample());
    const lines = plain.split('\n');
    expect(lines[0]).toBe('自治区科技厅2021年政府信息公开工作年度报告');
    expect(lines).toContain('行政规范性文件\t26\t4\t81');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t2\t0\t1\t0\t0\t0\t3');
  });
});
