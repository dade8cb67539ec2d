import { useState } from 'preact/hooks';
import type { DraftSummary } from '../../storage/repository.ts';
import { ConfirmButtons } from './ConfirmButtons.tsx';
import { formatDateTime } from './draft-filter.ts';

export interface TrashTableProps {
  drafts: readonly DraftSummary[];
  onRestore: (id: string) => void;
  onDeleteForever: (id: string) => void;
}

/** The 回收站: restore, or delete for ever after a second click that says what it does. */
export function TrashTable({ drafts, onRestore, onDeleteForever }: TrashTableProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <table class="draft-table">
      <caption class="visually-hidden">回收站中的草稿，共 {drafts.length} 份</caption>
      <thead>
        <tr>
          <th scope="col">名称</th>
          <th scope="col">机关名称</th>
          <th scope="col">年度</th>
          <th scope="col">删除时间</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => (
          <tr key={d.id} data-draft-id={d.id}>
            <th scope="row" class="draft-name">
              {d.name}
            </th>
            <td>{d.agency || '（未填写）'}</td>
            <td>{d.year ?? '（未填写）'}</td>
            <td>{d.trashedAt === null ? '' : formatDateTime(d.trashedAt)}</td>
            <td class="draft-actions">
              <button type="button" aria-label={`恢复：${d.name}`} onClick={() => onRestore(d.id)}>
                恢复
              </button>
              {confirming === d.id ? (
                <ConfirmButtons
                  danger
                  label={`确认永久删除：${d.name}（无法恢复）`}
                  onConfirm={() => {
                    setConfirming(null);
                    onDeleteForever(d.id);
                  }}
                  onCancel={() => setConfirming(null)}
                >
                  确认永久删除
                </ConfirmButtons>
              ) : (
                <button type="button" aria-label={`永久删除：${d.name}`} onClick={() => setConfirming(d.id)}>
                  永久删除
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
