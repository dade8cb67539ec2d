import { applyUpdate, type OfflineCacheStatus, startOfflineCache } from '../../platform/offline-cache.ts';
import { useOfflineCache } from './useOfflineCache.ts';
import './about.css';

export interface UpdateNoticeProps {
  /** Test seam: how the offline cache starts (default: registers dist/sw.js on http(s)). */
  start?: () => Promise<OfflineCacheStatus>;
  /** Test seam: what the button does (default: switch to the waiting version and reload). */
  onUpdate?: () => void;
}

/**
 * Mount once, anywhere in the shell: it registers the intranet build's offline cache and, when a new
 * version has been downloaded, asks the clerk to switch — never switching under their hands.
 */
export function UpdateNotice({ start = startOfflineCache, onUpdate = applyUpdate }: UpdateNoticeProps) {
  const status = useOfflineCache(start);
  if (status !== 'update-waiting') return null;
  return (
    <div class="update-notice" role="status">
      <span>本工具有新版本可用。草稿已自动保存，刷新不会丢失内容。</span>
      <button type="button" class="primary" onClick={onUpdate}>
        刷新以使用新版本
      </button>
    </div>
  );
}
