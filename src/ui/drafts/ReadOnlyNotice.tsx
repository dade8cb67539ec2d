import type { TabLockState } from '../../storage/tab-lock.ts';

export interface ReadOnlyNoticeProps {
  state: TabLockState;
  /** Makes this tab the editor of the draft (the other tab turns read-only). */
  onTakeOver: () => void;
  busy?: boolean;
}

/** Shown while another tab edits the same draft: this one is read-only and follows it live. */
export function ReadOnlyNotice({ state, onTakeOver, busy = false }: ReadOnlyNoticeProps) {
  if (state !== 'read-only') return null;
  return (
    <div class="read-only-notice" role="status">
      <p>
        这份草稿正在另一个标签页中编辑。本页为只读，会随另一个标签页的保存自动更新；如需在本页编辑，请点击“在本页编辑”（另一个标签页会先保存并改为只读）。
      </p>
      <button type="button" class="primary" onClick={onTakeOver} disabled={busy}>
        在本页编辑
      </button>
    </div>
  );
}
