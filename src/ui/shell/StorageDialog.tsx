import type { DraftRepository } from '../../storage/repository.ts';
import { StoragePanel } from '../drafts/StoragePanel.tsx';
import { useStorageInfo } from '../drafts/useStorageInfo.ts';

/** 设置/存储: whether storage is persistent, usage and quota, and what to do when it is not. */
export function StorageDialog({ repository, onClose }: { repository: DraftRepository; onClose(): void }) {
  const { info, refresh, requestPersist } = useStorageInfo();
  return (
    <div class="shell-panel">
      <StoragePanel
        info={info}
        backend={repository.kind}
        onRequestPersist={() => void requestPersist()}
        onRefresh={() => void refresh()}
      />
      <button type="button" onClick={onClose}>
        关闭存储设置
      </button>
    </div>
  );
}
