/**
 * A report as an official-style web page: title, preamble, the six parts, the three tables with
 * the format's colspan/rowspan and column widths as published pages set them (narrow stub columns
 * for 表三, so long labels wrap as they do in real reports).
 */
import { SECTIONS } from '../../src/report/template.ts';
import { type Grid, tableGrid } from './grid.ts';
import type { CorpusReport } from './reports.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column widths (percent) of each table's grid columns. */
const WIDTHS: Record<'t2' | 't3' | 't4', number[]> = {
  t2: [34, 22, 22, 22],
  t3: [7, 9, 24, ...Array<number>(7).fill(60 / 7)],
  t4: Array<number>(15).fill(100 / 15),
};

function tableHtml(grid: Grid, widths: number[]): string {
  const cols = widths.map((w) => `<col style="width:${w.toFixed(2)}%">`).join('');
  const rows = grid.rows.map((row) => {
    const cells = row.map((cell) => {
      const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
      return `<td${spans}${cell.value ? '' : ' class="l"'}>${escapeHtml(cell.text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0" cellpadding="0"><colgroup>${cols}</colgroup><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

const STYLE = `
body { font-family: "SimSun", "AR PL UMing CN", serif; font-size: 16px; line-height: 1.75; margin: 0; }
h1 { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; font-size: 22px; text-align: center; margin: 0 0 12px; }
p { text-indent: 2em; margin: 0; }
p.heading { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 6px 0 10px; font-size: 13px; line-height: 1.35; }
td { border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle; word-break: break-all; }
td.l { text-align: center; }
`;

export function reportHtml(report: CorpusReport): string {
  const paragraphs = (lines: readonly string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const parts = SECTIONS.map((section) => {
    const heading = `<p class="heading">${escapeHtml(section.heading)}</p>`;
    if (section.kind === 'table')
      return `${heading}\n${tableHtml(tableGrid(report, section.table), WIDTHS[section.table])}`;
    return `${heading}\n${paragraphs(report[section.key])}`;
  });
  return [
    '<!doctype html>',
    `<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.agency)}${report.year}年政府信息公开工作年度报告</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(report.agency)}${report.year}年政府信息公开工作年度报告</h1>`,
    paragraphs(report.preamble),
    ...parts,
    '</body></html>',
    '',
  ].join('\n');
}
