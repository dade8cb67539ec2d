/**
 * What the review screen marks: for each cell and field the issues about it, worst first, and the
 * source lines issues point to. Pure (no DOM), from the importer's issues.
 */

import type { ImportIssue, ImportSeverity } from '../../import/issues.ts';
import { type CellId, cellsOfTable } from '../../report/cells.ts';

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
