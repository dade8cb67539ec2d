/**
 * The three text sections (一、五、六) as the draft stores them, and the issues about headings:
 * missing, worded loosely, or in the 2019 wording in a report imported as 2021.
 */
import type { Report, TextSectionKey } from '../report/document.ts';
import { SECTIONS } from '../report/template.ts';
import { isPageFooter } from './front-matter.ts';
import type { ImportIssue, ReportFormat } from './issues.ts';
import { trimLine } from './normalise.ts';
import type { SectionSplit } from './sections.ts';
import { isPageNumberLine } from './table-tokens.ts';

/** The document schema's limit on one text. */
const MAX_TEXT = 200_000;
const QUOTE_CHARS = 60;

export function sectionTexts(split: SectionSplit): { sections: Report['sections']; notImported: string[] } {
  const sections = { overview: '', problems: '', other: '' } as Record<TextSectionKey, string>;
  const notImported: string[] = [];
  const lastText = SECTIONS.reduce((last, s, i) => (s.kind === 'text' && split.headings[i] ? i : last), -1);
  SECTIONS.forEach((section, index) => {
    if (section.kind !== 'text') return;
    // Table rows and the page numbers of a PDF are not the section's text.
    let body = split.bodies[index]!.filter(
      (l) => !l.text.replace(/^\t/, '').includes('\t') && !isPageNumberLine(l),
    );
    // After the last section a web page goes on with links and its footer: not the report.
    const footer = index === lastText ? body.findIndex(isPageFooter) : -1;
    if (footer >= 0) {
      const rest = body
        .slice(footer)
        .map((l) => trimLine(l.text))
        .filter(Boolean)
        .join(' ');
      notImported.push(
        `“${section.heading}”之后的网页内容：${rest.length > QUOTE_CHARS ? `${rest.slice(0, QUOTE_CHARS)}…` : rest}`,
      );
      body = body.slice(0, footer);
    }
    const text = body
      .map((l) => trimLine(l.text.replace(/^\t/, '')))
      .filter(Boolean)
      .join('\n');
    sections[section.key] = text.slice(0, MAX_TEXT);
  });
  return { sections, notImported };
}

export function headingIssues(split: SectionSplit, format: ReportFormat): ImportIssue[] {
  const issues: ImportIssue[] = [];
  SECTIONS.forEach((section, index) => {
    const found = split.headings[index];
    const place = section.kind === 'text' ? { field: section.key } : { table: section.table };
    if (!found) {
      issues.push({
        ...place,
        severity: '未找到',
        message:
          section.kind === 'text'
            ? `没有找到“${section.heading}”这一部分的标题，这一部分保持空白`
            : `没有找到“${section.heading}”这一部分的标题`,
      });
      return;
    }
    const written = trimLine(found.line.text);
    if (found.wording === 'loose') {
      issues.push({
        ...place,
        severity: '提示',
        message: `标题写作“${written}”，按“${section.heading}”读取`,
        source: written,
        line: found.line.no,
      });
    }
    if (found.wording === '2019' && format === '2021') {
      issues.push({
        ...place,
        severity: '提示',
        message: `标题“${written}”是2019年试行格式的写法，2021年格式为“${section.heading}”，已按2021年格式导入`,
        source: written,
        line: found.line.no,
      });
    }
  });
  return issues;
}
