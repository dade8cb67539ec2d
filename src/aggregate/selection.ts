/**
 * Which units count in the sum unless the clerk says otherwise, and the year of the sum.
 * Decided: every readable unit counts, units with 错误 included (they are flagged; the clerk or
 * `--skip-errors` excludes them), except that of a group of duplicates only one counts — the most
 * recently saved (by the time in the file; a unit that does not say counts as older; on a tie the
 * later in the list, i.e. the one added last). Summing both would count a department twice.
 */
import { type DuplicateGroup, detectDuplicates } from './duplicates.ts';
import type { ReadyUnit, Unit } from './units.ts';

export const readyUnits = (units: readonly Unit[]): ReadyUnit[] => units.filter((u): u is ReadyUnit => u.ok);

/** The unit of a duplicate group that counts by default. */
export function keptOfGroup(group: DuplicateGroup, units: readonly ReadyUnit[]): string {
  const byKey = new Map(units.map((u) => [u.key, u]));
  let kept = group.keys[0]!;
  for (const key of group.keys.slice(1)) {
    const a = byKey.get(kept)?.savedAt ?? '';
    const b = byKey.get(key)?.savedAt ?? '';
    // ISO times of one writer compare as text; Date.parse handles differing offsets.
    if ((Date.parse(b) || 0) >= (Date.parse(a) || 0)) kept = key;
  }
  return kept;
}

export interface DefaultSelection {
  /** Keys of the units included by default. */
  included: Set<string>;
  duplicates: DuplicateGroup[];
  /** Key of a unit left out as a duplicate → key of the unit kept instead. */
  supersededBy: Map<string, string>;
}

export function defaultSelection(units: readonly Unit[]): DefaultSelection {
  const ready = readyUnits(units);
  const duplicates = detectDuplicates(ready);
  const supersededBy = new Map<string, string>();
  for (const group of duplicates) {
    const kept = keptOfGroup(group, ready);
    for (const key of group.keys) if (key !== kept) supersededBy.set(key, kept);
  }
  const included = new Set(ready.filter((u) => !supersededBy.has(u.key)).map((u) => u.key));
  return { included, duplicates, supersededBy };
}

export interface YearSummary {
  /** The most common year among the units (null when none gives one). */
  year: number | null;
  /** Whether the units give more than one year (or some give none). */
  mixed: boolean;
  /** Year (null: 未填写) → how many units, most first. */
  counts: { year: number | null; units: number }[];
}

export function yearSummary(reports: readonly { year: number | null }[]): YearSummary {
  const counts = new Map<number | null, number>();
  for (const r of reports) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  const sorted = [...counts.entries()]
    .map(([year, units]) => ({ year, units }))
    .sort((a, b) => b.units - a.units || (b.year ?? 0) - (a.year ?? 0));
  const year = sorted.find((c) => c.year !== null)?.year ?? null;
  return { year, mixed: sorted.length > 1, counts: sorted };
}

/** The default selection with the clerk's own choices (unit key → counted or not) laid over it. */
export function includedKeys(units: readonly Unit[], choices: ReadonlyMap<string, boolean>): Set<string> {
  const { included } = defaultSelection(units);
  for (const unit of readyUnits(units)) {
    const chosen = choices.get(unit.key);
    if (chosen === true) included.add(unit.key);
    else if (chosen === false) included.delete(unit.key);
  }
  return included;
}
