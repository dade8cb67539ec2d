import { SAVE_FILE_ACTION, type StorageError } from '../../storage/errors.ts';

export interface StorageBannerProps {
  /** The storage problem to show; nothing is rendered when null. */
  problem: StorageError | null;
  /** Saves the report on screen to a file (the lead's file action). */
  onSaveFile?: () => void;
  /** Tries storage again (e.g. reopen after closing other tabs). */
  onRetry?: () => void;
}

/** The red banner: what happened to browser storage, and to save to a file now. */
export function StorageBanner({ problem, onSaveFile, onRetry }: StorageBannerProps) {
  if (!problem) return null;
  return (
    <div class="storage-banner" role="alert">
      <p class="storage-banner-message">
        <strong>浏览器存储出现问题：</strong>
        {problem.message}
      </p>
      <div class="storage-banner-actions">
        {onSaveFile && (
          <button type="button" class="primary" onClick={onSaveFile}>
            {SAVE_FILE_ACTION}
          </button>
        )}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            重试
          </button>
        )}
      </div>
    </div>
  );
}
