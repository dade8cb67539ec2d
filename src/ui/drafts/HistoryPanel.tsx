import { useCallback, useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import { formatClock, type RevisionSource } from '../../storage/autosave.ts';
import { StorageError, toStorageError } from '../../storage/errors.ts';
import { REVISION_REASON_LABELS, type Revision, type RevisionMeta } from '../../storage/repository.ts';
import { ConfirmButtons } from './ConfirmButtons.tsx';
import { formatDateTime } from './draft-filter.ts';
import { RevisionDiff } from './RevisionDiff.tsx';
import { diffReports } from './report-diff.ts';

export interface HistoryPanelProps {
  /** The draft's revisions (the AutosaveController is one). */
  source: RevisionSource;
  /** The report on screen, to show what a revision changes. */
  current: Report;
  /** Called with the restored report: load it into the editor. */
  onRestored: (report: Report) => void;
  /** A read-only tab may look but not restore. */
  readOnly?: boolean;
  onClose?: () => void;
}

const when = (at: number) => `${formatDateTime(at).slice(0, 10)} ${formatClock(at)}`;

/** 历史版本: the kept revisions, a read-only preview of what each changes, and restoring one. */
export function HistoryPanel({ source, current, onRestored, readOnly = false, onClose }: HistoryPanelProps) {
  const [revisions, setRevisions] = useState<RevisionMeta[] | null>(null);
  const [preview, setPreview] = useState<Revision | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { title: useId(), preview: useId() };

  const load = useCallback(async () => {
    try {
      setRevisions(await source.listRevisions());
    } catch (caught) {
      setError(toStorageError(caught, 'unavailable').message);
      setRevisions([]);
    }
  }, [source]);
  useEffect(() => {
    void load();
  }, [load]);

  const diff = useMemo(() => (preview ? diffReports(preview.report, current) : null), [preview, current]);

  const show = async (meta: RevisionMeta) => {
    setConfirming(false);
    setNotice(null);
    setError(null);
    try {
      const revision = await source.getRevision(meta.id);
      if (!revision) throw new StorageError('not-found', `历史版本 ${meta.id}`);
      setPreview(revision);
    } catch (caught) {
      setError(toStorageError(caught, 'unavailable').message);
    }
  };

  const restore = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const report = await source.restoreRevision(preview.meta.id);
      onRestored(report);
      setNotice(`已恢复到 ${when(preview.meta.at)} 的版本；恢复前的内容已保留为历史版本。`);
      setPreview(null);
      setConfirming(false);
      await load();
    } catch (caught) {
      setError(toStorageError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="history-panel" aria-labelledby={ids.title}>
      <header class="history-head">
        <h2 id={ids.title}>历史版本</h2>
        {onClose && (
          <button type="button" onClick={onClose}>
            关闭
          </button>
        )}
      </header>
      <p class="history-intro">
        编辑时至少每 5
        分钟自动保留一个版本；整块粘贴、导入、恢复历史版本、切换手工/自动合计之前也会各保留一个。较早的版本会逐步精简。
      </p>
      {error && (
        <p class="history-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="history-notice" role="status">
          {notice}
        </p>
      )}
      {revisions === null ? (
        <p role="status">正在读取历史版本…</p>
      ) : revisions.length === 0 ? (
        <p>还没有历史版本。</p>
      ) : (
        <ol class="history-list">
          {revisions.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                aria-pressed={preview?.meta.id === r.id}
                aria-controls={ids.preview}
                onClick={() => show(r)}
              >
                <span class="history-time">{when(r.at)}</span>
                <span class="history-reason">{REVISION_REASON_LABELS[r.reason]}</span>
                <span class="history-checks">
                  错误 {r.errors} / 提示 {r.hints}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div id={ids.preview} class="history-preview">
        {preview && diff && (
          <section aria-label={`预览 ${when(preview.meta.at)} 的版本（只读）`}>
            <h3>
              预览：{when(preview.meta.at)}（{REVISION_REASON_LABELS[preview.meta.reason]}，只读）
            </h3>
            <RevisionDiff diff={diff} />
            {!readOnly &&
              (confirming ? (
                <div class="history-confirm">
                  <p>恢复后，当前内容会先保留为一个历史版本，之后仍可恢复回来。</p>
                  <ConfirmButtons disabled={busy} onConfirm={restore} onCancel={() => setConfirming(false)}>
                    确认恢复此版本
                  </ConfirmButtons>
                </div>
              ) : (
                <button
                  type="button"
                  class="primary"
                  onClick={() => setConfirming(true)}
                  disabled={diff.count === 0}
                >
                  恢复此版本
                </button>
              ))}
          </section>
        )}
      </div>
    </section>
  );
}
