import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import { nextYearReport } from '../../report/next-year.ts';
import { StorageError, toStorageError } from '../../storage/errors.ts';
import type { DraftRepository, DraftSummary } from '../../storage/repository.ts';
import { onClosingSave } from './closing-saves.ts';

export interface DraftListModel {
  drafts: DraftSummary[];
  trash: DraftSummary[];
  loading: boolean;
  error: string | null;
  refresh: () => Promise<void>;
  /** Creates a draft (blank without a report); resolves with its id, or null when it failed. */
  create: (report?: Report) => Promise<string | null>;
  /** 新建下一年度 from a draft; resolves with the new draft's id, or null. */
  nextYear: (id: string) => Promise<string | null>;
  rename: (id: string, name: string) => Promise<void>;
  duplicate: (id: string) => Promise<void>;
  trashDraft: (id: string) => Promise<void>;
  restore: (id: string) => Promise<void>;
  deleteForever: (id: string) => Promise<void>;
  emptyTrash: () => Promise<void>;
}

/** The list's data and actions over a repository; every action refreshes the list after. */
export function useDraftList(repository: DraftRepository): DraftListModel {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [trash, setTrash] = useState<DraftSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [live, trashed] = await Promise.all([repository.list(), repository.listTrash()]);
      setDrafts(live);
      setTrash(trashed);
    } catch (caught) {
      setError(toStorageError(caught, 'unavailable').message);
    } finally {
      setLoading(false);
    }
  }, [repository]);

  useEffect(() => {
    void refresh();
    // A draft just closed may still be saving its last keystrokes: read the list again after.
    return onClosingSave(() => void refresh());
  }, [refresh]);

  /** Runs an action; a failure becomes the list's error message instead of a rejection. */
  const act = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | null> => {
      setError(null);
      try {
        return await action();
      } catch (caught) {
        setError(toStorageError(caught).message);
        return null;
      } finally {
        await refresh();
      }
    },
    [refresh],
  );

  return {
    drafts,
    trash,
    loading,
    error,
    refresh,
    create: (report) => act(async () => (await repository.create(report)).summary.id),
    nextYear: (id) =>
      act(async () => {
        const last = await repository.get(id);
        if (!last) throw new StorageError('not-found', id);
        return (await repository.create(nextYearReport(last.report))).summary.id;
      }),
    rename: async (id, name) => void (await act(() => repository.rename(id, name))),
    duplicate: async (id) => void (await act(() => repository.duplicate(id))),
    trashDraft: async (id) => void (await act(() => repository.trash(id))),
    restore: async (id) => void (await act(() => repository.restoreFromTrash(id))),
    deleteForever: async (id) => void (await act(() => repository.deleteForever(id))),
    emptyTrash: async () => void (await act(() => repository.emptyTrash())),
  };
}
