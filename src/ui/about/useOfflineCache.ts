import { useEffect, useState } from 'preact/hooks';
import {
  type OfflineCacheStatus,
  offlineCacheStatus,
  onOfflineCacheStatus,
  startOfflineCache,
} from '../../platform/offline-cache.ts';

/** The offline cache's status, starting the registration on first use (once per page). */
export function useOfflineCache(start: () => Promise<OfflineCacheStatus> = startOfflineCache) {
  const [status, setStatus] = useState<OfflineCacheStatus | null>(offlineCacheStatus());
  useEffect(() => {
    const stop = onOfflineCacheStatus(setStatus);
    void start().then(setStatus);
    return stop;
  }, [start]);
  return status;
}
