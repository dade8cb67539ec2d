// @vitest-environment node
/**
 * Failed writes on IndexedDB, injected: QuotaExceededError thrown by a put, a transaction that
 * aborts with a quota error, any other failure. Nothing is half-written, and the next write works.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCells } from '../../src/report/edit.ts';
import { openDraftDb } from '../../src/storage/db.ts';
import { StorageError } from '../../src/storage/errors.ts';
import { IdbDraftRepository } from '../../src/storage/idb-repository.ts';
import { sampleReport } from './fixtures.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('expected the write to fail');
}

/** Makes the next put (or add) into `store` fail the way `fail` says. */
function failWriteOnce(
  store: string,
  fail: (self: IDBObjectStore, original: () => IDBRequest) => IDBRequest,
  method: 'put' | 'add' = 'put',
) {
  const original = IDBObjectStore.prototype[method];
  const spy = vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    const call = () => original.apply(this, args);
    if (this.name !== store) return call();
    spy.mockRestore();
    return fail(this, call);
  });
}

describe('failed writes on IndexedDB', () => {
  let repo: IdbDraftRepository;
  const report = sampleReport('d');
  beforeEach(async () => {
    repo = new IdbDraftRepository(await openDraftDb({ factory: new IDBFactory() }));
    await repo.create(report);
  });
  afterEach(() => vi.restoreAllMocks());

  it('QuotaExceededError on the second put of a save: kind quota, nothing half-written', async () => {
    failWriteOnce('bodies', () => {
      throw quota();
    });
    const edited = setCells(report, { 't3.new.natural': 123 });
    const error = await failure(repo.save('d', edited, 1));
    expect(error.kind).toBe('quota');
    expect(error.message).toContain('存储空间已满');
    expect(error.message).toContain('保存到文件');
    // The list row (written first in the same transaction) was rolled back with it.
    const stored = await repo.get('d');
    expect(stored?.version).toBe(1);
    expect(stored?.report).toEqual(report);
    // Space freed: the same save goes through with the same expected version.
    expect((await repo.save('d', edited, 1)).version).toBe(2);
  });

  it('a transaction aborted with a quota error is reported as quota', async () => {
    failWriteOnce('bodies', (store, call) => {
      const request = call();
      const tx = store.transaction;
      Object.defineProperty(tx, 'error', { get: quota });
      tx.abort();
      return request;
    });
    const error = await failure(repo.save('d', setCells(report, { 't3.new.natural': 1 }), 1));
    expect(error.kind).toBe('quota');
    expect((await repo.get('d'))?.version).toBe(1);
  });

  it('QuotaExceededError while keeping a revision leaves the revisions as they were', async () => {
    await repo.addRevision('d', report, 'manual');
    failWriteOnce(
      'revisionBodies',
      () => {
        throw quota();
      },
      'add',
    );
    const error = await failure(repo.addRevision('d', setCells(report, { 't3.new.natural': 9 }), 'paste'));
    expect(error.kind).toBe('quota');
    expect(await repo.listRevisions('d')).toHaveLength(1);
  });

  it('any other failure is write-failed and names the browser error', async () => {
    failWriteOnce('drafts', () => {
      throw new DOMException('disk error', 'UnknownError');
    });
    const error = await failure(repo.rename('d', '新名称'));
    expect(error.kind).toBe('write-failed');
    expect(error.detail).toBe('UnknownError');
    expect((await repo.list())[0]?.customName).toBeNull();
  });
});
