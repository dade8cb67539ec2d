/**
 * How an import compares with the published numbers, cell by cell: exact, flagged (differs, and
 * the review marks the cell 不确定 or 未找到), or silently wrong (differs, and nothing says so).
 * Shared by the corpus test and `node --import tsx scripts/corpus/score.ts` (prints the table).
 */
import type { ImportIssue } from '../../src/import/issues.ts';
import { CELLS, type CellId } from '../../src/report/cells.ts';

export interface Score {
  exact: number;
  flagged: number;
  wrong: CellId[];
}

/** Cells the review marks as doubtful (不确定 / 未找到), as the review screen derives them. */
export function flaggedCells(issues: readonly ImportIssue[]): Set<CellId> {
  const flagged = new Set<CellId>();
  for (const issue of issues) {
    if (issue.severity === '提示') continue;
    if (issue.cell) flagged.add(issue.cell);
    else if (issue.table && issue.wholeTable)
      for (const cell of CELLS) if (cell.table.id === issue.table) flagged.add(cell.id);
  }
  return flagged;
}

export function scoreCells(
  got: Readonly<Record<CellId, number | null>>,
  issues: readonly ImportIssue[],
  expected: Readonly<Record<CellId, number>>,
): Score {
  const flagged = flaggedCells(issues);
  const score: Score = { exact: 0, flagged: 0, wrong: [] };
  for (const cell of CELLS) {
    const value = got[cell.id] ?? null;
    if (value === expected[cell.id] && !flagged.has(cell.id)) score.exact++;
    else if (flagged.has(cell.id)) score.flagged++;
    else score.wrong.push(cell.id);
  }
  return score;
}
