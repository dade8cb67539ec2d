// @vitest-environment node
/**
 * Opening the database: the v1 → v2 upgrade with real data, and every way opening can fail.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankReport } from '../../src/report/document.ts';
import { countBySeverity, evaluate } from '../../src/report/rules.ts';
import { DB_NAME, DB_VERSION, type DraftRowV1, openDraftDb } from '../../src/storage/db.ts';
import { StorageError } from '../../src/storage/errors.ts';
import { IdbDraftRepository } from '../../src/storage/idb-repository.ts';
import { openDraftRepository } from '../../src/storage/repository.ts';
import { openOldTab, sampleReport, V2_STORES } from './fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function openError(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('expected opening to fail');
}

/** A first-schema database, created by the real v1 upgrade step, holding the given records. */
async function firstVersionDb(factory: IDBFactory, records: DraftRowV1[]): Promise<void> {
  const db = await openDraftDb({ factory, version: 1 });
  expect([...db.objectStoreNames]).toEqual(['drafts']);
  const tx = db.transaction('drafts', 'readwrite');
  for (const record of records) await tx.store.put(record as never);
  await tx.done;
  db.close();
}

describe('schema upgrade v1 → v2', () => {
  const sample = sampleReport('gx-kjt-2021');
  const second = { ...blankReport({ id: 'blank-2022', agency: '某市财政局', year: 2022 }) };
  const damaged = {
    ...blankReport({ id: 'damaged', agency: '某县政府办', year: 2023 }),
    cells: { ...blankReport().cells, 't3.new.natural': 5, 't3.new.business': 'abc' },
    sections: { overview: '总体情况正文', problems: 42, other: '' },
    unknownField: true,
  };
  const v1Records: DraftRowV1[] = [
    { id: 'gx-kjt-2021', report: sample, updatedAt: '2022-01-20T08:30:00.000Z' },
    { id: 'blank-2022', report: second, updatedAt: '2023-01-05T02:00:00.000Z' },
    { id: 'damaged', report: damaged, updatedAt: 'not a date' },
  ];

  it('turns every v1 record into a list row and a body, with summaries computed', async () => {
    const factory = new IDBFactory();
    await firstVersionDb(factory, v1Records);
    const now = Date.UTC(2026, 10, 27);
    const db = await openDraftDb({ factory, now: () => now });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(V2_STORES);
    const repo = new IdbDraftRepository(db, () => now);

    const list = await repo.list();
    expect(list.map((d) => d.id)).toEqual(['damaged', 'blank-2022', 'gx-kjt-2021']);
    const gx = list.find((d) => d.id === 'gx-kjt-2021')!;
    expect(gx).toMatchObject({
      agency: '自治区科技厅',
      year: 2021,
      version: 1,
      savedAt: Date.parse('2022-01-20T08:30:00.000Z'),
      createdAt: Date.parse('2022-01-20T08:30:00.000Z'),
      trashedAt: null,
      customName: null,
      ...countBySeverity(evaluate(sample)),
    });
    expect((await repo.get('gx-kjt-2021'))?.report).toEqual(sample);
    expect((await repo.get('blank-2022'))?.report).toEqual(second);
  });

  it('repairs a damaged v1 record field by field instead of dropping it', async () => {
    const factory = new IDBFactory();
    await firstVersionDb(factory, v1Records);
    const now = Date.UTC(2026, 10, 27);
    const repo = new IdbDraftRepository(await openDraftDb({ factory, now: () => now }));
    const draft = await repo.get('damaged');
    expect(draft?.summary.savedAt).toBe(now); // the unreadable time became the upgrade's
    expect(draft?.report.agency).toBe('某县政府办');
    expect(draft?.report.cells['t3.new.natural']).toBe(5);
    expect(draft?.report.cells['t3.new.business']).toBeNull();
    expect(draft?.report.sections).toEqual({ overview: '总体情况正文', problems: '', other: '' });
    expect(draft?.report).not.toHaveProperty('unknownField');
  });

  it('keeps working after the upgrade: save, revisions, trash', async () => {
    const factory = new IDBFactory();
    await firstVersionDb(factory, v1Records);
    const repo = new IdbDraftRepository(await openDraftDb({ factory }));
    const saved = await repo.save('gx-kjt-2021', { ...sample, agency: '广西壮族自治区科学技术厅' }, 1);
    expect(saved.version).toBe(2);
    expect(await repo.addRevision('gx-kjt-2021', sample, 'manual')).not.toBeNull();
    await repo.trash('blank-2022');
    expect((await repo.listTrash()).map((d) => d.id)).toEqual(['blank-2022']);
    repo.close();
    // And survives reopening (no second migration).
    const again = new IdbDraftRepository(await openDraftDb({ factory }));
    expect((await again.get('gx-kjt-2021'))?.report.agency).toBe('广西壮族自治区科学技术厅');
    expect(await again.listRevisions('gx-kjt-2021')).toHaveLength(1);
  });

  it('rolls the whole upgrade back when the migration fails, leaving v1 data intact', async () => {
    const factory = new IDBFactory();
    await firstVersionDb(factory, v1Records);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('simulated', 'UnknownError');
    });
    const error = await openError(openDraftDb({ factory }));
    expect(error.kind).toBe('upgrade-failed');
    expect(error.message).toContain('原有草稿保持不变');
    put.mockRestore();

    const v1 = await openDraftDb({ factory, version: 1 });
    expect(v1.version).toBe(1);
    const records = (await v1.getAll('drafts')) as unknown as DraftRowV1[];
    expect(records.map((r) => r.id).sort()).toEqual(['blank-2022', 'damaged', 'gx-kjt-2021']);
    expect(records.find((r) => r.id === 'gx-kjt-2021')?.report).toEqual(sample);
    v1.close();
    // The next attempt migrates.
    const repo = new IdbDraftRepository(await openDraftDb({ factory }));
    expect(await repo.list()).toHaveLength(3);
  });

  it('creates an empty v2 database from nothing', async () => {
    const repo = new IdbDraftRepository(await openDraftDb({ factory: new IDBFactory() }));
    expect(await repo.list()).toEqual([]);
  });
});

describe('failed opens', () => {
  it('has no IndexedDB at all', async () => {
    expect((await openError(openDraftDb({ factory: null }))).kind).toBe('unavailable');
  });

  it('is refused by the browser (private mode, file://)', async () => {
    const factory = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const error = await openError(openDraftDb({ factory }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('无法使用浏览器存储');
    expect(error.message).toContain('保存到文件');
  });

  it('fails the open request (InvalidStateError in old private modes)', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      const request = {
        error: new DOMException('no', 'InvalidStateError'),
      } as unknown as IDBOpenDBRequest;
      queueMicrotask(() => request.onerror?.({ preventDefault() {} } as unknown as Event));
      return request;
    });
    expect((await openError(openDraftDb({ factory }))).kind).toBe('unavailable');
  });

  it('gives up when the browser never answers', async () => {
    vi.useFakeTimers();
    const factory = { open: () => ({}) } as unknown as IDBFactory;
    const pending = openError(openDraftDb({ factory, timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(5000);
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.detail).toBe('打开浏览器存储超时');
    expect(error.message).toMatch(/^浏览器存储（保存草稿的地方）一直没有响应/);
  });

  it('was upgraded by a newer version of the tool (VersionError)', async () => {
    const factory = new IDBFactory();
    const newer = await openDraftDb({ factory, version: DB_VERSION + 1 });
    newer.close();
    const error = await openError(openDraftDb({ factory }));
    expect(error.kind).toBe('too-new');
    expect(error.message).toContain('更新版本');
  });

  it('is blocked by an old tab that keeps the old version open', async () => {
    const factory = new IDBFactory();
    const old = await openOldTab(factory, DB_NAME);
    const error = await openError(openDraftDb({ factory, blockedGraceMs: 0 }));
    expect(error.kind).toBe('blocked');
    expect(error.message).toContain('有旧版本页面阻止升级');
    old.close();
  });

  it('steps aside for a newer version in another tab, and says so', async () => {
    const factory = new IDBFactory();
    const problems: StorageError[] = [];
    const { repository, problem } = await openDraftRepository({
      factory,
      onProblem: (p) => problems.push(p),
    });
    expect(problem).toBeNull();
    const draft = await repository.create(blankReport({ id: 'd' }));
    const newer = await openDraftDb({ factory, version: DB_VERSION + 1 });
    expect(problems.map((p) => p.kind)).toEqual(['closed']);
    const error = await openError(repository.save('d', draft.report, 1));
    expect(error.kind).toBe('closed');
    newer.close();
  });
});

describe('openDraftRepository', () => {
  it('falls back to memory and says why when IndexedDB is unavailable', async () => {
    const { repository, problem } = await openDraftRepository({ factory: null });
    expect(repository.kind).toBe('memory');
    expect(problem?.kind).toBe('unavailable');
    const draft = await repository.create(blankReport({ agency: '某局' }));
    expect((await repository.list()).map((d) => d.id)).toEqual([draft.summary.id]);
  });

  it('uses IndexedDB when it opens', async () => {
    const { repository, problem } = await openDraftRepository({ factory: new IDBFactory() });
    expect(repository.kind).toBe('indexeddb');
    expect(problem).toBeNull();
  });
});
