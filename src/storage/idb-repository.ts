/**
 * The draft repository on IndexedDB. Every write is one transaction over the stores it touches, so
 * a draft's list row, its body and its revisions change together or not at all (a failed put
 * aborts the transaction instead of letting the rest commit).
 */
import { type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import { blankReport, newReportId, type Report } from '../report/document.ts';
import type { DraftDatabase, DraftDb, PendingRow, RevisionRow } from './db.ts';
import { StorageError, toStorageError } from './errors.ts';
import {
  byNewest,
  checkVersion,
  contentFacts,
  copyName,
  type DraftRow,
  hasStaleReview,
  newDraftRow,
  newestRevisionFirst,
  normalizeName,
  requireRow,
  reviewFacts,
  savedRow,
  storableReport,
  toSummary,
} from './records.ts';
import type {
  DraftRepository,
  DraftSummary,
  OpenedDraft,
  RescueOutcome,
  Revision,
  RevisionMeta,
  RevisionReason,
  SaveResult,
} from './repository.ts';
import type { RescueDatabase } from './rescue-db.ts';
import { salvageReport } from './salvage.ts';
import { revisionsToDrop } from './thinning.ts';

type Store = StoreNames<DraftDb>;
type WriteTx = IDBPTransaction<DraftDb, Store[], 'readwrite'>;
type AnyTx = IDBPTransaction<DraftDb, Store[], 'readwrite' | 'readonly'>;

const ALL: Store[] = ['drafts', 'bodies', 'revisions', 'revisionBodies', 'pending'];

/** Rows from before coveredAt: the page's next save (base + 1) would have stored the content. */
const coveredAt = (row: PendingRow) => row.coveredAt ?? (row.baseVersion ?? 0) + 1;

function toMeta(row: RevisionRow): RevisionMeta {
  return { ...row, id: row.id! };
}

export class IdbDraftRepository implements DraftRepository {
  readonly kind = 'indexeddb';
  /** Drafts this page rescued: its next save that covers the rescue deletes it. */
  private readonly rescuedHere = new Set<string>();

  constructor(
    private readonly db: DraftDatabase,
    private readonly now: () => number = Date.now,
    /** Where rescue() writes; without it, the drafts database's 'pending' store (see rescue-db.ts). */
    private readonly rescueDb: RescueDatabase | null = null,
  ) {}

  /**
   * Runs `work` in one transaction; on any failure aborts it and throws a StorageError.
   * `work` awaits each request in turn (no Promise.all): a request that throws must not leave
   * another request's promise to reject unobserved when the transaction aborts.
   */
  private async run<T>(
    stores: Store[],
    mode: 'readonly' | 'readwrite',
    work: (tx: WriteTx) => Promise<T>,
  ): Promise<T> {
    let tx: AnyTx;
    try {
      tx = this.db.transaction(stores, mode);
    } catch (error) {
      throw toStorageError(error, mode === 'readwrite' ? 'write-failed' : 'unavailable');
    }
    const done = tx.done;
    done.catch(() => {}); // observed below; keeps an abort from being reported as unhandled
    try {
      const result = await work(tx as WriteTx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // the transaction already ended
      }
      await done.catch(() => {});
      // A quota failure shows on the transaction, the request only says AbortError.
      throw toStorageError(error instanceof StorageError ? error : (tx.error ?? error), 'write-failed');
    }
  }

  private async readBody(tx: WriteTx, id: string): Promise<Report> {
    const body = await tx.objectStore('bodies').get(id);
    return salvageReport(body?.report, id).report;
  }

  async create(report?: Report, options: { name?: string | null } = {}): Promise<OpenedDraft> {
    return this.run(['drafts', 'bodies'], 'readwrite', async (tx) => {
      const base = report ?? blankReport();
      const taken = base.id ? await tx.objectStore('drafts').getKey(base.id) : undefined;
      const stored = storableReport(base, taken === undefined && base.id ? base.id : newReportId());
      const row = newDraftRow(stored, normalizeName(options.name), this.now());
      await tx.objectStore('drafts').add(row);
      await tx.objectStore('bodies').add({ id: row.id, report: stored });
      return { summary: toSummary(row), report: stored, version: row.version };
    });
  }

  private async rows(): Promise<DraftRow[]> {
    const rows = await this.run(['drafts'], 'readonly', (tx) => tx.objectStore('drafts').getAll());
    return rows.some(hasStaleReview) ? this.reviewAgain(rows) : rows;
  }

  /**
   * Rows saved under older rules (a new version of the tool): their 审核 counts and state are worked
   * out again from their bodies and stored, once, without touching version, time, size or digest (the
   * content did not change). If that fails the list still shows, with the old counts.
   */
  private async reviewAgain(rows: DraftRow[]): Promise<DraftRow[]> {
    try {
      return await this.run(['drafts', 'bodies'], 'readwrite', async (tx) => {
        const fresh: DraftRow[] = [];
        for (const old of rows) {
          const row = (await tx.objectStore('drafts').get(old.id)) ?? old;
          if (!hasStaleReview(row)) {
            fresh.push(row);
            continue;
          }
          const next = { ...row, ...reviewFacts(await this.readBody(tx, row.id)) };
          await tx.objectStore('drafts').put(next);
          fresh.push(next);
        }
        return fresh;
      });
    } catch {
      return rows;
    }
  }

  async list(): Promise<DraftSummary[]> {
    const rows = await this.rows();
    return rows
      .filter((r) => r.trashedAt === null)
      .sort(byNewest((r) => r.savedAt))
      .map(toSummary);
  }

  async listTrash(): Promise<DraftSummary[]> {
    const rows = await this.rows();
    return rows
      .filter((r) => r.trashedAt !== null)
      .sort(byNewest((r) => r.trashedAt!))
      .map(toSummary);
  }

  async get(id: string): Promise<OpenedDraft | undefined> {
    return this.run(['drafts', 'bodies'], 'readonly', async (tx) => {
      const row = await tx.objectStore('drafts').get(id);
      if (!row) return undefined;
      return { summary: toSummary(row), report: await this.readBody(tx, id), version: row.version };
    });
  }

  async save(id: string, report: Report, expectedVersion: number): Promise<SaveResult> {
    const stored = storableReport(report, id);
    // Not in the 'pending' store's scope: a rescue written while this save runs must not wait for it.
    const result = await this.run(['drafts', 'bodies'], 'readwrite', async (tx) => {
      const row = requireRow(await tx.objectStore('drafts').get(id), id);
      checkVersion(row, expectedVersion);
      const next = savedRow(row, stored, this.now());
      await tx.objectStore('drafts').put(next);
      await tx.objectStore('bodies').put({ id, report: stored });
      return { version: next.version, summary: toSummary(next) };
    });
    if (this.rescuedHere.has(id)) void this.dropCoveredRescue(id, result.version);
    return result;
  }

  /** After this page's save reached `version`: what it rescued up to that version is stored. */
  private async dropCoveredRescue(id: string, version: number): Promise<void> {
    const pending = await this.readRescue(id);
    if (pending && coveredAt(pending) > version) return; // newer than this save: still needed
    if (pending) await this.deleteRescue(id, pending.at);
    this.rescuedHere.delete(id);
  }

  /** Where rescues are: the rescue database, else the drafts database (both have the 'pending' store). */
  private get rescueTarget(): RescueDatabase {
    return this.rescueDb ?? (this.db as unknown as RescueDatabase);
  }

  /** What rescue() wrote for the draft, or null (also when reading fails). */
  private async readRescue(id: string): Promise<PendingRow | null> {
    try {
      return (await this.rescueTarget.get('pending', id)) ?? null;
    } catch {
      return null;
    }
  }

  /** Deletes the draft's rescue (only the one written at `at`, when given). Never throws. */
  private async deleteRescue(id: string, at?: number): Promise<void> {
    try {
      const tx = this.rescueTarget.transaction('pending', 'readwrite');
      const row = await tx.store.get(id);
      if (row && (at === undefined || row.at === at)) await tx.store.delete(id);
      await tx.done;
    } catch {
      // Left in place, recoverRescued finds it equal to the draft or already covered.
    }
  }

  /** Changes a list row without touching the content or its version. */
  private async updateRow(id: string, change: (row: DraftRow) => DraftRow): Promise<DraftSummary> {
    return this.run(['drafts'], 'readwrite', async (tx) => {
      const row = requireRow(await tx.objectStore('drafts').get(id), id);
      const next = change(row);
      await tx.objectStore('drafts').put(next);
      return toSummary(next);
    });
  }

  async rename(id: string, name: string): Promise<DraftSummary> {
    return this.updateRow(id, (row) => ({ ...row, name: normalizeName(name) }));
  }

  async duplicate(id: string): Promise<DraftSummary> {
    return this.run(['drafts', 'bodies'], 'readwrite', async (tx) => {
      const row = requireRow(await tx.objectStore('drafts').get(id), id);
      const report = { ...(await this.readBody(tx, id)), id: newReportId() };
      const copy = newDraftRow(report, copyName(row), this.now());
      await tx.objectStore('drafts').add(copy);
      await tx.objectStore('bodies').add({ id: copy.id, report });
      return toSummary(copy);
    });
  }

  async trash(id: string): Promise<void> {
    await this.updateRow(id, (row) => ({ ...row, trashedAt: row.trashedAt ?? this.now() }));
  }

  async restoreFromTrash(id: string): Promise<void> {
    await this.updateRow(id, (row) => ({ ...row, trashedAt: null }));
  }

  private async deleteRevisions(tx: WriteTx, ids: readonly number[]): Promise<void> {
    for (const key of ids) {
      await tx.objectStore('revisions').delete(key);
      await tx.objectStore('revisionBodies').delete(key);
    }
  }

  private async deleteIn(tx: WriteTx, id: string): Promise<void> {
    const revisionIds = await tx.objectStore('revisions').index('byDraft').getAllKeys(id);
    await tx.objectStore('drafts').delete(id);
    await tx.objectStore('bodies').delete(id);
    await tx.objectStore('pending').delete(id);
    await this.deleteRevisions(tx, revisionIds);
  }

  async deleteForever(id: string): Promise<void> {
    await this.run(ALL, 'readwrite', async (tx) => {
      const row = requireRow(await tx.objectStore('drafts').get(id), id);
      if (row.trashedAt === null) throw new StorageError('invalid', '只能永久删除回收站中的草稿');
      await this.deleteIn(tx, id);
    });
    await this.deleteRescue(id);
  }

  async emptyTrash(): Promise<number> {
    const deleted = await this.run(ALL, 'readwrite', async (tx) => {
      const rows = await tx.objectStore('drafts').getAll();
      const trashed = rows.filter((r) => r.trashedAt !== null);
      for (const row of trashed) await this.deleteIn(tx, row.id);
      return trashed.map((row) => row.id);
    });
    for (const id of deleted) await this.deleteRescue(id);
    return deleted.length;
  }

  /** Adds a revision unless it equals the latest one, then deletes what the thinning policy drops. */
  private async addRevisionIn(
    tx: WriteTx,
    draftId: string,
    report: Report,
    reason: RevisionReason,
  ): Promise<RevisionMeta | null> {
    const revisions = tx.objectStore('revisions');
    const existing = (await revisions.index('byDraft').getAll(draftId)).map(toMeta);
    const facts = contentFacts(report);
    const latest = existing.sort(newestRevisionFirst)[0];
    if (latest && latest.digest === facts.digest) {
      // Same content kept a moment ago by autosave: name it for the risky operation (导入前…) instead.
      if (latest.reason !== 'auto' || reason === 'auto') return null;
      const relabelled = { ...latest, reason };
      await revisions.put(relabelled);
      return relabelled;
    }
    const row: RevisionRow = {
      draftId,
      at: this.now(),
      reason,
      errors: facts.errors,
      hints: facts.hints,
      size: facts.size,
      digest: facts.digest,
    };
    const id = await revisions.add(row);
    await tx.objectStore('revisionBodies').add({ id, report });
    const meta: RevisionMeta = { ...row, id };
    const dropped = revisionsToDrop([...existing, meta], this.now());
    await this.deleteRevisions(tx, dropped);
    return meta;
  }

  async addRevision(draftId: string, report: Report, reason: RevisionReason): Promise<RevisionMeta | null> {
    const stored = storableReport(report, draftId);
    return this.run(['drafts', 'revisions', 'revisionBodies'], 'readwrite', async (tx) => {
      requireRow(await tx.objectStore('drafts').get(draftId), draftId);
      return this.addRevisionIn(tx, draftId, stored, reason);
    });
  }

  async listRevisions(draftId: string): Promise<RevisionMeta[]> {
    return this.run(['revisions'], 'readonly', async (tx) => {
      const rows = await tx.objectStore('revisions').index('byDraft').getAll(draftId);
      return rows.map(toMeta).sort(newestRevisionFirst);
    });
  }

  async getRevision(revisionId: number): Promise<Revision | undefined> {
    return this.run(['revisions', 'revisionBodies'], 'readonly', async (tx) => {
      const row = await tx.objectStore('revisions').get(revisionId);
      if (!row) return undefined;
      const body = await tx.objectStore('revisionBodies').get(revisionId);
      return { meta: toMeta(row), report: salvageReport(body?.report, row.draftId).report };
    });
  }

  async replace(id: string, report: Report, reason: RevisionReason): Promise<OpenedDraft> {
    const stored = storableReport(report, id);
    const replaced = await this.run(ALL, 'readwrite', async (tx) => {
      const row = requireRow(await tx.objectStore('drafts').get(id), id);
      await this.addRevisionIn(tx, id, await this.readBody(tx, id), reason);
      const next = { ...savedRow(row, stored, this.now()), trashedAt: null };
      await tx.objectStore('drafts').put(next);
      await tx.objectStore('bodies').put({ id, report: stored });
      await tx.objectStore('pending').delete(id);
      return { summary: toSummary(next), report: stored, version: next.version };
    });
    await this.deleteRescue(id);
    return replaced;
  }

  async restoreRevision(draftId: string, revisionId: number, expectedVersion: number): Promise<OpenedDraft> {
    return this.run(ALL, 'readwrite', async (tx) => {
      const row = requireRow(await tx.objectStore('drafts').get(draftId), draftId);
      checkVersion(row, expectedVersion);
      const revision = await tx.objectStore('revisions').get(revisionId);
      const body = await tx.objectStore('revisionBodies').get(revisionId);
      if (!revision || revision.draftId !== draftId || !body) {
        throw new StorageError('not-found', `历史版本 ${revisionId}`);
      }
      await this.addRevisionIn(tx, draftId, await this.readBody(tx, draftId), 'restore');
      const report = salvageReport(body.report, draftId).report;
      const next = savedRow(row, report, this.now());
      await tx.objectStore('drafts').put(next);
      await tx.objectStore('bodies').put({ id: draftId, report });
      return { summary: toSummary(next), report, version: next.version };
    });
  }

  rescue(draftId: string, report: Report, coveredAtVersion: number): void {
    try {
      const row: PendingRow = {
        draftId,
        coveredAt: coveredAtVersion,
        at: this.now(),
        report: storableReport(report, draftId),
      };
      // Raw IndexedDB: one blind put and commit(), all before this function returns.
      const tx = unwrap(this.rescueTarget).transaction('pending', 'readwrite');
      tx.objectStore('pending').put(row);
      (tx as { commit?: () => void }).commit?.();
      this.rescuedHere.add(draftId);
    } catch {
      // The page is leaving and storage refuses: nothing more can be done here.
    }
  }

  async recoverRescued(draftId: string): Promise<RescueOutcome> {
    const rescued = await this.readRescue(draftId);
    const outcome = await this.run(ALL, 'readwrite', async (tx): Promise<RescueOutcome> => {
      // The drafts database's own store: rescues without a rescue database, and from older versions.
      const inDraftsDb = await tx.objectStore('pending').get(draftId);
      if (inDraftsDb) await tx.objectStore('pending').delete(draftId);
      const pending = [rescued, inDraftsDb].reduce<PendingRow | null>(
        (newest, row) => (row && (!newest || row.at > newest.at) ? row : newest),
        null,
      );
      const row = await tx.objectStore('drafts').get(draftId);
      if (!pending || !row) return 'none';
      const { report } = salvageReport(pending.report, draftId);
      if (contentFacts(report).digest === row.digest) return 'none';
      // The draft reached the version that should hold this content, yet differs: someone else saved.
      if (row.version >= coveredAt(pending)) {
        await this.addRevisionIn(tx, draftId, report, 'rescue');
        return 'kept-as-revision';
      }
      await tx.objectStore('drafts').put(savedRow(row, report, pending.at));
      await tx.objectStore('bodies').put({ id: draftId, report });
      return 'applied';
    });
    // After the draft took it: a page dying in between finds it covered or equal next time.
    if (rescued) await this.deleteRescue(draftId, rescued.at);
    return outcome;
  }

  close(): void {
    this.db.close();
    this.rescueDb?.close();
  }
}
