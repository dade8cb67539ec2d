/**
 * 导入往年报告: a published report (pasted text, or HTML from a web page or Word) → a new draft with
 * every doubt listed. Assembly only; each step has its own module:
 *   html-text (HTML → text) → source (lines) → sections (cut at the six headings) → front-matter
 *   (title, preamble) → table-tokens → table-reader (template-driven) → table-cells (values, issues)
 *   → format-2019 (which format) → here: the report, checked against the schema.
 */
import { type CellId, cellDef, cellsOfTable } from '../report/cells.ts';
import { blankReport, type Report, reportSchema } from '../report/document.ts';
import { SECTIONS, TABLES, type TableDef } from '../report/template.ts';
import { computeTotals } from '../report/totals.ts';
import { failedChecks } from './checks.ts';
import {
  detectFormat,
  FORMAT_2019_NAME,
  TABLE3_ROWS_SPLIT_SINCE_2021,
  table2Labels2019,
} from './format-2019.ts';
import { readFrontMatter } from './front-report.ts';
import { htmlToText } from './html-text.ts';
import type { ImportIssue, ImportResult } from './issues.ts';
import { MAX_SOURCE_CHARS, tooLongMessage, withinLimits } from './limits.ts';
import { normaliseLabel } from './normalise.ts';
import { headingIssues, sectionTexts } from './section-report.ts';
import { type SectionSplit, splitSections, tableRegion } from './sections.ts';
import { type SourceLine, sourceLines } from './source.ts';
import { tableCells } from './table-cells.ts';
import { readTable, type TableRead } from './table-reader.ts';
import { chooseReading, orderReadings } from './table-readings.ts';
import { marksCells, type Token, tableTokens } from './table-tokens.ts';

export type { ImportIssue, ImportResult, ImportSeverity, ReportFormat } from './issues.ts';

export { MAX_SOURCE_CHARS } from './limits.ts';

const sectionIndex = (table: TableDef['id']) =>
  SECTIONS.findIndex((s) => s.kind === 'table' && s.table === table);
const tableName = (table: TableDef) => table.name.split('（')[0]!;

/** HTML when it has a table (the clipboard's richer form), else the plain text, else whatever there is. */
export function chooseSource(input: { text?: string; html?: string }): string {
  const html = input.html?.trim() ? input.html : '';
  const text = input.text?.trim() ? input.text : '';
  if (html && (/<table[\s>]/i.test(html) || !text)) return htmlToText(html);
  if (/^\s*<(!doctype|html|body|table|div|p)[\s>]/i.test(text)) return htmlToText(text);
  return text.replace(/^\uFEFF/, '');
}

function readTables(
  split: SectionSplit,
  lines: readonly SourceLine[],
): {
  reads: Map<TableDef['id'], TableRead>;
  tokens: Map<TableDef['id'], Token[]>;
  unmarked: Set<TableDef['id']>;
} {
  const reads = new Map<TableDef['id'], TableRead>();
  const tokensOf = new Map<TableDef['id'], Token[]>();
  const unmarked = new Set<TableDef['id']>();
  for (const table of TABLES) {
    const index = sectionIndex(table.id);
    const own = split.headings[index] !== null;
    const region = tableRegion(split, lines, index);
    const tokens = tableTokens(region);
    if (!marksCells(region)) unmarked.add(table.id);
    // Without its heading, table 4 (no row labels) is only recognised under its own header.
    const requireHeader = own
      ? []
      : [...new Set(table.blocks.flatMap((b) => b.columns.map((c) => c.path[0]!)))];
    reads.set(table.id, readTable(table, tokens, { requireHeader }));
    tokensOf.set(table.id, tokens);
  }
  return { reads, tokens: tokensOf, unmarked };
}

function detect(
  split: SectionSplit,
  lines: readonly SourceLine[],
  reads: Map<TableDef['id'], TableRead>,
  year: number | null,
) {
  const t2Text = normaliseLabel(
    tableRegion(split, lines, sectionIndex('t2'))
      .map((l) => l.text)
      .join(''),
  );
  const t3 = reads.get('t3')!;
  const splitRowsRead = [...TABLE3_ROWS_SPLIT_SINCE_2021].some((key) => t3.rows.has(key));
  const splitGroup = cellDef(`t3.${[...TABLE3_ROWS_SPLIT_SINCE_2021][0]}.total`).row.path[1];
  const single = t3.groups.find((g) => g.target.official === splitGroup);
  return {
    single,
    ...detectFormat({
      year,
      table2Labels2019: table2Labels2019(t2Text),
      singleOtherRow: Boolean(single) && !splitRowsRead,
      table2Is2021: reads.get('t2')!.rows.size > 0 && table2Labels2019(t2Text).length === 0,
    }),
  };
}

export function importReport(raw: { text?: string; html?: string }): ImportResult {
  // Sizes first: nothing is parsed that no report could be.
  const limited = withinLimits(raw);
  if (!limited.ok) return limited;
  const sourceText = chooseSource(limited.input);
  if (!sourceText.trim()) {
    return {
      ok: false,
      message:
        '没有可导入的内容。请粘贴年度报告全文（从标题到“六、其他需要报告的事项”），或拖入 .txt / .html 文件。',
    };
  }
  if (sourceText.length > MAX_SOURCE_CHARS) {
    return { ok: false, message: tooLongMessage(sourceText.length) };
  }
  const lines = sourceLines(sourceText);
  const split = splitSections(lines);
  const front = readFrontMatter(split.head);
  const { reads, tokens, unmarked } = readTables(split, lines);
  const anyHeading = split.headings.some((h) => h !== null);
  const anyRow = [...reads.values()].some((r) => r.rows.size > 0);
  if (!front.title && !anyHeading && !anyRow) {
    return {
      ok: false,
      message:
        '没有识别出年度报告的内容：找不到报告标题（如“××2021年政府信息公开工作年度报告”）、' +
        '六个部分的标题（一、总体情况 … 六、其他需要报告的事项）和统计表格。' +
        '请确认粘贴的是年度报告全文；PDF 文件请先在阅读器中全选、复制文字后再粘贴。',
    };
  }

  const { format, reasons, single } = detect(split, lines, reads, front.year);
  const issues: ImportIssue[] = [...front.issues];
  const notImported: string[] = [...front.notImported];
  if (format === '2019') {
    issues.push({
      severity: '提示',
      message: `这是按${FORMAT_2019_NAME}编写的报告（${reasons.join('；')}）。各部分文字、表三（“（六）其他处理”除外）和表四已导入；与2021年格式不同的部分未导入，见“未导入的内容”。`,
    });
  }

  const report: Report = {
    ...blankReport(front.year === null ? {} : { year: front.year }),
    year: front.year,
  };
  report.agency = front.agency;
  report.preamble = front.preamble;
  report.period = front.period;
  report.contact = front.contact;
  const texts = sectionTexts(split);
  report.sections = texts.sections;
  notImported.push(...texts.notImported);
  issues.push(...headingIssues(split, format));

  const given: Report['cells'] = { ...report.cells };
  const notImportedCells: CellId[] = [];
  for (const table of TABLES) {
    const read = reads.get(table.id)!;
    const name = tableName(table);
    if (format === '2019' && table.id === 't2') {
      notImported.push(
        `${table.name}：2019年格式的栏目与2021年格式不同（如本年新制作数量、本年新公开数量），不能对应，未导入，请按2021年格式重新填写`,
      );
      notImportedCells.push(...cellsOfTable(table.id).map((c) => c.id));
      continue;
    }
    if (read.rows.size === 0) {
      issues.push({
        table: table.id,
        wholeTable: true,
        severity: '未找到',
        message: `原文中没有找到${table.name}，这张表保持空白（没有做任何推测）`,
      });
      continue;
    }
    const skipRows = format === '2019' && table.id === 't3' ? TABLE3_ROWS_SPLIT_SINCE_2021 : undefined;
    if (skipRows) {
      notImportedCells.push(
        ...cellsOfTable(table.id)
          .filter((c) => skipRows.has(c.row.key))
          .map((c) => c.id),
      );
    }
    const tableTokensRead = tokens.get(table.id)!;
    const byLabels = tableCells(read, {
      reportOrphans: split.headings[sectionIndex(table.id)] !== null,
      unmarked: unmarked.has(table.id),
      ...(skipRows ? { skipRows } : {}),
    });
    const ids = cellsOfTable(table.id)
      .filter((c) => !skipRows?.has(c.row.key))
      .map((c) => c.id);
    const result = chooseReading(table, ids, byLabels, orderReadings(table, tableTokensRead, skipRows));
    Object.assign(given, result.cells);
    Object.assign(report.notes, result.notes);
    issues.push(...result.issues);
    for (const group of read.groups) {
      const values = group.cells.map((c) => c.text.trim() || '空白').join('、');
      if (format === '2019' && group === single) {
        notImported.push(
          `${name}“${group.target.official}”：2019年格式为一行（${values}），2021年格式分为三行，不能拆分，未导入，请按实际情况分别填写`,
        );
      } else {
        issues.push({
          table: table.id,
          severity: '不确定',
          message: `${name}：“${group.target.official}”下面直接写了数字（${values}），2021年格式中它分为若干行，这些数字未导入`,
          line: group.line,
        });
      }
    }
  }

  // What the format guarantees, tested on the numbers as read: a check that fails most likely
  // means a number in the wrong place, so every cell it involves is 不确定.
  const failed = failedChecks(given);
  for (const check of failed) {
    for (const id of check.cells) {
      issues.push({
        cell: id,
        severity: '不确定',
        message: `${cellDef(id).label}：导入的数字不符合表格的勾稽关系（${check.message}），可能读错了位置，请对照原文核对`,
      });
    }
  }

  // Totals are kept as printed (never computed into a table the source does not have); if one
  // disagrees with its parts, totals become 手工填写 so the checks show it instead of hiding it.
  const computed = computeTotals(given);
  const disagree = Object.keys(given).filter(
    (id) => given[id] !== null && cellDef(id).isTotal && given[id] !== computed[id],
  );
  report.manualTotals = disagree.length > 0;
  report.cells = given;
  if (disagree.length > 0) {
    issues.push({
      severity: '提示',
      message: `有 ${disagree.length} 个总计与分项之和不一致（如 ${cellDef(disagree[0]!).label}），已按原文保留并设为“手工填写合计”，审核结果中列出了不一致之处`,
    });
  }

  const parsed = reportSchema().safeParse(report);
  if (!parsed.success) {
    return {
      ok: false,
      message: `导入的内容无法组成有效的报告（${parsed.error.issues[0]?.message ?? '格式不符'}）。请检查粘贴的内容是否完整。`,
    };
  }
  return {
    ok: true,
    report: parsed.data,
    issues,
    format,
    notImported,
    notImportedCells,
    sourceText,
    failedChecks: failed.map((f) => f.message),
  };
}
