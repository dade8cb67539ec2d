import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import { AutosaveController, type AutosaveOptions, type SaveStatus } from '../../storage/autosave.ts';
import { StorageError, toStorageError } from '../../storage/errors.ts';
import type { DraftRepository, RescueOutcome, RevisionReason } from '../../storage/repository.ts';
import { DraftTabLock, type TabLockOptions, type TabLockState } from '../../storage/tab-lock.ts';
import { afterPaintOnce } from '../after-paint.ts';
import { trackClosingSave } from './closing-saves.ts';

export interface DraftSessionOptions {
  repository: DraftRepository;
  draftId: string;
  /** Puts a report into the editor: on opening, when following another tab, after taking over. */
  onLoad: (report: Report) => void;
  /** Test seams, passed to the tab lock and the autosave controller. */
  lock?: Pick<TabLockOptions, 'locks' | 'openChannel' | 'handOverTimeoutMs' | 'probeMs'>;
  autosave?: Pick<AutosaveOptions, 'debounceMs' | 'maxWaitMs' | 'revisionEveryMs' | 'retryMs'>;
}

export interface DraftSession {
  phase: 'loading' | 'ready' | 'missing' | 'failed';
  /** Why loading failed ('failed'), or null. */
  error: StorageError | null;
  lockState: TabLockState;
  /** 'applied' when content a closed page could not save was recovered into the draft on opening. */
  rescued: RescueOutcome;
  /** True while another tab edits this draft: show ReadOnlyNotice, make the editor read-only. */
  readOnly: boolean;
  status: SaveStatus;
  /** The autosave controller while this tab owns the draft (a RevisionSource for HistoryPanel). */
  controller: AutosaveController | null;
  /** The editor's onChange. Ignored while read-only. */
  change: (report: Report) => void;
  /** Before a risky operation (block paste, import, 合计 switch), with the report as it is now. */
  checkpoint: (report: Report, reason: RevisionReason) => void;
  takeOver: () => Promise<void>;
}

/**
 * One opened draft: the tab lock (owner or read-only), loading the report, autosave while owner,
 * following the owner live while read-only, and taking over. Everything is released on unmount
 * (after a final flush).
 */
export function useDraftSession({
  repository,
  draftId,
  onLoad,
  lock: lockOptions,
  autosave,
}: DraftSessionOptions): DraftSession {
  const [phase, setPhase] = useState<DraftSession['phase']>('loading');
  const [error, setError] = useState<StorageError | null>(null);
  const [lockState, setLockState] = useState<TabLockState>('acquiring');
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  // The first keystroke after a save turns 已保存 into 正在保存…: shown after that keystroke's frame
  // is painted, so that re-rendering the draft screen is not part of the keystroke.
  const shownStatus = useRef(status);
  const showStatus = useMemo(() => afterPaintOnce(() => setStatus(shownStatus.current)), []);
  const [controller, setController] = useState<AutosaveController | null>(null);
  const [rescued, setRescued] = useState<RescueOutcome>('none');
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;
  const controllerRef = useRef<AutosaveController | null>(null);
  const lockRef = useRef<DraftTabLock | null>(null);
  // Options are read once per opened draft: a new object each render must not reopen it.
  const seams = useRef({ lockOptions, autosave });

  useEffect(() => {
    let alive = true;
    let detach: (() => void) | null = null;

    const stopSaving = async () => {
      const current = controllerRef.current;
      controllerRef.current = null;
      detach?.();
      detach = null;
      if (alive) setController(null);
      await current?.dispose();
    };

    /** Reads the draft afresh and shows it; false when it is gone or unreadable. */
    const load = async (): Promise<number | null> => {
      try {
        const opened = await repository.get(draftId);
        if (!alive) return null;
        if (!opened) {
          setPhase('missing');
          return null;
        }
        onLoadRef.current(opened.report);
        setPhase('ready');
        return opened.version;
      } catch (caught) {
        if (!alive) return null;
        setError(toStorageError(caught, 'unavailable'));
        setPhase('failed');
        return null;
      }
    };

    const startSaving = async () => {
      // Owner now: what a page closed mid-save left behind becomes the content before loading.
      try {
        const outcome = await repository.recoverRescued(draftId);
        if (alive) setRescued(outcome);
      } catch {
        // load() below reports a storage that does not work
      }
      const version = await load();
      if (version === null || !alive || lockRef.current?.state !== 'owner') return;
      const next = new AutosaveController({
        ...seams.current.autosave,
        repository,
        draftId,
        version,
        onStatus: (s) => {
          if (!alive) return;
          shownStatus.current = s;
          showStatus.schedule();
        },
        onSaved: (result) => lockRef.current?.announceSaved(result.version),
      });
      controllerRef.current = next;
      detach = globalThis.document ? next.attachPageLifecycle() : null;
      setController(next);
    };

    const lock = new DraftTabLock({
      ...seams.current.lockOptions,
      draftId,
      onState: (state) => {
        if (!alive) return;
        setLockState(state);
        // Became the owner later (the other tab closed, or took over): start from what is stored.
        if (state === 'owner' && !controllerRef.current) void startSaving();
        if (state === 'read-only') void stopSaving();
      },
      onRemoteSaved: () => void load(),
      beforeHandOver: stopSaving,
    });
    lockRef.current = lock;
    void lock.acquire().then((state) => {
      if (alive && state === 'read-only') void load();
    });

    return () => {
      alive = false;
      showStatus.cancel();
      const closing = stopSaving().finally(() => lock.release());
      trackClosingSave(closing);
    };
  }, [repository, draftId, showStatus]);

  const change = useCallback((report: Report) => controllerRef.current?.change(report), []);
  const checkpoint = useCallback((report: Report, reason: RevisionReason) => {
    void controllerRef.current?.checkpoint(report, reason);
  }, []);
  const takeOver = useCallback(async () => {
    await lockRef.current?.takeOver();
  }, []);

  return {
    phase,
    error: error ?? (phase === 'missing' ? new StorageError('not-found', draftId) : null),
    lockState,
    rescued,
    readOnly: lockState === 'read-only',
    status,
    controller,
    change,
    checkpoint,
    takeOver,
  };
}
