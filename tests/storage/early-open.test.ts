// @vitest-environment node
/**
 * The early open (src/storage/early-open.ts, run from the page's <head>): the app takes its
 * requests over instead of opening again, and every case where it cannot (data to migrate, a
 * connection closed by another tab, a blocked upgrade) ends as a normal open would.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankReport } from '../../src/report/document.ts';
import { DB_NAME, type DraftRowV1, openDraftDb } from '../../src/storage/db.ts';
import { EARLY_OPEN_KEY, type EarlyOpen, startEarlyOpen } from '../../src/storage/early-open.ts';
import { StorageError } from '../../src/storage/errors.ts';
import { openDraftRepository } from '../../src/storage/repository.ts';
import { openRescueDb, RESCUE_DB_NAME } from '../../src/storage/rescue-db.ts';
import { openOldTab, V2_STORES } from './fixtures.ts';

type Scope = { indexedDB: IDBFactory; [EARLY_OPEN_KEY]?: EarlyOpen };

/** A factory that counts its open() calls per database name. */
function countingFactory(): { factory: IDBFactory; opens: Map<string, number> } {
  const factory = new IDBFactory();
  const opens = new Map<string, number>();
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    opens.set(name, (opens.get(name) ?? 0) + 1);
    return open(name, version);
  };
  return { factory, opens };
}

/** Resolves once the early request of `which` has an answer (success or error). */
function settled(scope: Scope, which: keyof EarlyOpen): Promise<void> {
  const request = scope[EARLY_OPEN_KEY]![which]!.request;
  if (request.readyState === 'done') return Promise.resolve();
  return new Promise((resolve) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => resolve());
  });
}

const storeNames = (db: { objectStoreNames: DOMStringList }) => [...db.objectStoreNames].sort();

describe('early open', () => {
  it('creates a new database, and the app takes the finished connection over', async () => {
    const { factory, opens } = countingFactory();
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    await Promise.all([settled(scope, 'drafts'), settled(scope, 'rescue')]);
    const { repository, problem } = await openDraftRepository({ factory, earlyScope: scope });
    expect(problem).toBeNull();
    expect(repository.kind).toBe('indexeddb');
    expect(Object.fromEntries(opens)).toEqual({ [DB_NAME]: 1, [RESCUE_DB_NAME]: 1 });
    expect(scope[EARLY_OPEN_KEY]).toEqual({ drafts: null, rescue: null });
    // The adopted connection is a working one with the whole schema.
    const draft = await repository.create(blankReport({ id: 'd', agency: '某局', year: 2025 }));
    expect((await repository.get('d'))?.version).toBe(draft.version);
    const db = await openDraftDb({ factory });
    expect(storeNames(db)).toEqual(V2_STORES);
  });

  it('is taken over while still pending: the app’s own upgrade runs', async () => {
    const { factory, opens } = countingFactory();
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    const db = await openDraftDb({ factory, earlyScope: scope });
    const rescue = await openRescueDb({ factory, earlyScope: scope });
    expect(storeNames(db)).toEqual(V2_STORES);
    expect(rescue && [...rescue.objectStoreNames]).toEqual(['pending']);
    expect(opens.get(DB_NAME)).toBe(1);
    expect(opens.get(RESCUE_DB_NAME)).toBe(1);
  });

  it('is taken over during its upgrade (done, but before success): the connection stays open', async () => {
    const { factory, opens } = countingFactory();
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    const request = scope[EARLY_OPEN_KEY]!.drafts!.request;
    const taken = new Promise<Awaited<ReturnType<typeof openDraftRepository>>>((resolve) => {
      request.addEventListener('upgradeneeded', () => {
        expect(request.readyState).toBe('done');
        resolve(openDraftRepository({ factory, earlyScope: scope }));
      });
    });
    const { repository, problem } = await taken;
    expect(problem).toBeNull();
    await repository.create(blankReport({ id: 'd', agency: '某局', year: 2025 }));
    expect((await repository.list()).map((d) => d.id)).toEqual(['d']);
    expect(opens.get(DB_NAME)).toBe(1);
  });

  it('leaves a v1 database to the app, which migrates it (nothing lost)', async () => {
    const { factory, opens } = countingFactory();
    const v1 = await openDraftDb({ factory, version: 1 });
    const record: DraftRowV1 = {
      id: 'old',
      report: blankReport({ id: 'old', agency: '某县政府办', year: 2021 }),
      updatedAt: '2022-01-20T08:30:00.000Z',
    };
    await v1.put('drafts', record as never);
    v1.close();
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    await settled(scope, 'drafts');
    expect(scope[EARLY_OPEN_KEY]!.drafts!.request.error?.name).toBe('AbortError');
    const db = await openDraftDb({ factory, earlyScope: scope });
    expect(storeNames(db)).toEqual(V2_STORES);
    expect((await db.get('bodies', 'old'))?.report.agency).toBe('某县政府办');
    expect((await db.get('drafts', 'old'))?.agency).toBe('某县政府办');
    expect(opens.get(DB_NAME)).toBe(3); // v1 set-up, early (aborted), the app's own
  });

  it('steps aside for another tab before the app takes over, and the app opens again', async () => {
    const { factory, opens } = countingFactory();
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    await settled(scope, 'drafts');
    // Another tab deletes the database: the early connection must close, or it would block that tab.
    await new Promise((resolve, reject) => {
      const deleting = factory.deleteDatabase(DB_NAME);
      deleting.onsuccess = resolve;
      deleting.onerror = reject;
      deleting.onblocked = () => reject(new Error('the early connection blocked another tab'));
    });
    expect(scope[EARLY_OPEN_KEY]!.drafts!.closed).toBe(true);
    const db = await openDraftDb({ factory, earlyScope: scope });
    expect(storeNames(db)).toEqual(V2_STORES);
    expect(opens.get(DB_NAME)).toBe(2);
  });

  it('reports an upgrade blocked by an old tab, as the app’s own open does', async () => {
    const factory = new IDBFactory();
    const old = await openOldTab(factory, DB_NAME);
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(scope[EARLY_OPEN_KEY]!.drafts!.blocked).toBe(true);
    const error = await openDraftDb({ factory, earlyScope: scope, blockedGraceMs: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('blocked');
    old.close();
  });

  it('is not used by an open with another factory or version', async () => {
    const { factory, opens } = countingFactory();
    const scope: Scope = { indexedDB: factory };
    startEarlyOpen(scope);
    const other = new IDBFactory();
    await openDraftDb({ factory: other, earlyScope: scope });
    expect(scope[EARLY_OPEN_KEY]!.drafts).toBeNull(); // taken, and left alone
    expect(opens.get(DB_NAME)).toBe(1);
    const v1 = await openDraftDb({ factory, version: 1, name: 'other-db' });
    expect([...v1.objectStoreNames]).toEqual(['drafts']);
  });

  it('does nothing without IndexedDB, and never throws', () => {
    const none = {} as Scope;
    expect(() => startEarlyOpen(none)).not.toThrow();
    expect(none[EARLY_OPEN_KEY]).toBeUndefined();
    const refusing = {
      get indexedDB(): IDBFactory {
        throw new DOMException('denied', 'SecurityError');
      },
    } as Scope;
    expect(() => startEarlyOpen(refusing)).not.toThrow();
  });
});
