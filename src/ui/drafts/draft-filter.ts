/**
 * Searching and sorting the draft list, and how its times and sizes read. Pure and DOM-free.
 */
import type { DraftSummary } from '../../storage/repository.ts';

export type DraftSort = 'newest' | 'oldest';

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/**
 * Drafts matching every word of the query in their 机关名称, name or 年度
 * (「2023」, 「2023年」 and 「2023年度」 all find the 2023 report).
 */
export function filterDrafts(drafts: readonly DraftSummary[], query: string): DraftSummary[] {
  const words = query
    .split(/\s+/)
    .map((w) => normalize(w).replace(/^(\d{4})年度?$/, '$1'))
    .filter(Boolean);
  if (words.length === 0) return [...drafts];
  return drafts.filter((d) => {
    const haystack = normalize(`${d.agency} ${d.name} ${d.year ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

export function sortDrafts(drafts: readonly DraftSummary[], sort: DraftSort): DraftSummary[] {
  const sign = sort === 'newest' ? -1 : 1;
  return [...drafts].sort((a, b) => sign * (a.savedAt - b.savedAt));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 「2026-01-10 09:15」 in local time. */
export function formatDateTime(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
