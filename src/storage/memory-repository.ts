/**
 * The draft repository in memory: what the app runs on when IndexedDB cannot be used. Same
 * contract and rules as the IndexedDB one (the same contract tests run on both); everything is
 * lost when the page closes, which the red banner tells the clerk.
 */
import { blankReport, newReportId, type Report } from '../report/document.ts';
import { StorageError } from './errors.ts';
import {
  byNewest,
  checkVersion,
  contentFacts,
  copyName,
  type DraftRow,
  newDraftRow,
  newestRevisionFirst,
  normalizeName,
  requireRow,
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
import { revisionsToDrop } from './thinning.ts';

/** Stored copies are independent of the caller's objects, as with IndexedDB's structured clone. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemoryDraftRepository implements DraftRepository {
  readonly kind = 'memory';
  private readonly rows = new Map<string, DraftRow>();
  private readonly bodies = new Map<string, Report>();
  private readonly revisions = new Map<number, Revision>();
  private nextRevisionId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  private row(id: string): DraftRow {
    return requireRow(this.rows.get(id), id);
  }

  async create(report?: Report, options: { name?: string | null } = {}): Promise<OpenedDraft> {
    const base = report ?? blankReport();
    const id = base.id && !this.rows.has(base.id) ? base.id : newReportId();
    const stored = copy(storableReport(base, id));
    const row = newDraftRow(stored, normalizeName(options.name), this.now());
    this.rows.set(id, row);
    this.bodies.set(id, stored);
    return { summary: toSummary(row), report: copy(stored), version: row.version };
  }

  async list(): Promise<DraftSummary[]> {
    return [...this.rows.values()]
      .filter((r) => r.trashedAt === null)
      .sort(byNewest((r) => r.savedAt))
      .map(toSummary);
  }

  async listTrash(): Promise<DraftSummary[]> {
    return [...this.rows.values()]
      .filter((r) => r.trashedAt !== null)
      .sort(byNewest((r) => r.trashedAt!))
      .map(toSummary);
  }

  async get(id: string): Promise<OpenedDraft | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    return { summary: toSummary(row), report: copy(this.bodies.get(id)!), version: row.version };
  }

  async save(id: string, report: Report, expectedVersion: number): Promise<SaveResult> {
    const stored = copy(storableReport(report, id));
    const row = this.row(id);
    checkVersion(row, expectedVersion);
    const next = savedRow(row, stored, this.now());
    this.rows.set(id, next);
    this.bodies.set(id, stored);
    return { version: next.version, summary: toSummary(next) };
  }

  private update(id: string, change: (row: DraftRow) => DraftRow): DraftSummary {
    const next = change(this.row(id));
    this.rows.set(id, next);
    return toSummary(next);
  }

  async rename(id: string, name: string): Promise<DraftSummary> {
    return this.update(id, (row) => ({ ...row, name: normalizeName(name) }));
  }

  async duplicate(id: string): Promise<DraftSummary> {
    const row = this.row(id);
    const report = { ...copy(this.bodies.get(id)!), id: newReportId() };
    const duplicate = newDraftRow(report, copyName(row), this.now());
    this.rows.set(report.id, duplicate);
    this.bodies.set(report.id, report);
    return toSummary(duplicate);
  }

  async trash(id: string): Promise<void> {
    this.update(id, (row) => ({ ...row, trashedAt: row.trashedAt ?? this.now() }));
  }

  async restoreFromTrash(id: string): Promise<void> {
    this.update(id, (row) => ({ ...row, trashedAt: null }));
  }

  private remove(id: string): void {
    this.rows.delete(id);
    this.bodies.delete(id);
    for (const [key, revision] of this.revisions)
      if (revision.meta.draftId === id) this.revisions.delete(key);
  }

  async deleteForever(id: string): Promise<void> {
    if (this.row(id).trashedAt === null) throw new StorageError('invalid', '只能永久删除回收站中的草稿');
    this.remove(id);
  }

  async emptyTrash(): Promise<number> {
    const trashed = [...this.rows.values()].filter((r) => r.trashedAt !== null);
    for (const row of trashed) this.remove(row.id);
    return trashed.length;
  }

  private metasOf(draftId: string): RevisionMeta[] {
    return [...this.revisions.values()]
      .filter((r) => r.meta.draftId === draftId)
      .map((r) => r.meta)
      .sort(newestRevisionFirst);
  }

  private keepRevision(draftId: string, report: Report, reason: RevisionReason): RevisionMeta | null {
    const existing = this.metasOf(draftId);
    const facts = contentFacts(report);
    const latest = existing[0];
    if (latest && latest.digest === facts.digest) {
      // Same content kept a moment ago by autosave: name it for the risky operation (导入前…) instead.
      if (latest.reason !== 'auto' || reason === 'auto') return null;
      const stored = this.revisions.get(latest.id)!;
      this.revisions.set(latest.id, { ...stored, meta: { ...stored.meta, reason } });
      return { ...latest, reason };
    }
    const meta: RevisionMeta = {
      id: this.nextRevisionId++,
      draftId,
      at: this.now(),
      reason,
      errors: facts.errors,
      hints: facts.hints,
      size: facts.size,
      digest: facts.digest,
    };
    this.revisions.set(meta.id, { meta, report: copy(report) });
    for (const id of revisionsToDrop([...existing, meta], this.now())) this.revisions.delete(id);
    return { ...meta };
  }

  async addRevision(draftId: string, report: Report, reason: RevisionReason): Promise<RevisionMeta | null> {
    const stored = storableReport(report, draftId);
    this.row(draftId);
    return this.keepRevision(draftId, stored, reason);
  }

  async listRevisions(draftId: string): Promise<RevisionMeta[]> {
    return this.metasOf(draftId).map((m) => ({ ...m }));
  }

  async getRevision(revisionId: number): Promise<Revision | undefined> {
    const revision = this.revisions.get(revisionId);
    return revision && copy(revision);
  }

  async replace(id: string, report: Report, reason: RevisionReason): Promise<OpenedDraft> {
    const row = this.row(id);
    const stored = copy(storableReport(report, id));
    this.keepRevision(id, this.bodies.get(id)!, reason);
    const next = { ...savedRow(row, stored, this.now()), trashedAt: null };
    this.rows.set(id, next);
    this.bodies.set(id, stored);
    return { summary: toSummary(next), report: copy(stored), version: next.version };
  }

  async restoreRevision(draftId: string, revisionId: number, expectedVersion: number): Promise<OpenedDraft> {
    const row = this.row(draftId);
    checkVersion(row, expectedVersion);
    const revision = this.revisions.get(revisionId);
    if (!revision || revision.meta.draftId !== draftId) {
      throw new StorageError('not-found', `历史版本 ${revisionId}`);
    }
    const report = copy(revision.report);
    this.keepRevision(draftId, this.bodies.get(draftId)!, 'restore');
    const next = savedRow(row, report, this.now());
    this.rows.set(draftId, next);
    this.bodies.set(draftId, report);
    return { summary: toSummary(next), report: copy(report), version: next.version };
  }

  /** Memory does not outlive the page: nothing to rescue. */
  rescue(_draftId: string, _report: Report, _coveredAt: number): void {}

  async recoverRescued(_draftId: string): Promise<RescueOutcome> {
    return 'none';
  }

  close(): void {}
}
