/**
 * What the review screen marks: for each cell and field the issues about it, worst first, and the
 * source lines issues point to. Pure (no DOM), from the importer's issues.
 */

import type { ImportIssue, ImportSeverity } from '../../import/issues.ts';
import { type CellId, cellDef, cellsOfTable } from '../../report/cells.ts';

/** Worst first: nothing read, then a guess, then a rule applied. */
export const SEVERITY_ORDER: readonly ImportSeverity[] = ['未找到', '不确定', '提示'];

export interface CellMark {
  severity: ImportSeverity;
  messages: string[];
  /** Source line of the first issue that has one. */
  line?: number;
}

export interface ReviewMarks {
  cells: Map<CellId, CellMark>;
  /** Source lines pointed to, with the worst severity there. */
  lines: Map<number, ImportSeverity>;
}

const worse = (a: ImportSeverity, b: ImportSeverity) =>
  SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;

function mark(map: Map<CellId, CellMark>, cell: CellId, issue: ImportIssue) {
  const existing = map.get(cell);
  if (!existing) {
    map.set(cell, {
      severity: issue.severity,
      messages: [issue.message],
      ...(issue.line ? { line: issue.line } : {}),
    });
    return;
  }
  existing.severity = worse(existing.severity, issue.severity);
  existing.messages.push(issue.message);
  existing.line ??= issue.line;
}

export function reviewMarks(issues: readonly ImportIssue[]): ReviewMarks {
  const marks: ReviewMarks = { cells: new Map(), lines: new Map() };
  for (const issue of issues) {
    if (issue.cell) mark(marks.cells, issue.cell, issue);
    // A table not found at all: every cell of it is 未找到.
    else if (issue.table && issue.wholeTable) {
      for (const cell of cellsOfTable(issue.table)) mark(marks.cells, cell.id, issue);
    }
    if (issue.line) marks.lines.set(issue.line, worse(marks.lines.get(issue.line) ?? '提示', issue.severity));
  }
  return marks;
}

export function countBySeverity(issues: readonly ImportIssue[]): Record<ImportSeverity, number> {
  const counts: Record<ImportSeverity, number> = { 未找到: 0, 不确定: 0, 提示: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

export const severityClass = (severity: ImportSeverity): string =>
  ({ 未找到: 'mark-missing', 不确定: 'mark-unsure', 提示: 'mark-hint' })[severity];

export const sourceLineId = (line: number): string => `import-source-line-${line}`;
export const reviewCellId = (cell: CellId): string => `import-cell-${cell}`;

export interface IssueGroup {
  /** The first issue of the group (its line and source are the group's). */
  issue: ImportIssue;
  severity: ImportSeverity;
  /** 「三（三）4.保护第三方合法权益（7 格）：行名写作…」, or the issue's own message. */
  text: string;
  cells: CellId[];
}

/**
 * The same doubt about every cell of a row (a loose label, a row not found) said once for the row,
 * worst severity first; issues keep their order otherwise.
 */
export function groupIssues(issues: readonly ImportIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup & { row: string; rest: string }>();
  for (const issue of issues) {
    const def = issue.cell ? cellDef(issue.cell) : null;
    const rest =
      def && issue.message.startsWith(`${def.label}：`) ? issue.message.slice(def.label.length + 1) : null;
    const key =
      def && rest !== null
        ? [issue.severity, def.table.id, def.rowLabel, rest, issue.source ?? ''].join('|')
        : `${groups.size}|${issue.message}`;
    const group = groups.get(key);
    if (group) {
      group.cells.push(issue.cell!);
      group.text = `${group.row}（${group.cells.length} 格）：${group.rest}`;
      continue;
    }
    groups.set(key, {
      issue,
      severity: issue.severity,
      text: issue.message,
      cells: issue.cell ? [issue.cell] : [],
      row: def?.rowLabel || def?.table.name.split('（')[0] || '',
      rest: rest ?? issue.message,
    });
  }
  return [...groups.values()]
    .map(({ issue, severity, text, cells }) => ({ issue, severity, text, cells }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
