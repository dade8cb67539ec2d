import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import type { DraftRepository } from '../../storage/repository.ts';
import { YearOnYearView } from '../compare/YearOnYearView.tsx';
import { HistoryPanel } from '../drafts/HistoryPanel.tsx';
import { NextYearOffer } from '../drafts/NextYearOffer.tsx';
import { ReadOnlyNotice } from '../drafts/ReadOnlyNotice.tsx';
import { StorageBanner } from '../drafts/StorageBanner.tsx';
import { useDraftSession } from '../drafts/useDraftSession.ts';
import { Editor } from '../editor/Editor.tsx';
import type { Editor as EditorState } from '../editor/useEditor.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { prewarmPdfWorker } from '../export/usePdfExport.ts';
import type { DraftFiles } from '../files/useDraftFiles.tsx';
import { fieldDomId, focusFinding } from '../findings-index.ts';
import { type DraftPanel, DraftToolbar } from './DraftToolbar.tsx';
import { Sheet } from './Sheet.tsx';
import { useStickyBar } from './useStickyBar.ts';

/** What the app needs from the open draft's session, outside this screen. */
export interface SessionHandle {
  change(report: Report): void;
  /** Writes pending changes now (before a file is opened over this draft). */
  flush(): Promise<unknown>;
}

export interface DraftScreenProps {
  repository: DraftRepository;
  draftId: string;
  editor: EditorState;
  files: DraftFiles;
  /** The session of this screen, for the app's editor and file opening; null when it goes. */
  onSession(handle: SessionHandle | null): void;
  /** The draft is loaded (true) or not (false): saving to a file makes sense only when loaded. */
  onReady(ready: boolean): void;
  /** Read-only because another tab edits this draft. */
  onReadOnly(readOnly: boolean): void;
  onHome(): void;
  /** Opens another draft (the one made by 新建下一年度, or the one that already exists). */
  onOpenDraft(id: string): void;
  /** This draft was just made by 导入往年报告: say what to do next. */
  imported?: boolean;
}

/** Long enough for the editor's first paint and the clerk's first keystrokes to come first. */
const PREWARM_AFTER_MS = 2000;

const RESCUE_MESSAGES = {
  applied: '上次关闭页面时还没来得及保存的内容已经恢复。',
  'kept-as-revision':
    '上次关闭页面时未保存的内容与之后的修改不一致，已保留为一个历史版本，可在“历史版本”中查看。',
} as const;

/** One open draft: the editor, its autosave and lock (useDraftSession), and the panels around it. */
export function DraftScreen(props: DraftScreenProps) {
  const { repository, draftId, editor, files } = props;
  const session = useDraftSession({ repository, draftId, onLoad: editor.load });
  const [panel, setPanel] = useState<DraftPanel>(null);
  const [restored, setRestored] = useState(false);
  const latest = useRef(props);
  latest.current = props;
  const sticky = useRef<HTMLDivElement>(null);
  useStickyBar(sticky, session.phase === 'ready', session.phase);
  // 新建 (or any draft without 机关名称): the cursor starts where the report starts.
  const focusedOnce = useRef(false);
  useLayoutEffect(() => {
    if (session.phase !== 'ready' || focusedOnce.current) return;
    focusedOnce.current = true;
    if (!editor.report.agency.trim() && !session.readOnly)
      document.getElementById(fieldDomId('agency'))?.focus();
  }, [session.phase]);

  useEffect(() => {
    const { change, controller } = session;
    latest.current.onSession({ change, flush: async () => controller?.flush() });
  }, [session.change, session.controller]);
  useEffect(() => () => latest.current.onSession(null), []);
  useEffect(() => {
    latest.current.onReady(session.phase === 'ready');
    return () => latest.current.onReady(false);
  }, [session.phase]);
  useEffect(() => latest.current.onReadOnly(session.readOnly), [session.readOnly]);
  // Once a draft is on screen and the page is idle, get the PDF worker ready for the first export.
  useEffect(() => {
    if (session.phase !== 'ready') return;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(prewarmPdfWorker, { timeout: 5000 });
      else prewarmPdfWorker();
    }, PREWARM_AFTER_MS);
    return () => clearTimeout(timer);
  }, [session.phase]);

  if (session.phase === 'loading') {
    return (
      <p class="screen-message" role="status">
        正在打开草稿…
      </p>
    );
  }
  if (session.phase !== 'ready') {
    return (
      <div class="screen-message" role="alert">
        <p>
          {session.phase === 'missing'
            ? '找不到这份草稿：它可能已在另一个标签页中被永久删除。'
            : `无法打开这份草稿：${session.error?.message ?? ''}`}
        </p>
        <button type="button" class="primary" onClick={props.onHome}>
          返回草稿列表
        </button>
      </div>
    );
  }

  const status = session.status;
  // The PDF prints when the content with its fingerprint was saved: save pending edits, then ask storage.
  const savedAt = async () => {
    await session.controller?.flush();
    const stored = await repository.get(draftId).catch(() => undefined);
    return new Date(stored?.summary.savedAt ?? Date.now());
  };
  return (
    <>
      {/* Sticky together: a failed save's banner stays in view under the toolbar while typing. */}
      <div class="draft-sticky" ref={sticky}>
        <DraftToolbar
          editor={editor}
          findings={editor.findings}
          status={status}
          fileStatus={files.statusOf(editor.report)}
          readOnly={session.readOnly}
          panel={panel}
          onPanel={setPanel}
          onSave={() => void files.save()}
          onSaveAs={() => void files.saveAs()}
          fileBusy={files.busy}
          memoryOnly={repository.kind === 'memory'}
        />
        {status.state === 'error' && status.error.kind !== 'conflict' ? (
          <StorageBanner problem={status.error} onSaveFile={() => void files.save()} />
        ) : null}
      </div>
      <ReadOnlyNotice state={session.lockState} onTakeOver={() => void session.takeOver()} />
      {session.rescued !== 'none' ? (
        <p class="screen-notice" role="status">
          {RESCUE_MESSAGES[session.rescued]}
        </p>
      ) : null}
      {restored ? (
        <p class="screen-notice" role="status">
          已恢复所选的历史版本；恢复前的内容已保留为一个历史版本。
        </p>
      ) : null}
      {session.readOnly ? null : (
        <NextYearOffer
          report={editor.report}
          repository={repository}
          imported={props.imported ?? false}
          onOpen={props.onOpenDraft}
        />
      )}
      {panel === 'history' && session.controller ? (
        <Sheet label="历史版本" wide onEscape={() => setPanel(null)}>
          <HistoryPanel
            source={session.controller}
            current={editor.report}
            readOnly={session.readOnly}
            onRestored={(report) => {
              editor.load(report);
              setRestored(true);
            }}
            onClose={() => setPanel(null)}
          />
        </Sheet>
      ) : null}
      {panel === 'history' && !session.controller ? (
        <Sheet label="历史版本" onEscape={() => setPanel(null)}>
          <div class="sheet-message">
            <h2>历史版本</h2>
            <p role="status">本页为只读，历史版本请在正在编辑的标签页中查看。</p>
            <button type="button" onClick={() => setPanel(null)}>
              关闭
            </button>
          </div>
        </Sheet>
      ) : null}
      {panel === 'compare' ? (
        <Sheet label="同比" wide>
          <YearOnYearView
            report={editor.report}
            onClose={() => setPanel(null)}
            onGoToCell={(cell) => {
              setPanel(null);
              // After the view closed and the grid is laid out again.
              requestAnimationFrame(() => focusFinding({ cells: [cell], fields: [] }));
            }}
          />
        </Sheet>
      ) : null}
      {panel === 'export' || panel === 'print' ? (
        <Sheet label={panel === 'print' ? '打印报告' : '导出'} innerDialog>
          <ExportDialog
            key={panel}
            report={editor.report}
            findings={editor.findings}
            savedAt={savedAt}
            intent={panel === 'print' ? 'print' : 'download'}
            onClose={() => setPanel(null)}
          />
        </Sheet>
      ) : null}
      <Editor
        editor={editor}
        readOnly={session.readOnly}
        onRiskyEdit={(kind) => session.checkpoint(editor.report, kind)}
      />
    </>
  );
}
