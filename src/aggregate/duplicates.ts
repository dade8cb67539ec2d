/**
 * Duplicates: two units of the same agency and year (a department that sent its file twice, or a
 * revised file next to the first). They would be counted twice in the sum, so they are flagged.
 * Agency names are compared after Unicode NFKC (full-width and half-width brackets and letters alike)
 * and without any whitespace: 「某市 财政局」 and 「某市财政局」 are the same agency. A unit without an
 * agency name is never a duplicate (it cannot be told apart; its own check says the name is missing).
 */
import type { Report } from '../report/document.ts';

export interface DuplicateGroup {
  /** The agency as the first unit of the group writes it. */
  agency: string;
  year: number | null;
  /** Keys of the units, in list order (two or more). */
  keys: string[];
}

export const agencyKey = (agency: string): string => agency.normalize('NFKC').replace(/\s+/g, '');

/** What duplicate detection looks at: a key, and the report's agency and year. */
export interface KeyedReport {
  key: string;
  report: Pick<Report, 'agency' | 'year'>;
}

export function detectDuplicates(units: readonly KeyedReport[]): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const unit of units) {
    const agency = agencyKey(unit.report.agency);
    if (!agency) continue;
    const id = `${agency}\u0000${unit.report.year ?? ''}`;
    const group = groups.get(id);
    if (group) group.keys.push(unit.key);
    else groups.set(id, { agency: unit.report.agency.trim(), year: unit.report.year, keys: [unit.key] });
  }
  return [...groups.values()].filter((g) => g.keys.length > 1);
}

/** Unit key → its group, for the units that have one. */
export function duplicateIndex(groups: readonly DuplicateGroup[]): Map<string, DuplicateGroup> {
  return new Map(groups.flatMap((g) => g.keys.map((key) => [key, g] as const)));
}

/** 「「某局」2021 年度」 */
export function duplicateSubject(group: DuplicateGroup): string {
  return `「${group.agency}」${group.year === null ? '（年度未填写）' : `${group.year} 年度`}`;
}

/** 「a.json、b.json 同为「某局」2021 年度」 */
export function describeDuplicate(group: DuplicateGroup, names: readonly string[]): string {
  return `${names.join('、')} 同为${duplicateSubject(group)}`;
}
