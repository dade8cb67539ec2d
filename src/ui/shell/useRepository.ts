import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StorageError } from '../../storage/errors.ts';
import { type OpenedRepository, openDraftRepository } from '../../storage/repository.ts';

export type OpenRepository = (onProblem: (problem: StorageError) => void) => Promise<OpenedRepository>;

/**
 * How long the app waits for IndexedDB before it runs in memory with the red banner (kind
 * 'timeout': what happened, 重试, and to save to a file). In a fresh profile the first open takes
 * 100–300 ms; an open still unanswered after 5 s is stuck, and a clerk staring at 「正在打开浏览器中
 * 的草稿…」 for 15 s (the storage layer's own limit) may think the tool is broken.
 */
export const STORAGE_WAIT_MS = 5000;

/** An open started before the first render (openRepositoryEarly), for the first useRepository to take. */
let early: {
  opened: Promise<OpenedRepository>;
  listen(onProblem: (problem: StorageError) => void): void;
} | null = null;

/**
 * Starts opening IndexedDB at once, from main.tsx before the first render: the open then overlaps
 * rendering and the reading of the rest of the page (single file: ~6 MB), instead of waiting for them.
 */
export function openRepositoryEarly(): void {
  let listener: ((problem: StorageError) => void) | null = null;
  const missed: StorageError[] = [];
  const opened = openDraftRepository({
    timeoutMs: STORAGE_WAIT_MS,
    onProblem: (problem) => (listener ? listener(problem) : missed.push(problem)),
  });
  early = {
    opened,
    listen(onProblem) {
      listener = onProblem;
      for (const problem of missed.splice(0)) onProblem(problem);
    },
  };
}

const openInBrowser: OpenRepository = (onProblem) => {
  const started = early;
  early = null;
  if (!started) return openDraftRepository({ timeoutMs: STORAGE_WAIT_MS, onProblem });
  started.listen(onProblem);
  return started.opened;
};

/**
 * The draft repository for the whole app: IndexedDB, or memory with the reason when IndexedDB
 * cannot be used. A problem that comes later (the database closed by a newer version in another
 * tab) is reported too. retry() opens it again (after the clerk closed the blocking tab).
 */
export function useRepository(open: OpenRepository = openInBrowser) {
  const [opened, setOpened] = useState<OpenedRepository | null>(null);
  const [laterProblem, setLaterProblem] = useState<StorageError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    void open((problem) => alive && setLaterProblem(problem)).then((result) => {
      if (alive) setOpened(result);
      else result.repository.close();
    });
    return () => {
      alive = false;
    };
  }, [open, attempt]);

  const retry = useCallback(() => {
    setLaterProblem(null);
    setAttempt((n) => n + 1);
  }, []);

  return {
    repository: opened?.repository ?? null,
    problem: laterProblem ?? opened?.problem ?? null,
    retry,
  };
}
