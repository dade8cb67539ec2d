import { describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  MINUTE,
  RECENT_MAX,
  REVISION_CAP,
  revisionsToDrop,
  type Timed,
  WEEK,
} from '../../src/storage/thinning.ts';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const at = (ages: number[]): Timed[] => ages.map((age, i) => ({ id: i + 1, at: NOW - age }));
const kept = (revisions: Timed[]) => {
  const dropped = new Set(revisionsToDrop(revisions, NOW));
  return revisions.filter((r) => !dropped.has(r.id)).map((r) => NOW - r.at);
};

describe('revision thinning', () => {
  it('keeps everything from the last hour', () => {
    const ages = [0, MINUTE, 5 * MINUTE, 30 * MINUTE, 59 * MINUTE];
    expect(kept(at(ages))).toEqual(ages);
  });

  it('keeps at most RECENT_MAX of the last hour, the newest', () => {
    const ages = Array.from({ length: RECENT_MAX + 10 }, (_, i) => i * MINUTE);
    expect(kept(at(ages))).toEqual(ages.slice(0, RECENT_MAX));
  });

  it('keeps the newest per hour within a day, per day within 30 days, per week beyond', () => {
    const hourStart = Math.floor((NOW - 4 * HOUR) / HOUR) * HOUR;
    const sameHour = [1, 10, 50].map((m) => NOW - (hourStart + m * MINUTE)); // three in one clock hour
    const result = kept(at(sameHour));
    expect(result).toEqual([NOW - (hourStart + 50 * MINUTE)]); // the newest of the hour

    const days = at([2 * DAY, 2 * DAY + HOUR, 5 * DAY, 5 * DAY + 2 * HOUR]);
    expect(kept(days)).toHaveLength(2);

    const weeks = at([40 * DAY, 40 * DAY + HOUR, 100 * DAY]);
    expect(kept(weeks)).toHaveLength(2);
  });

  it('never keeps more than the cap, dropping the oldest', () => {
    const ages = Array.from({ length: 200 }, (_, i) => (i + 1) * WEEK);
    const result = kept(at(ages));
    expect(result).toHaveLength(REVISION_CAP);
    expect(result).toEqual(ages.slice(0, REVISION_CAP));
  });

  it('a burst of recent revisions does not push out older history', () => {
    const burst = Array.from({ length: 100 }, (_, i) => i * 10_000);
    const old = [2 * DAY, 10 * DAY, 60 * DAY];
    const result = kept(at([...burst, ...old]));
    expect(result).toEqual(expect.arrayContaining(old));
    expect(result.length).toBe(RECENT_MAX + old.length);
  });

  it('drops nothing from an empty or single history', () => {
    expect(revisionsToDrop([], NOW)).toEqual([]);
    expect(revisionsToDrop(at([400 * DAY]), NOW)).toEqual([]);
  });
});
