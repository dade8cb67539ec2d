/**
 * What the format guarantees of a published table, tested on the imported numbers: every 总计 row
 * and column of tables 3 and 4 (T3-B, T3-C, T4-A…C) and 新收 + 上年结转 = 办理总计 + 结转下年度
 * (T3-A). Published reports hold them (none of the real reports examined broke one), so a check
 * that fails on imported numbers most likely means a number was read into the wrong place. The
 * checks are the 审核's own rules (src/report/rules.ts), run only where every cell they involve
 * was read.
 */
import type { CellId } from '../report/cells.ts';
import type { Report } from '../report/document.ts';
import { RULES } from '../report/rules.ts';
import type { TableDef } from '../report/template.ts';

/** The rules of the format that tie a table's numbers together. */
const FORMAT_CHECKS = RULES.filter((rule) => /^(T3-[ABC]|T4-[ABC])$/.test(rule.id));

export interface FailedCheck {
  ruleId: string;
  table: TableDef['id'];
  cells: readonly CellId[];
  /** The rule's own Chinese message, with the numbers. */
  message: string;
}

export function failedChecks(
  cells: Readonly<Record<CellId, number | null>>,
  table?: TableDef['id'],
): FailedCheck[] {
  const report = { cells } as unknown as Report;
  const failed: FailedCheck[] = [];
  for (const rule of FORMAT_CHECKS) {
    if (table && rule.table !== table) continue;
    if (rule.cells.some((id) => cells[id] === null || cells[id] === undefined)) continue;
    const message = rule.check(report);
    if (message) failed.push({ ruleId: rule.id, table: rule.table!, cells: rule.cells, message });
  }
  return failed;
}

/** Whether the table has checks at all (table 2 has none: its numbers cannot be tested). */
export const hasChecks = (table: TableDef['id']): boolean => FORMAT_CHECKS.some((r) => r.table === table);
