/**
 * The draft repository: the one contract between the app and wherever drafts live. Two
 * implementations keep it: IndexedDB (idb-repository.ts) and memory (memory-repository.ts), used
 * when IndexedDB fails so the app keeps working. openDraftRepository picks one.
 *
 * Terms:
 * - A draft is one report being filled in; its id is the report's id.
 * - `version` counts saves of the report's content (save, restoreRevision). It is the conflict
 *   check: save() names the version it started from and fails with 'conflict' if another tab saved
 *   since. Renaming and trashing do not change it, so they never break an open editor's autosave.
 * - `name` is a label for the list only. By default it is 机关名称＋年度 (it follows the report);
 *   rename() sets a custom label without touching the report's 机关名称; renaming to '' goes back
 *   to the default.
 * - `savedAt` is when the content was last saved (the list sorts by it); renaming does not change it.
 * - Trash: trash() hides a draft from list() and shows it in listTrash(); nothing leaves the trash
 *   except by restoreFromTrash() or by the clerk's deleteForever()/emptyTrash().
 */
import type { Report } from '../report/document.ts';
import type { ReviewState } from '../report/review-state.ts';
import { type OpenDraftDbOptions, openDraftDb } from './db.ts';
import { type StorageError, toStorageError } from './errors.ts';
import { IdbDraftRepository } from './idb-repository.ts';
import { MemoryDraftRepository } from './memory-repository.ts';
import { openRescueDb } from './rescue-db.ts';

export interface DraftSummary {
  id: string;
  /** Label shown in the list: the custom name, or 机关名称＋年度. */
  name: string;
  /** Custom label set by rename(), null when the default applies. */
  customName: string | null;
  agency: string;
  year: number | null;
  createdAt: number;
  savedAt: number;
  version: number;
  /** 审核 when the draft was saved (reviewReport): 错误 left, 提示 open, 提示 confirmed, the state. */
  errors: number;
  hints: number;
  confirmed: number;
  state: ReviewState;
  /** Size of the report in bytes (UTF-8 JSON). */
  size: number;
  /** When it was moved to the 回收站; null when not in the trash. */
  trashedAt: number | null;
}

export interface OpenedDraft {
  summary: DraftSummary;
  report: Report;
  version: number;
}

export interface SaveResult {
  version: number;
  summary: DraftSummary;
}

/** Why a revision was kept: automatically while editing, or just before a risky operation. */
export type RevisionReason =
  | 'auto'
  | 'paste'
  | 'import'
  | 'imported'
  | 'restore'
  | 'totals'
  | 'manual'
  | 'rescue'
  | 'fill-zero';

export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  auto: '编辑过程中自动保留',
  paste: '整块粘贴前',
  import: '导入前',
  imported: '导入时的原样',
  restore: '恢复历史版本前',
  totals: '切换手工/自动合计前',
  manual: '手动保留',
  rescue: '关闭页面时未及保存的内容',
  'fill-zero': '空白格填 0 前',
};

/** What recoverRescued did with content a closing page wrote blind. */
export type RescueOutcome = 'none' | 'applied' | 'kept-as-revision';

export interface RevisionMeta {
  id: number;
  draftId: string;
  at: number;
  reason: RevisionReason;
  errors: number;
  hints: number;
  size: number;
  /** Fingerprint of the content: a revision equal to the latest one is not kept twice. */
  digest: string;
}

export interface Revision {
  meta: RevisionMeta;
  report: Report;
}

export interface DraftRepository {
  readonly kind: 'indexeddb' | 'memory';
  /** Stores a new draft (blank when no report is given); a taken id is replaced by a new one. */
  create(report?: Report, options?: { name?: string | null }): Promise<OpenedDraft>;
  /** Drafts not in the trash, most recently saved first. Reads summaries only. */
  list(): Promise<DraftSummary[]>;
  /** Drafts in the trash, most recently trashed first. */
  listTrash(): Promise<DraftSummary[]>;
  get(id: string): Promise<OpenedDraft | undefined>;
  /** Saves the report if the stored version is still `expectedVersion`, else fails with 'conflict'. */
  save(id: string, report: Report, expectedVersion: number): Promise<SaveResult>;
  rename(id: string, name: string): Promise<DraftSummary>;
  /** A copy with a new id (a custom name becomes 「…（副本）」, else it follows its report); revisions are not copied. */
  duplicate(id: string): Promise<DraftSummary>;
  trash(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  /** Deletes a draft in the trash and its revisions; a draft not in the trash is refused. */
  deleteForever(id: string): Promise<void>;
  /** Deletes every draft in the trash; returns how many. */
  emptyTrash(): Promise<number>;
  /** Keeps `report` as a revision of the draft, then thins old ones. null when equal to the latest. */
  addRevision(draftId: string, report: Report, reason: RevisionReason): Promise<RevisionMeta | null>;
  /** Newest first. */
  listRevisions(draftId: string): Promise<RevisionMeta[]>;
  getRevision(revisionId: number): Promise<Revision | undefined>;
  /**
   * Replaces a draft's content in one atomic step, keeping the content it had as a revision labelled
   * `reason` first (opening a file over a draft: 覆盖). No version check: it is the clerk's explicit
   * choice; the version moves on, so an editor still holding the old version gets 'conflict'.
   * The draft leaves the trash if it was there.
   */
  replace(id: string, report: Report, reason: RevisionReason): Promise<OpenedDraft>;
  /** Keeps the current content as a revision ('restore'), then makes the revision the content. */
  restoreRevision(draftId: string, revisionId: number, expectedVersion: number): Promise<OpenedDraft>;
  /**
   * For a page that is closing (pagehide, hidden): writes the unsaved report at once, without
   * reading first and committing immediately, because a read-then-write transaction started while
   * a page closes is often lost (measured in Chromium), while a blind put with commit() is not.
   * No save or other routine write shares its store, so it never waits behind a save under way
   * (a waiting transaction dies with the page). `coveredAt`: the version at which this page's own
   * saves will have stored this content. A later save of this page discards it; otherwise the next
   * owner recovers it with recoverRescued.
   */
  rescue(draftId: string, report: Report, coveredAt: number): void;
  /**
   * Call when this tab has just become the draft's owner, before loading it: content rescued by a
   * page that closed before its saves got it stored becomes the draft's content ('applied'); when
   * the draft has since reached the version that should hold it but differs (someone else saved
   * in between), it is kept as a 'rescue' revision instead.
   */
  recoverRescued(draftId: string): Promise<RescueOutcome>;
  close(): void;
}

export interface OpenRepositoryOptions extends OpenDraftDbOptions {
  now?: () => number;
  /** Called when IndexedDB stops working after it opened (closed by a newer version's upgrade). */
  onProblem?: (problem: StorageError) => void;
}

export interface OpenedRepository {
  repository: DraftRepository;
  /** Why IndexedDB could not be used (the app then runs on the memory repository), else null. */
  problem: StorageError | null;
}

/** Opens the IndexedDB repository, or falls back to memory and says why. Never rejects. */
export async function openDraftRepository(options: OpenRepositoryOptions = {}): Promise<OpenedRepository> {
  // Both at once: start-up waits for the slower one, not for the two in turn.
  const rescueDb = openRescueDb({ factory: options.factory, earlyScope: options.earlyScope });
  try {
    const db = await openDraftDb({
      ...options,
      onClosed: (problem) => {
        options.onClosed?.(problem);
        options.onProblem?.(problem);
      },
    });
    return { repository: new IdbDraftRepository(db, options.now, await rescueDb), problem: null };
  } catch (error) {
    void rescueDb.then((opened) => opened?.close());
    return {
      repository: new MemoryDraftRepository(options.now),
      problem: toStorageError(error, 'unavailable'),
    };
  }
}
