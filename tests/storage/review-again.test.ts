// @vitest-environment node
/**
 * Rows stored by an older version of the tool carry 审核 counts of older rules (before issue 15 a
 * next-year draft was 错误 0 / 提示 164, so 待确认, though today its 需更新 sections are 错误): the list
 * works them out again from the bodies, once, and keeps everything else of the row.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { nextYearReport } from '../../src/report/next-year.ts';
import { openDraftDb } from '../../src/storage/db.ts';
import { IdbDraftRepository } from '../../src/storage/idb-repository.ts';
import { contentFacts, RULES_EDITION } from '../../src/storage/records.ts';
import { sampleReport } from './fixtures.ts';

async function withOldRow() {
  const factory = new IDBFactory();
  const db = await openDraftDb({ factory });
  const repo = new IdbDraftRepository(db, () => 1_000);
  const { summary, report } = await repo.create(nextYearReport(sampleReport()));
  const stored = await db.get('drafts', summary.id);
  // As a row of before issue 15 was: no state, no edition, the old per-cell counts.
  const { state: _s, rulesEdition: _e, confirmed: _c, ...old } = stored!;
  await db.put('drafts', { ...old, errors: 0, hints: 164 });
  return { db, repo, id: summary.id, report, before: stored! };
}

describe('rows of older rules', () => {
  it('are listed with the state and counts of today’s rules, and stored so', async () => {
    const { db, repo, id, report, before } = await withOldRow();
    const facts = contentFacts(report);
    expect(facts.state).toBe('有错误');

    const [listed] = await repo.list();
    expect(listed).toMatchObject({ id, state: '有错误', errors: facts.errors, hints: facts.hints });

    const row = await db.get('drafts', id);
    expect(row).toEqual({ ...before, rulesEdition: RULES_EDITION });
    // Nothing about the content changed: an open tab's next save still matches its version.
    expect(row!.version).toBe(before.version);
    expect(row!.savedAt).toBe(before.savedAt);
    expect(row!.digest).toBe(before.digest);
  });

  it('a row of today’s rules is not rewritten', async () => {
    const factory = new IDBFactory();
    const db = await openDraftDb({ factory });
    const repo = new IdbDraftRepository(db, () => 1_000);
    const { summary } = await repo.create(sampleReport());
    // A marker the list would drop if it rewrote the row from its body.
    const row = await db.get('drafts', summary.id);
    await db.put('drafts', { ...row!, hints: 7 });
    const [listed] = await repo.list();
    expect(listed!.hints).toBe(7);
  });

  it('the trash is worked out again too, and a failing rewrite still lists the old row', async () => {
    const { repo, id, db } = await withOldRow();
    await repo.trash(id);
    const [trashed] = await repo.listTrash();
    expect(trashed).toMatchObject({ id, state: '有错误' });

    // Make the old row stale again, then make every write fail: the list still answers.
    const row = await db.get('drafts', id);
    await db.put('drafts', { ...row!, rulesEdition: undefined, hints: 164 });
    const failing = new IdbDraftRepository(db, () => 1_000);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const [old] = await failing.listTrash();
      expect(old).toMatchObject({ id, hints: 164 });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });
});
