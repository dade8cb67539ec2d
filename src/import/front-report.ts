/**
 * The front of the report as the draft needs it: agency and year from the title, the preamble
 * (without web page furniture), and the period and contact it states, with an issue for whatever is
 * missing. Lines before the title are not the report: they are listed as not imported.
 */
import { periodOfYear, type Report } from '../report/document.ts';
import { findTitle, isPageFurniture, statedContact, statedPeriod, type Title } from './front-matter.ts';
import type { ImportIssue } from './issues.ts';
import { trimLine } from './normalise.ts';
import type { SourceLine } from './source.ts';
import { isPageNumberLine } from './table-tokens.ts';

export interface FrontMatter {
  title: Title | null;
  agency: string;
  year: number | null;
  preamble: string;
  period: Report['period'];
  contact: Report['contact'];
  issues: ImportIssue[];
  notImported: string[];
}

const MAX_AGENCY_CHARS = 200;
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;
const QUOTE_CHARS = 60;
const quote = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);

export function readFrontMatter(head: readonly SourceLine[]): FrontMatter {
  const issues: ImportIssue[] = [];
  const notImported: string[] = [];
  const title = findTitle(head);
  const titleEnd = title ? head.indexOf(title.lines[title.lines.length - 1]!) + 1 : 0;
  const before = title ? head.slice(0, head.indexOf(title.lines[0]!)) : [];
  const kept: string[] = [];
  const furniture: string[] = [];
  for (const line of head.slice(titleEnd)) {
    const text = trimLine(line.text);
    if (!text || line.text.replace(/^\t/, '').includes('\t') || isPageNumberLine(line)) continue;
    if (isPageFurniture(line)) furniture.push(text);
    else kept.push(text);
  }
  const skipped = [...before.map((l) => trimLine(l.text)).filter(Boolean), ...furniture];
  if (skipped.length > 0) notImported.push(`标题前后的网页信息：${quote(skipped.join(' '))}`);
  const preamble = kept.join('\n');

  let year = title && title.year >= MIN_YEAR && title.year <= MAX_YEAR ? title.year : null;
  const period = statedPeriod(preamble);
  if (!title) {
    issues.push({
      field: 'agency',
      severity: '未找到',
      message: '没有找到报告标题（机关名称＋年度＋“年政府信息公开工作年度报告”），机关名称请手工填写',
    });
  } else if (!title.agency) {
    issues.push({
      field: 'agency',
      severity: '未找到',
      message: `标题“${title.text}”中没有机关名称，请手工填写`,
      source: title.text,
      line: title.lines[0]!.no,
    });
  }
  if (year === null && period && period.start.slice(0, 4) === period.end.slice(0, 4)) {
    year = Number(period.start.slice(0, 4));
    issues.push({
      field: 'year',
      severity: '不确定',
      message: `标题中没有年度，按前言中的统计期限取 ${year} 年，请核对`,
    });
  } else if (year === null) {
    issues.push({ field: 'year', severity: '未找到', message: '没有找到报告年度，请手工填写' });
  }
  if (!period && year !== null) {
    issues.push({
      field: 'period',
      severity: '提示',
      message: `前言中没有找到统计期限，按 ${year} 年全年（1月1日至12月31日）填写`,
    });
  }
  if (!preamble)
    issues.push({
      field: 'preamble',
      severity: '未找到',
      message: '标题和“一、总体情况”之间没有前言，前言保持空白',
    });
  const agency = (title?.agency ?? '').slice(0, MAX_AGENCY_CHARS);
  return {
    title,
    agency,
    year,
    preamble,
    period: period ?? (year !== null ? periodOfYear(year) : { start: '', end: '' }),
    contact: statedContact(preamble),
    issues,
    notImported,
  };
}
