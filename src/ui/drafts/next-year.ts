/** 新建下一年度 in the UI: which draft already is next year's, and when to offer making it. Pure. */
import type { DraftSummary } from '../../storage/repository.ts';

const sameAgency = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** A draft of the same 机关 for the year after `year` (the newest when several), or undefined. */
export function nextYearDraftOf(
  drafts: readonly DraftSummary[],
  source: { agency: string; year: number | null },
  exceptId?: string,
): DraftSummary | undefined {
  if (source.year === null) return undefined;
  return drafts
    .filter((d) => d.id !== exceptId && d.year === source.year! + 1 && sameAgency(d.agency, source.agency))
    .sort((a, b) => b.savedAt - a.savedAt)[0];
}

/**
 * A report of a year already over (the report of year Y is written early in Y+1, so Y+1 is still its
 * own time): its editor offers 新建下一年度, which is easy to miss on the draft list.
 */
export function isPastYear(year: number | null, now = new Date()): boolean {
  return year !== null && year <= now.getFullYear() - 2;
}
