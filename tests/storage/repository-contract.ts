/**
 * The contract every DraftRepository keeps, run against IndexedDB (fake-indexeddb) and memory.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { blankReport, type Report } from '../../src/report/document.ts';
import { setCells, setSection } from '../../src/report/edit.ts';
import { countBySeverity, evaluate } from '../../src/report/rules.ts';
import { StorageError } from '../../src/storage/errors.ts';
import { utf8Length } from '../../src/storage/records.ts';
import type { DraftRepository } from '../../src/storage/repository.ts';
import { DAY, HOUR, MINUTE, REVISION_CAP } from '../../src/storage/thinning.ts';
import { manualClock, sampleReport } from './fixtures.ts';

type Clock = ReturnType<typeof manualClock>;

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('expected a rejection');
}

export function repositoryContract(name: string, make: (clock: Clock) => Promise<DraftRepository>): void {
  describe(`${name}: the DraftRepository contract`, () => {
    let clock: Clock;
    let repo: DraftRepository;
    beforeEach(async () => {
      clock = manualClock();
      repo = await make(clock);
    });

    describe('create, get, list', () => {
      it('creates a blank draft with version 1 and a default name', async () => {
        const draft = await repo.create();
        expect(draft.version).toBe(1);
        expect(draft.summary.name).toContain('未填写机关名称');
        expect(draft.summary.customName).toBeNull();
        const loaded = await repo.get(draft.summary.id);
        expect(loaded?.report).toEqual(draft.report);
        expect(loaded?.report.id).toBe(draft.summary.id);
      });

      it('keeps a given report and stores its 审核 counts and size in the summary', async () => {
        const report = sampleReport('gx-2021');
        const draft = await repo.create(report);
        expect(draft.summary.id).toBe('gx-2021');
        expect(draft.summary.agency).toBe('自治区科技厅');
        expect(draft.summary.year).toBe(2021);
        expect(draft.summary.name).toBe('自治区科技厅 2021年度');
        const counts = countBySeverity(evaluate(report));
        expect({ errors: draft.summary.errors, hints: draft.summary.hints }).toEqual(counts);
        expect(draft.summary.size).toBe(utf8Length(JSON.stringify(draft.report)));
        expect(draft.summary.size).toBeGreaterThan(JSON.stringify(draft.report).length); // Chinese: 3 bytes
        expect((await repo.get('gx-2021'))?.report).toEqual(report);
      });

      it('gives a new id when the report id is taken (the same file imported twice)', async () => {
        await repo.create(sampleReport('same'));
        const second = await repo.create(sampleReport('same'));
        expect(second.summary.id).not.toBe('same');
        expect(second.report.id).toBe(second.summary.id);
        expect(await repo.list()).toHaveLength(2);
      });

      it('lists drafts most recently saved first, and returns undefined for an unknown id', async () => {
        const a = await repo.create(blankReport({ agency: '甲局', year: 2023 }));
        clock.advance(1000);
        const b = await repo.create(blankReport({ agency: '乙局', year: 2024 }));
        clock.advance(1000);
        expect((await repo.list()).map((d) => d.id)).toEqual([b.summary.id, a.summary.id]);
        await repo.save(a.summary.id, { ...a.report, agency: '甲局（改）' }, 1);
        const list = await repo.list();
        expect(list.map((d) => d.id)).toEqual([a.summary.id, b.summary.id]);
        expect(list[0]?.agency).toBe('甲局（改）');
        expect(await repo.get('nope')).toBeUndefined();
      });

      it('refuses a report that does not pass the schema, with kind invalid', async () => {
        const bad = { ...blankReport(), preamble: 'x'.repeat(200_001) };
        expect((await rejection(repo.create(bad))).kind).toBe('invalid');
        expect(await repo.list()).toEqual([]);
      });

      it('returns copies: changing a returned report does not change the stored one', async () => {
        const draft = await repo.create(sampleReport('copy'));
        draft.report.cells['t3.new.natural'] = 999_999;
        const loaded = await repo.get('copy');
        expect(loaded?.report.cells['t3.new.natural']).not.toBe(999_999);
      });
    });

    describe('save', () => {
      it('saves with the expected version, bumps it and recomputes the summary', async () => {
        const draft = await repo.create(blankReport({ agency: '某局', year: 2024 }));
        clock.advance(5000);
        const edited = setCells(draft.report, { 't3.new.natural': 7 });
        const result = await repo.save(draft.summary.id, edited, 1);
        expect(result.version).toBe(2);
        expect(result.summary.savedAt).toBe(clock.now());
        expect(result.summary.errors).toBe(countBySeverity(evaluate(edited)).errors);
        const loaded = await repo.get(draft.summary.id);
        expect(loaded?.version).toBe(2);
        expect(loaded?.report.cells['t3.new.natural']).toBe(7);
        expect(loaded?.report.cells['t3.new.total']).toBe(7);
      });

      it('fails with conflict when another tab saved first, and stores nothing', async () => {
        const draft = await repo.create(blankReport({ agency: '某局' }));
        await repo.save(draft.summary.id, { ...draft.report, agency: '第一个标签页' }, 1);
        const error = await rejection(repo.save(draft.summary.id, { ...draft.report, agency: '第二个' }, 1));
        expect(error.kind).toBe('conflict');
        expect(error.message).toContain('另一个标签页');
        const loaded = await repo.get(draft.summary.id);
        expect(loaded?.report.agency).toBe('第一个标签页');
        expect(loaded?.version).toBe(2);
      });

      it('fails with not-found for a draft that no longer exists', async () => {
        expect((await rejection(repo.save('gone', blankReport({ id: 'gone' }), 1))).kind).toBe('not-found');
      });
    });

    describe('rename, duplicate', () => {
      it('renames the list label only; empty goes back to 机关名称＋年度', async () => {
        const draft = await repo.create(blankReport({ agency: '某局', year: 2024 }));
        clock.advance(1000);
        const renamed = await repo.rename(draft.summary.id, '  2024 年报（送审稿） ');
        expect(renamed.name).toBe('2024 年报（送审稿）');
        expect(renamed.customName).toBe('2024 年报（送审稿）');
        expect(renamed.version).toBe(1);
        expect(renamed.savedAt).toBe(draft.summary.savedAt);
        expect((await repo.get(draft.summary.id))?.report.agency).toBe('某局');
        // The open editor can keep saving with its version.
        await repo.save(draft.summary.id, { ...draft.report, agency: '某局二' }, 1);
        expect((await repo.list())[0]?.name).toBe('2024 年报（送审稿）');
        const reset = await repo.rename(draft.summary.id, '   ');
        expect(reset.customName).toBeNull();
        expect(reset.name).toBe('某局二 2024年度');
      });

      it('duplicates content under a new id, without revisions; the copy is named by its own report', async () => {
        const draft = await repo.create(sampleReport('orig'));
        await repo.addRevision('orig', draft.report, 'manual');
        clock.advance(1000);
        const copy = await repo.duplicate('orig');
        expect(copy.id).not.toBe('orig');
        expect(copy.name).toBe('自治区科技厅 2021年度');
        expect(copy.customName).toBeNull();
        expect(copy.version).toBe(1);
        const loaded = await repo.get(copy.id);
        expect(loaded?.report).toEqual({ ...draft.report, id: copy.id });
        expect(await repo.listRevisions(copy.id)).toEqual([]);
        expect(await repo.list()).toHaveLength(2);
        // Its report changed (another agency): the list follows it.
        const saved = await repo.save(copy.id, { ...loaded!.report, agency: '自治区财政厅' }, copy.version);
        expect(saved.summary.name).toBe('自治区财政厅 2021年度');
      });

      it('keeps a name the clerk gave, marked 副本, on a copy', async () => {
        await repo.create(sampleReport('orig'));
        await repo.rename('orig', '2021 年报（送审稿）');
        const copy = await repo.duplicate('orig');
        expect(copy.name).toBe('2021 年报（送审稿）（副本）');
        expect(copy.customName).toBe('2021 年报（送审稿）（副本）');
      });
    });

    describe('trash', () => {
      it('moves to the trash and back, keeping content and revisions', async () => {
        const a = await repo.create(sampleReport('a'));
        await repo.create(blankReport({ id: 'b' }));
        await repo.addRevision('a', a.report, 'manual');
        clock.advance(1000);
        await repo.trash('a');
        expect((await repo.list()).map((d) => d.id)).toEqual(['b']);
        const trash = await repo.listTrash();
        expect(trash.map((d) => d.id)).toEqual(['a']);
        expect(trash[0]?.trashedAt).toBe(clock.now());
        await repo.restoreFromTrash('a');
        expect((await repo.list()).map((d) => d.id).sort()).toEqual(['a', 'b']);
        expect(await repo.listTrash()).toEqual([]);
        expect((await repo.get('a'))?.report).toEqual(a.report);
        expect(await repo.listRevisions('a')).toHaveLength(1);
      });

      it('deletes for ever only from the trash, with its revisions', async () => {
        const a = await repo.create(sampleReport('a'));
        const revision = await repo.addRevision('a', a.report, 'manual');
        expect((await rejection(repo.deleteForever('a'))).kind).toBe('invalid');
        expect(await repo.get('a')).toBeDefined();
        await repo.trash('a');
        await repo.deleteForever('a');
        expect(await repo.get('a')).toBeUndefined();
        expect(await repo.listTrash()).toEqual([]);
        expect(await repo.listRevisions('a')).toEqual([]);
        expect(await repo.getRevision(revision!.id)).toBeUndefined();
      });

      it('empties the trash and says how many were deleted', async () => {
        for (const id of ['a', 'b', 'c']) await repo.create(blankReport({ id }));
        await repo.trash('a');
        await repo.trash('c');
        expect(await repo.emptyTrash()).toBe(2);
        expect((await repo.list()).map((d) => d.id)).toEqual(['b']);
        expect(await repo.listTrash()).toEqual([]);
        expect(await repo.emptyTrash()).toBe(0);
      });
    });

    describe('revisions', () => {
      it('keeps revisions newest first with reason and counts, and skips one equal to the latest', async () => {
        const draft = await repo.create(blankReport({ id: 'd', agency: '某局', year: 2024 }));
        const first = await repo.addRevision('d', draft.report, 'auto');
        expect(first?.reason).toBe('auto');
        clock.advance(MINUTE);
        // The same content, kept a moment ago by autosave, is relabelled for the risky operation…
        expect(await repo.addRevision('d', draft.report, 'paste')).toMatchObject({
          id: first!.id,
          reason: 'paste',
        });
        // …but a label a risky operation gave is kept, and no copy is added.
        expect(await repo.addRevision('d', draft.report, 'import')).toBeNull();
        expect(await repo.addRevision('d', draft.report, 'auto')).toBeNull();
        expect((await repo.listRevisions('d')).map((r) => r.reason)).toEqual(['paste']);
        const edited = setSection(draft.report, 'overview', '本年度……');
        clock.advance(MINUTE);
        const second = await repo.addRevision('d', edited, 'paste');
        const list = await repo.listRevisions('d');
        expect(list.map((r) => r.id)).toEqual([second!.id, first!.id]);
        expect(list[0]).toMatchObject({ reason: 'paste', draftId: 'd', at: clock.now() });
        expect(list[0]?.hints).toBe(countBySeverity(evaluate(edited)).hints);
        const loaded = await repo.getRevision(second!.id);
        expect(loaded?.report.sections.overview).toBe('本年度……');
        expect(await repo.getRevision(123_456)).toBeUndefined();
      });

      it('orders revisions kept in the same millisecond by when they were added', async () => {
        const draft = await repo.create(blankReport({ id: 'd' }));
        const first = await repo.addRevision('d', setCells(draft.report, { 't3.new.natural': 1 }), 'paste');
        const second = await repo.addRevision('d', setCells(draft.report, { 't3.new.natural': 2 }), 'import');
        expect((await repo.listRevisions('d')).map((r) => r.id)).toEqual([second!.id, first!.id]);
        // And the "equal to the latest" check compares with the one added last.
        expect(
          await repo.addRevision('d', setCells(draft.report, { 't3.new.natural': 2 }), 'auto'),
        ).toBeNull();
      });

      it('refuses a revision for an unknown draft', async () => {
        expect((await rejection(repo.addRevision('nope', blankReport({ id: 'nope' }), 'auto'))).kind).toBe(
          'not-found',
        );
      });

      it('thins old revisions and never keeps more than the cap', async () => {
        const draft = await repo.create(blankReport({ id: 'd' }));
        // Ten days of editing, a revision every 5 minutes (2880 revisions).
        let report = draft.report;
        for (let i = 0; i < 10 * 24 * 12; i++) {
          report = setCells(report, { 't3.new.natural': i });
          await repo.addRevision('d', report, 'auto');
          clock.advance(5 * MINUTE);
        }
        const kept = await repo.listRevisions('d');
        expect(kept.length).toBeLessThanOrEqual(REVISION_CAP);
        const newest = kept[0]!;
        const oldest = kept[kept.length - 1]!;
        expect(newest.at).toBe(clock.now() - 5 * MINUTE);
        // The last hour is kept densely, older days sparsely, the first day still represented.
        expect(kept.filter((r) => r.at > newest.at - HOUR)).toHaveLength(12);
        expect(clock.now() - oldest.at).toBeGreaterThan(9 * DAY);
        const perDay = kept.filter((r) => r.at < clock.now() - 2 * DAY).length;
        expect(perDay).toBeLessThanOrEqual(9);
        const bodies = await Promise.all(kept.map((r) => repo.getRevision(r.id)));
        expect(bodies.every((b) => b !== undefined)).toBe(true);
      }, 60_000);

      it('restores a revision: the current content becomes a revision first', async () => {
        const draft = await repo.create(blankReport({ id: 'd', agency: '某局', year: 2024 }));
        const v1 = setCells(draft.report, { 't3.new.natural': 1 });
        await repo.save('d', v1, 1);
        const revision = await repo.addRevision('d', v1, 'auto');
        clock.advance(MINUTE);
        const v2 = setCells(v1, { 't3.new.natural': 2 });
        await repo.save('d', v2, 2);
        clock.advance(MINUTE);
        expect((await rejection(repo.restoreRevision('d', revision!.id, 2))).kind).toBe('conflict');
        const restored = await repo.restoreRevision('d', revision!.id, 3);
        expect(restored.version).toBe(4);
        expect(restored.report.cells['t3.new.natural']).toBe(1);
        expect((await repo.get('d'))?.report.cells['t3.new.natural']).toBe(1);
        const list = await repo.listRevisions('d');
        expect(list[0]?.reason).toBe('restore');
        expect((await repo.getRevision(list[0]!.id))?.report.cells['t3.new.natural']).toBe(2);
      });

      it('replaces a draft atomically (覆盖): the old content is a revision, the version moves on', async () => {
        const draft = await repo.create(blankReport({ id: 'd', agency: '某局', year: 2024 }));
        const v1 = setCells(draft.report, { 't3.new.natural': 1 });
        await repo.save('d', v1, 1);
        await repo.trash('d');
        clock.advance(MINUTE);
        const incoming = setSection(setCells(v1, { 't3.new.natural': 9 }), 'overview', '从文件打开');
        const replaced = await repo.replace('d', incoming, 'import');
        expect(replaced.version).toBe(3);
        expect(replaced.summary.trashedAt).toBeNull();
        expect((await repo.get('d'))?.report).toEqual(incoming);
        expect((await repo.list()).map((d) => d.id)).toEqual(['d']);
        const [kept] = await repo.listRevisions('d');
        expect(kept?.reason).toBe('import');
        expect((await repo.getRevision(kept!.id))?.report.cells['t3.new.natural']).toBe(1);
        // An editor still on version 2 must not overwrite what was opened.
        expect((await rejection(repo.save('d', v1, 2))).kind).toBe('conflict');
        expect((await rejection(repo.replace('missing', incoming, 'import'))).kind).toBe('not-found');
      });

      it('refuses to restore a revision of another draft', async () => {
        const a = await repo.create(blankReport({ id: 'a' }));
        await repo.create(blankReport({ id: 'b' }));
        const revision = await repo.addRevision('a', a.report, 'manual');
        expect((await rejection(repo.restoreRevision('b', revision!.id, 1))).kind).toBe('not-found');
      });
    });
  });
}

export type { Report };
