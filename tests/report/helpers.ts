/** Small helpers shared by the report-core tests: what fired, and cell ids typed out once. */
import type { Report } from '../../src/report/document.ts';
import { evaluate, type Finding } from '../../src/report/rules.ts';

/** The distinct rule ids among the findings, sorted, so two runs compare as plain arrays. */
export function firedRuleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}

/** The findings of one rule, reduced to what a clerk sees: where, how serious, what it says. */
export function findingsOf(report: Report, ruleId: string) {
  return evaluate(report)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ severity: f.severity, cells: [...f.cells], fields: [...f.fields], message: f.message }));
}

/** A deep copy with some cells replaced; the original stays untouched. */
export function withCells(report: Report, changes: Record<string, number | null>): Report {
  const copy = structuredClone(report);
  for (const [id, v] of Object.entries(changes)) {
    if (!(id in copy.cells)) throw new Error(`test typo: no cell ${id}`);
    copy.cells[id] = v;
  }
  return copy;
}

/** Table 3 outcome rows （一） to （六）3, in printed order, as typed from the spec (r3 … r23). */
export const T3_OUTCOME_ROW_KEYS = [
  'granted',
  'partial',
  'refusedSecret',
  'refusedLaw',
  'refusedSafety',
  'refusedThirdParty',
  'refusedInternal',
  'refusedProcess',
  'refusedEnforcement',
  'refusedQuery',
  'unableNotHeld',
  'unableNeedsCreation',
  'unableUnclear',
  'notHandledPetition',
  'notHandledRepeat',
  'notHandledPublication',
  'notHandledMassive',
  'notHandledConfirm',
  'otherNoCorrection',
  'otherNoFee',
  'otherOther',
];

/** Table 3 leaf columns c1 … c6 (c7 is 总计). */
export const T3_LEAF_COLUMN_KEYS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'];
