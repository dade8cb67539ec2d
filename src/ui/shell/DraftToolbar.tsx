import type { Finding } from '../../report/rules.ts';
import type { SaveStatus as Status } from '../../storage/autosave.ts';
import { SaveStatus } from '../drafts/SaveStatus.tsx';
import { reviewCounts } from '../editor/FindingsPanel.tsx';
import type { Editor } from '../editor/useEditor.ts';
import { ReviewBadge } from '../ReviewBadge.tsx';

export type DraftPanel = 'history' | 'compare' | 'export' | 'print' | null;

export interface DraftToolbarProps {
  editor: Editor;
  findings: readonly Finding[];
  status: Status;
  /** 「已保存到 x」 / 「x（有未保存的改动）」 / 「未保存到文件」. */
  fileStatus: string;
  readOnly: boolean;
  panel: DraftPanel;
  onPanel(panel: DraftPanel): void;
  onSave(): void;
  onSaveAs(): void;
  fileBusy: boolean;
  /** Drafts live only in memory (IndexedDB refused): 已保存 would mislead. */
  memoryOnly: boolean;
}

/** The editor's bar: 审核 state badge (有错误 / 待确认 / 审核通过), save status, file status, and every action on the open draft. */
export function DraftToolbar(p: DraftToolbarProps) {
  const toggle = (panel: Exclude<DraftPanel, null>) => p.onPanel(p.panel === panel ? null : panel);
  const pressed = (panel: DraftPanel) => p.panel === panel;
  return (
    <div class="draft-toolbar">
      <ReviewBadge counts={reviewCounts(p.editor.review)} live />
      {p.memoryOnly && p.status.state !== 'error' ? (
        <span class="save-status save-status-memory" role="status">
          只在内存中（未存入浏览器，关闭页面即丢失）
        </span>
      ) : (
        <SaveStatus status={p.status} />
      )}
      <span class="file-status" title={p.fileStatus}>
        {p.fileStatus}
      </span>
      <nav class="actions" aria-label="草稿操作">
        <button
          type="button"
          onClick={p.editor.undo}
          disabled={!p.editor.canUndo || p.readOnly}
          title="Ctrl+Z"
        >
          撤销
        </button>
        <button
          type="button"
          onClick={p.editor.redo}
          disabled={!p.editor.canRedo || p.readOnly}
          title="Ctrl+Y"
        >
          重做
        </button>
        <button type="button" onClick={p.onSave} disabled={p.fileBusy} title="Ctrl+S">
          保存到文件
        </button>
        <button type="button" onClick={p.onSaveAs} disabled={p.fileBusy} title="Ctrl+Shift+S">
          另存为
        </button>
        <button
          type="button"
          aria-pressed={pressed('export')}
          onClick={() => toggle('export')}
          title="导出 PDF、Word 或网页（发布到网站）"
        >
          导出
        </button>
        <button
          type="button"
          aria-pressed={pressed('print')}
          onClick={() => toggle('print')}
          title="生成 PDF 并在新标签页中打开，用浏览器打印"
        >
          打印
        </button>
        <button type="button" aria-pressed={pressed('history')} onClick={() => toggle('history')}>
          历史版本
        </button>
        <button type="button" aria-pressed={pressed('compare')} onClick={() => toggle('compare')}>
          同比
        </button>
      </nav>
    </div>
  );
}
