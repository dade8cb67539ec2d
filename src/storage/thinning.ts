/**
 * Which revisions to keep: dense recent history, sparser older history, and a hard cap per draft.
 *
 * - younger than 1 hour: every revision, at most RECENT_MAX of them (a burst of pastes cannot
 *   push the older history out);
 * - 1 hour to 1 day: the newest of each clock hour;
 * - 1 day to 30 days: the newest of each day;
 * - older: the newest of each week;
 * - then at most REVISION_CAP in all, dropping the oldest.
 *
 * Buckets are fixed slices of time (not of age), so a kept revision stays kept as it ages into
 * a coarser tier unless another revision in the same slice is newer.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export const RECENT_MAX = 20;
export const REVISION_CAP = 60;

interface Tier {
  /** Revisions younger than this belong to the tier. */
  maxAge: number;
  /** Bucket width; 0 keeps every revision. */
  bucket: number;
}

const TIERS: readonly Tier[] = [
  { maxAge: HOUR, bucket: 0 },
  { maxAge: DAY, bucket: HOUR },
  { maxAge: 30 * DAY, bucket: DAY },
  { maxAge: Number.POSITIVE_INFINITY, bucket: WEEK },
];

export interface Timed {
  id: number;
  at: number;
}

/** Ids of the revisions to delete, given all revisions of one draft. */
export function revisionsToDrop(revisions: readonly Timed[], now: number): number[] {
  const newestFirst = [...revisions].sort((a, b) => b.at - a.at || b.id - a.id);
  const keep: Timed[] = [];
  const seenBuckets = new Set<string>();
  let recent = 0;
  for (const revision of newestFirst) {
    const age = now - revision.at;
    const tierIndex = TIERS.findIndex((t) => age < t.maxAge);
    const tier = TIERS[tierIndex]!;
    if (tier.bucket === 0) {
      if (recent < RECENT_MAX) keep.push(revision);
      recent++;
      continue;
    }
    const key = `${tierIndex}:${Math.floor(revision.at / tier.bucket)}`;
    if (seenBuckets.has(key)) continue;
    seenBuckets.add(key);
    keep.push(revision);
  }
  const kept = new Set(keep.slice(0, REVISION_CAP).map((r) => r.id));
  return newestFirst.filter((r) => !kept.has(r.id)).map((r) => r.id);
}
