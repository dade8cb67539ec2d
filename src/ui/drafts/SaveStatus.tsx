import { formatSaveStatus, type SaveStatus as Status } from '../../storage/autosave.ts';

/** The status line: 正在保存… / 已保存 HH:MM:SS / 保存失败（原因）. Announced politely to screen readers. */
export function SaveStatus({ status }: { status: Status }) {
  const text = formatSaveStatus(status);
  return (
    <span
      class={`save-status save-status-${status.state}`}
      role="status"
      aria-live="polite"
      title={status.state === 'error' ? status.error.message : undefined}
    >
      {text}
    </span>
  );
}
