import { useId } from 'preact/hooks';
import { formatBytes, persistenceAdvice, type StorageInfo } from '../../storage/persistence.ts';

export interface StoragePanelProps {
  /** null while loading. */
  info: StorageInfo | null;
  /** Where drafts live now: the browser's storage (IndexedDB), or memory after a storage failure. */
  backend: 'indexeddb' | 'memory';
  onRequestPersist: () => void;
  onRefresh: () => void;
}

function persistedText(info: StorageInfo): string {
  if (!info.supported) return '无法确定（此浏览器不提供存储信息）';
  if (info.persisted === true) return '已开启（浏览器不会自动清除草稿）';
  if (info.persisted === false) return '未开启（空间不足或清理浏览器数据时，草稿可能被清除）';
  return '无法确定';
}

function usageText(info: StorageInfo): string {
  if (info.usage === null) return '无法确定';
  if (info.quota === null || info.quota === 0) return `已用 ${formatBytes(info.usage)}`;
  const percent = (info.usage / info.quota) * 100;
  const shown = percent < 0.1 && info.usage > 0 ? '不到 0.1' : percent.toFixed(1);
  return `已用 ${formatBytes(info.usage)}，可用上限 ${formatBytes(info.quota)}（已用 ${shown}%）`;
}

/** 设置/存储: where drafts are kept, whether the browser promised to keep them, how much is used. */
export function StoragePanel({ info, backend, onRequestPersist, onRefresh }: StoragePanelProps) {
  const titleId = useId();
  const persisted = info?.persisted === true;
  return (
    <section class="storage-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>设置/存储</h2>
      {info === null ? (
        <p role="status">正在读取存储信息…</p>
      ) : (
        <>
          <dl class="storage-facts">
            <dt>草稿保存在</dt>
            <dd>{backend === 'indexeddb' ? '本浏览器中（浏览器存储）' : '仅内存（关闭页面即丢失）'}</dd>
            <dt>持久存储</dt>
            <dd>{persistedText(info)}</dd>
            <dt>存储用量</dt>
            <dd>{usageText(info)}</dd>
          </dl>
          <p
            class={persisted && backend === 'indexeddb' ? 'storage-advice' : 'storage-advice storage-warning'}
          >
            {persistenceAdvice(info, backend)}
          </p>
        </>
      )}
      <div class="storage-actions">
        {info?.supported && !persisted && backend === 'indexeddb' && (
          <button type="button" onClick={onRequestPersist}>
            申请持久存储
          </button>
        )}
        <button type="button" onClick={onRefresh}>
          刷新
        </button>
      </div>
    </section>
  );
}
