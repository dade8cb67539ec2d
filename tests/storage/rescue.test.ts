// @vitest-environment node
/**
 * Rescue on page exit: a blind write committed at once, then recovered by the next owner, or
 * discarded by a save that completed, or kept as a revision when someone saved in between.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { blankReport, type Report } from '../../src/report/document.ts';
import { setCells } from '../../src/report/edit.ts';
import { openDraftDb, type PendingRow } from '../../src/storage/db.ts';
import { IdbDraftRepository } from '../../src/storage/idb-repository.ts';
import { openRescueDb } from '../../src/storage/rescue-db.ts';
import { manualClock } from './fixtures.ts';

let clock: ReturnType<typeof manualClock>;
let factory: IDBFactory;
let repo: IdbDraftRepository;
let base: Report;

/** Another page on the same database (the next tab, or the page after a reload). */
async function nextPage() {
  return new IdbDraftRepository(await openDraftDb({ factory }), clock.now, await openRescueDb({ factory }));
}

beforeEach(async () => {
  clock = manualClock();
  factory = new IDBFactory();
  repo = await nextPage();
  base = (await repo.create(blankReport({ id: 'd', agency: '某局', year: 2025 }))).report;
});

describe('rescue and recoverRescued', () => {
  it('a page that closed before its save finished: the next owner gets the rescued content', async () => {
    clock.advance(1000);
    repo.rescue('d', setCells(base, { 't3.new.natural': 42 }), 2);
    const rescuedAt = clock.now();
    repo.close();
    clock.advance(60_000);
    const next = await nextPage();
    expect(await next.recoverRescued('d')).toBe('applied');
    const draft = await next.get('d');
    expect(draft?.report.cells['t3.new.natural']).toBe(42);
    expect(draft?.version).toBe(2);
    expect(draft?.summary.savedAt).toBe(rescuedAt);
    expect(await next.recoverRescued('d')).toBe('none'); // only once
  });

  it('a save that completed after the rescue discards it', async () => {
    const report = setCells(base, { 't3.new.natural': 7 });
    repo.rescue('d', report, 2);
    await repo.save('d', report, 1);
    expect(await repo.recoverRescued('d')).toBe('none');
    expect((await repo.get('d'))?.version).toBe(2);
  });

  it('the page’s own save still under way when it rescued newer content: the rescue applies', async () => {
    const older = setCells(base, { 't3.new.natural': 1 });
    const newer = setCells(base, { 't3.new.natural': 2 });
    const saving = repo.save('d', older, 1); // started before the rescue, completes first
    clock.advance(10);
    repo.rescue('d', newer, 3); // its own flush of `newer` would be version 3
    await saving;
    expect(await repo.recoverRescued('d')).toBe('applied');
    expect((await repo.get('d'))?.report.cells['t3.new.natural']).toBe(2);
    expect((await repo.get('d'))?.version).toBe(3);
  });

  it('someone else saved after the rescue: it is kept as a revision, nothing overwritten', async () => {
    repo.rescue('d', setCells(base, { 't3.new.natural': 5 }), 2);
    const other = await nextPage();
    clock.advance(1000);
    // Written without going through save(), as another writer whose transaction ran first would.
    const db = await openDraftDb({ factory });
    const tx = db.transaction(['drafts', 'bodies'], 'readwrite');
    const row = (await tx.objectStore('drafts').get('d'))!;
    const theirs = setCells(base, { 't3.new.natural': 9 });
    await tx.objectStore('drafts').put({ ...row, version: 3, savedAt: clock.now(), digest: 'other' });
    await tx.objectStore('bodies').put({ id: 'd', report: theirs });
    await tx.done;
    expect(await other.recoverRescued('d')).toBe('kept-as-revision');
    expect((await other.get('d'))?.report.cells['t3.new.natural']).toBe(9);
    const [revision] = await other.listRevisions('d');
    expect(revision?.reason).toBe('rescue');
    expect((await other.getRevision(revision!.id))?.report.cells['t3.new.natural']).toBe(5);
  });

  it('content equal to the draft is dropped, and an invalid report is not rescued (no throw)', async () => {
    repo.rescue('d', base, 2);
    expect(await repo.recoverRescued('d')).toBe('none');
    expect(() => repo.rescue('d', { ...base, preamble: 'x'.repeat(200_001) }, 2)).not.toThrow();
    expect(await repo.recoverRescued('d')).toBe('none');
  });

  it('deleting a draft for ever deletes what was rescued for it', async () => {
    repo.rescue('d', setCells(base, { 't3.new.natural': 3 }), 2);
    await repo.trash('d');
    await repo.deleteForever('d');
    await repo.create(blankReport({ id: 'd' }));
    expect(await repo.recoverRescued('d')).toBe('none');
  });

  it('is written while a save is under way, not queued behind it (a queued write dies with the page)', async () => {
    const order: string[] = [];
    const saving = repo.save('d', setCells(base, { 't3.new.natural': 1 }), 1).then(() => order.push('save'));
    repo.rescue('d', setCells(base, { 't3.new.natural': 2 }), 3);
    const db = (await openRescueDb({ factory }))!;
    const rescued = db
      .transaction('pending')
      .objectStore('pending')
      .get('d')
      .then((row) => order.push(`rescue read: ${row?.report.cells['t3.new.natural']}`));
    await Promise.all([saving, rescued]);
    expect(order).toEqual(['rescue read: 2', 'save']);
  });

  it('a save of older content that lands after the rescue keeps it; the save after that drops it', async () => {
    const older = setCells(base, { 't3.new.natural': 1 });
    const newer = setCells(base, { 't3.new.natural': 2 });
    const saving = repo.save('d', older, 1);
    repo.rescue('d', newer, 3);
    await saving; // version 2: the rescue is still needed
    const reader = await nextPage();
    const rescueDb = (await openRescueDb({ factory }))!;
    const pendingKeys = () => rescueDb.getAllKeys('pending');
    await expect.poll(pendingKeys).toEqual(['d']);
    await repo.save('d', newer, 2); // version 3 holds it
    await expect.poll(pendingKeys).toEqual([]);
    expect(await reader.recoverRescued('d')).toBe('none');
  });

  it('a rescue left by an earlier visit that later saves covered is dropped, not applied over newer work', async () => {
    const visit = setCells(base, { 't3.new.natural': 4 });
    // Left behind as if the page died right after its covering save, before deleting the rescue.
    const db = (await openRescueDb({ factory }))!;
    await db.put('pending', { draftId: 'd', coveredAt: 2, at: clock.now(), report: visit });
    await repo.save('d', visit, 1);
    await repo.save('d', setCells(visit, { 't3.new.business': 8 }), 2);
    const next = await nextPage();
    expect(await next.recoverRescued('d')).toBe('kept-as-revision');
    expect((await next.get('d'))?.report.cells['t3.new.business']).toBe(8);
  });

  it('reads a row written before coveredAt existed (baseVersion only)', async () => {
    const db = await openDraftDb({ factory });
    const legacy = {
      draftId: 'd',
      baseVersion: 1,
      at: clock.now(),
      report: setCells(base, { 't3.new.natural': 6 }),
    };
    await db.put('pending', legacy as unknown as PendingRow);
    const next = await nextPage();
    expect(await next.recoverRescued('d')).toBe('applied');
    expect((await next.get('d'))?.report.cells['t3.new.natural']).toBe(6);
  });

  it('without a rescue database, rescues into the drafts database and recovers from there', async () => {
    const alone = new IdbDraftRepository(await openDraftDb({ factory }), clock.now, null);
    alone.rescue('d', setCells(base, { 't3.new.natural': 11 }), 2);
    expect(await (await openDraftDb({ factory })).getAllKeys('pending')).toEqual(['d']);
    expect(await (await nextPage()).recoverRescued('d')).toBe('applied');
    expect((await repo.get('d'))?.report.cells['t3.new.natural']).toBe(11);
  });

  it('without a rescue database, the covering save still drops the rescue', async () => {
    const alone = new IdbDraftRepository(await openDraftDb({ factory }), clock.now, null);
    const report = setCells(base, { 't3.new.natural': 12 });
    alone.rescue('d', report, 2);
    await alone.save('d', report, 1);
    const drafts = await openDraftDb({ factory });
    await expect.poll(() => drafts.getAllKeys('pending')).toEqual([]);
  });
});
