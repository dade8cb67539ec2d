import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ApprovalSheetPlace } from '../../export/docx/export.ts';
import { draftMarking } from '../../export/draft-marking.ts';
import type { Report } from '../../report/document.ts';
import { withTotals } from '../../report/totals.ts';
import { formatBytes } from '../../storage/persistence.ts';
import { downloadFile, exportFileName } from './export-files.ts';
import { useDocxExport } from './useDocxExport.ts';

export interface DocxPanelProps {
  report: Report;
  savedAt: () => Promise<Date>;
  approval: ApprovalSheetPlace;
  onBusy(busy: boolean): void;
  onClose(): void;
  /** Test seam: loads the worker to export with. */
  loadWorker?: () => Promise<() => Worker>;
}

/** 导出Word: generate in the worker, then download; the same 草稿 rule as the PDF. */
export function DocxPanel({ report, savedAt, approval, onBusy, onClose, loadWorker }: DocxPanelProps) {
  const { state, start, reset } = useDocxExport(loadWorker);
  const draft = useMemo(() => draftMarking(withTotals(report)), [report]);
  const name = exportFileName(report, draft !== null, 'docx');
  const working = state.phase === 'exporting';
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => onBusy(working), [working, onBusy]);
  // The finished file is downloaded once.
  const delivered = useRef<Uint8Array | null>(null);
  useEffect(() => {
    if (state.phase !== 'done' || delivered.current === state.docx) return;
    delivered.current = state.docx;
    downloadFile(state.docx, name, 'docx');
  }, [state, name]);

  return (
    <>
      <p>
        Word 文件（.docx）用于公文流转和修改：A4，页边距和字体与 PDF
        相同（标题方正小标宋简体，一级标题黑体，正文仿宋_GB2312），
        三张表格带合并表头，跨页时自动重复表头，页脚页码“— 1 —”。
        {draft ? `这是草稿：每页页眉写明“${draft.short}”并带水印。` : ''}
      </p>
      <div class="export-progress" role="status" aria-live="polite">
        {working ? '正在生成 Word 文件（首次导出需加载导出组件）…' : null}
        {state.phase === 'done' ? (
          <span>
            已生成「{name}」（{formatBytes(state.docx.byteLength)}，文件指纹 {state.fingerprint}
            ），已开始下载。
          </span>
        ) : null}
      </div>
      {state.phase === 'failed' ? (
        <p class="export-failed" role="alert">
          {state.message}
        </p>
      ) : null}
      <div class="export-buttons">
        {state.phase === 'done' ? (
          <>
            <button type="button" onClick={() => downloadFile(state.docx, name, 'docx')}>
              再次下载
            </button>
            <button type="button" onClick={reset}>
              重新生成
            </button>
          </>
        ) : (
          <button
            type="button"
            class="primary"
            ref={first}
            disabled={working}
            onClick={async () => start(report, await savedAt(), approval)}
          >
            生成并下载
          </button>
        )}
        <button type="button" onClick={onClose} disabled={working}>
          关闭
        </button>
      </div>
    </>
  );
}
