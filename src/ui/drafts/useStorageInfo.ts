import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  defaultStorageManager,
  readStorageInfo,
  requestPersistence,
  type StorageInfo,
  type StorageManagerLike,
} from '../../storage/persistence.ts';

/** What navigator.storage says, read on mount and on refresh; requestPersist asks and re-reads. */
export function useStorageInfo(storage: StorageManagerLike | null = defaultStorageManager()) {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const refresh = useCallback(async () => setInfo(await readStorageInfo(storage)), [storage]);
  const requestPersist = useCallback(async () => {
    await requestPersistence(storage);
    await refresh();
  }, [storage, refresh]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { info, refresh, requestPersist };
}
