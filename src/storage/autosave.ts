/**
 * Autosave for the draft being edited. The editor calls change(report) on every edit; that only
 * records the report and (re)starts a short timer, so typing never waits for storage. Writes go
 * one at a time through a queue, always with the newest report, and carry the version they started
 * from so a save never silently overwrites another tab's.
 *
 * - A write starts at most `debounceMs` (300) after the last change, and at most `maxWaitMs` (500)
 *   after the first unsaved change even while the clerk keeps typing: someone typing without a
 *   300 ms pause must not lose more than the last half second or so to a crash (the issue asks that
 *   every keystroke older than 1 s survive a killed browser; with 2 s, up to 2 s of typing was at risk).
 * - flush() writes at once (before closing the draft). When the page is hidden or left, the
 *   unsaved report is first rescued (a blind write committed at once, see DraftRepository.rescue),
 *   then flushed normally: a page that dies mid-save loses nothing the clerk typed.
 * - A revision is kept on the first save and then at most every `revisionEveryMs` (5 min) of
 *   editing; checkpoint() keeps one before a risky operation (block paste, import, 合计 switch).
 * - A failed write keeps the unsaved report in memory, reports 保存失败（原因）, and tries again on
 *   the next change (and after `retryMs` when the failure may pass: quota, a failed write). A
 *   conflict, a deleted draft or a closed database stop saving: retrying cannot help.
 */
import type { Report } from '../report/document.ts';
import { type StorageError, storageErrorReason, toStorageError } from './errors.ts';
import type { DraftRepository, Revision, RevisionMeta, RevisionReason, SaveResult } from './repository.ts';
import { MINUTE } from './thinning.ts';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'error'; error: StorageError };

const pad = (n: number) => String(n).padStart(2, '0');

export function formatClock(time: number): string {
  const d = new Date(time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The status line: 正在保存… / 已保存 HH:MM:SS / 保存失败（原因）. */
export function formatSaveStatus(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return `已保存 ${formatClock(status.at)}`;
    case 'error':
      return `保存失败（${storageErrorReason(status.error.kind)}）`;
  }
}

/** What the history panel needs: the revisions of one draft, and restoring one. */
export interface RevisionSource {
  listRevisions(): Promise<RevisionMeta[]>;
  getRevision(id: number): Promise<Revision | undefined>;
  /** Makes the revision the draft's content (the current content is kept as a revision first). */
  restoreRevision(id: number): Promise<Report>;
}

export interface AutosaveOptions {
  repository: DraftRepository;
  draftId: string;
  /** The stored version the editor's report was loaded from. */
  version: number;
  debounceMs?: number;
  maxWaitMs?: number;
  revisionEveryMs?: number;
  retryMs?: number;
  now?: () => number;
  onStatus?: (status: SaveStatus) => void;
  /** After every successful write (e.g. to tell other tabs, to refresh a list entry). */
  onSaved?: (result: SaveResult & { report: Report }) => void;
}

/** Failures that another attempt can get past (space freed, a passing disk error). */
const RETRYABLE = new Set<StorageError['kind']>(['quota', 'write-failed']);
/** Failures after which this page must not write to the draft any more. */
const FINAL = new Set<StorageError['kind']>(['conflict', 'not-found', 'closed', 'unavailable']);

type Timer = ReturnType<typeof setTimeout>;

export class AutosaveController implements RevisionSource {
  private readonly repository: DraftRepository;
  private readonly draftId: string;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly revisionEveryMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  private readonly onStatus: ((status: SaveStatus) => void) | undefined;
  private readonly onSaved: AutosaveOptions['onSaved'];

  private currentVersion: number;
  private currentStatus: SaveStatus = { state: 'idle' };
  /** The newest report not yet written; null when storage has everything. */
  private pending: Report | null = null;
  /** The report of the write under way, until it completes. */
  private writing: Report | null = null;
  private firstPendingAt: number | null = null;
  private lastRevisionAt = Number.NEGATIVE_INFINITY;
  private timer: Timer | undefined;
  private retryTimer: Timer | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private saveQueued = false;
  private stopped = false;

  constructor(options: AutosaveOptions) {
    this.repository = options.repository;
    this.draftId = options.draftId;
    this.currentVersion = options.version;
    this.debounceMs = Math.min(options.debounceMs ?? 300, 300);
    this.maxWaitMs = options.maxWaitMs ?? 500;
    this.revisionEveryMs = options.revisionEveryMs ?? 5 * MINUTE;
    this.retryMs = options.retryMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.onStatus = options.onStatus;
    this.onSaved = options.onSaved;
  }

  get status(): SaveStatus {
    return this.currentStatus;
  }

  /** The stored version this page last wrote (or loaded). */
  get version(): number {
    return this.currentVersion;
  }

  get hasUnsavedChanges(): boolean {
    return this.pending !== null;
  }

  /** True after a conflict, a deleted draft or a closed database: changes stay in memory only. */
  get isStopped(): boolean {
    return this.stopped;
  }

  private setStatus(status: SaveStatus): void {
    this.currentStatus = status;
    this.onStatus?.(status);
  }

  /** Records an edit. Returns at once; the write happens later. */
  change(report: Report): void {
    this.pending = report;
    const now = this.now();
    this.firstPendingAt ??= now;
    if (this.stopped) return;
    // After a failure the status keeps saying so until a write succeeds.
    if (this.currentStatus.state !== 'saving' && this.currentStatus.state !== 'error') {
      this.setStatus({ state: 'saving' });
    }
    clearTimeout(this.timer);
    const untilMaxWait = this.firstPendingAt + this.maxWaitMs - now;
    this.timer = setTimeout(() => this.requestSave(), Math.max(0, Math.min(this.debounceMs, untilMaxWait)));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }

  private requestSave(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.saveQueued || this.stopped || !this.pending) return;
    this.saveQueued = true;
    void this.enqueue(() => this.saveNow());
  }

  /** Writes the newest pending report. Runs inside the queue. */
  private async saveNow(): Promise<void> {
    this.saveQueued = false;
    const report = this.pending;
    if (!report || this.stopped) return;
    this.pending = null;
    const startedAt = this.firstPendingAt;
    this.firstPendingAt = null;
    clearTimeout(this.retryTimer);
    this.writing = report;
    try {
      const result = await this.repository.save(this.draftId, report, this.currentVersion);
      this.currentVersion = result.version;
      if (!this.pending) this.setStatus({ state: 'saved', at: this.now() });
      this.onSaved?.({ ...result, report });
      await this.keepPeriodicRevision(report);
    } catch (caught) {
      const error = toStorageError(caught);
      if (!this.pending) {
        this.pending = report; // nothing newer arrived: keep this one for the next attempt
        this.firstPendingAt = startedAt;
      }
      if (FINAL.has(error.kind)) this.stopped = true;
      this.setStatus({ state: 'error', error });
      if (RETRYABLE.has(error.kind)) {
        this.retryTimer = setTimeout(() => this.requestSave(), this.retryMs);
      }
    } finally {
      this.writing = null;
    }
  }

  private async keepPeriodicRevision(report: Report): Promise<void> {
    const now = this.now();
    if (now - this.lastRevisionAt < this.revisionEveryMs) return;
    this.lastRevisionAt = now;
    try {
      await this.repository.addRevision(this.draftId, report, 'auto');
    } catch {
      // The draft itself is saved; a missed revision is retried at the next interval.
      this.lastRevisionAt = Number.NEGATIVE_INFINITY;
    }
  }

  /**
   * Writes now whatever is pending; resolves when storage has everything this page knows, with
   * true, or false when a write failed (the status says why). Never rejects.
   */
  async flush(): Promise<boolean> {
    this.requestSave();
    await this.queue;
    return this.pending === null;
  }

  /**
   * The page is being hidden or left: rescue what is not yet stored (synchronously), then flush.
   * Safe to call any time; does nothing when storage has everything.
   */
  saveForExit(): Promise<boolean> {
    const unsaved = this.pending ?? this.writing;
    // The write under way stores version + 1; newer pending content is stored by the one after it.
    const coveredAt = this.currentVersion + (this.pending && this.writing ? 2 : 1);
    if (unsaved) this.repository.rescue(this.draftId, unsaved, coveredAt);
    return this.flush();
  }

  /**
   * Keeps `report` (the state just before a risky operation) as a revision. Call it before
   * applying the operation; no need to wait. Resolves true when kept (or equal to the latest).
   */
  checkpoint(report: Report, reason: RevisionReason): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return this.enqueue(async () => {
      try {
        await this.repository.addRevision(this.draftId, report, reason);
        return true;
      } catch {
        return false;
      }
    });
  }

  listRevisions(): Promise<RevisionMeta[]> {
    return this.repository.listRevisions(this.draftId);
  }

  getRevision(id: number): Promise<Revision | undefined> {
    return this.repository.getRevision(id);
  }

  /** Saves what is pending, then restores the revision; resolves with the report to load. */
  restoreRevision(id: number): Promise<Report> {
    clearTimeout(this.timer);
    return this.enqueue(async () => {
      if (this.pending) await this.saveNow();
      if (this.currentStatus.state === 'error') throw this.currentStatus.error;
      const restored = await this.repository.restoreRevision(this.draftId, id, this.currentVersion);
      this.currentVersion = restored.version;
      this.setStatus({ state: 'saved', at: this.now() });
      this.onSaved?.({ version: restored.version, summary: restored.summary, report: restored.report });
      return restored.report;
    });
  }

  /**
   * Flushes when the page is hidden or left (pagehide, visibilitychange → hidden), and asks before
   * leaving while changes could not be saved. Returns the function that detaches the listeners.
   */
  attachPageLifecycle(
    win: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = globalThis,
    doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> = globalThis.document,
  ): () => void {
    const onPageHide = () => void this.saveForExit();
    const onVisibility = () => {
      if (doc.visibilityState === 'hidden') void this.saveForExit();
    };
    const onBeforeUnload = (event: Event) => {
      if (this.pending && this.currentStatus.state === 'error') {
        event.preventDefault();
        (event as BeforeUnloadEvent).returnValue = '';
      }
    };
    win.addEventListener('pagehide', onPageHide);
    win.addEventListener('beforeunload', onBeforeUnload);
    doc.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('beforeunload', onBeforeUnload);
      doc.removeEventListener('visibilitychange', onVisibility);
    };
  }

  /** Flushes, then stops: no more timers, no more writes. */
  async dispose(): Promise<boolean> {
    const saved = await this.flush();
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    return saved;
  }
}
