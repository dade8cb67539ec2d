/**
 * A report as Word or WPS copies it as plain text: a line per paragraph; a table row per line, its
 * grid places separated by TABs; a place covered by a merged cell (from above or from the left) is
 * an empty field, so a label merged over two or three label columns is followed by one or two empty
 * fields, as measured on real copies (issue 16).
 */
import { SECTIONS } from '../../src/report/template.ts';
import { gridPlaces, tableGrid } from './grid.ts';
import type { CorpusReport } from './reports.ts';

export function wordCopy(report: CorpusReport): string {
  const lines = [`${report.agency}${report.year}年政府信息公开工作年度报告`, ...report.preamble];
  for (const section of SECTIONS) {
    lines.push(section.heading);
    if (section.kind === 'text') {
      lines.push(...report[section.key]);
      continue;
    }
    for (const row of gridPlaces(tableGrid(report, section.table)))
      lines.push(row.map((place) => ('start' in place ? place.start.text : '')).join('\t'));
  }
  return `${lines.join('\r\n')}\r\n`;
}
