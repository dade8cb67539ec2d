/**
 * Everything about draft files in one hook, for the app to mount: 保存到文件 (Ctrl+S), 另存为
 * (Ctrl+Shift+S), 打开文件 (Ctrl+O, or a file dropped on the window), the questions asked on the way
 * (覆盖 / 另存为新草稿 / 取消; a file edited outside the tool), the messages, the window title with
 * its unsaved mark, and each draft's link to its file. Storage is reached only through `store`.
 */
import type { VNode } from 'preact';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DraftStore, ImportChoice, ImportQuestion } from '../../files/import.ts';
import { importDraftFile } from '../../files/import.ts';
import { fileStatusText, hasUnsavedChanges, linkedFile, windowTitle } from '../../files/title.ts';
import type { Report } from '../../report/document.ts';
import { DropOverlay } from './DropOverlay.tsx';
import type { FileLink } from './file-link.ts';
import { HashMismatchDialog } from './HashMismatchDialog.tsx';
import { type FileNotice, OpenFileMessages } from './OpenFileMessages.tsx';
import { OverwriteDialog } from './OverwriteDialog.tsx';
import { pickDraftFile, readFileBytes } from './open-file.ts';
import { saveDraftToFile } from './save-draft.ts';
import { type Dropped, useFileDrop } from './useFileDrop.ts';
import { useFileShortcuts } from './useFileShortcuts.ts';
import './files.css';

export type OpenedHow = 'added' | 'unchanged' | 'overwritten' | 'copied';

export interface UseDraftFilesOptions {
  /** The report being edited. */
  report: Report;
  /** Where opened files go (an adapter over the draft repository). */
  store: DraftStore;
  /** A file was opened and stored: make it the report being edited. */
  onOpened(report: Report, how: OpenedHow): void;
  /** Set document.title (default true). */
  setTitle?: boolean;
  /** Listen for Ctrl+S / Ctrl+O and for files dropped on the window (default true). */
  listen?: boolean;
  /** False while no draft is on screen (start page, 汇总): 保存到文件 and Ctrl+S do nothing. */
  canSave?: boolean;
  /** Links remembered from before (e.g. kept in IndexedDB by the app). */
  initialLinks?: readonly FileLink[];
  /** A draft was linked to a file (saved, or opened from it): persist it if wanted. */
  onLinkChange?(link: FileLink): void;
}

export interface DraftFiles {
  /** 保存到文件: writes back to the linked file where possible, else asks or downloads. */
  save(): Promise<void>;
  /** 另存为: always asks for a place (or downloads). */
  saveAs(): Promise<void>;
  /** 打开文件: the picker, then the same path as a dropped file. */
  open(): Promise<void>;
  /** Opens a file the app got some other way (an <input type=file>, a drop on a specific element). */
  openFile(file: File, handle?: FileSystemFileHandle | null): Promise<void>;
  /** The current report's file, if any. */
  link: FileLink | null;
  /** The current report differs from its file. */
  dirty: boolean;
  /** 「*name.nianbao.json - 信息公开年报填报工具」 */
  title: string;
  /** For the draft list: 「已保存到 x」 / 「x（有未保存的改动）」 / 「未保存到文件」. */
  statusOf(report: Report): string;
  linkOf(reportId: string): FileLink | null;
  /** A save or an open is under way. */
  busy: boolean;
  /** Messages, dialogs and the drop overlay: render once, anywhere in the app. */
  view: VNode;
}

type Pending = { question: ImportQuestion; answer(choice: ImportChoice): void };

export function useDraftFiles(options: UseDraftFilesOptions): DraftFiles {
  const { report, setTitle = true, listen = true } = options;
  const [links, setLinks] = useState<ReadonlyMap<string, FileLink>>(
    () => new Map((options.initialLinks ?? []).map((l) => [l.reportId, l])),
  );
  const [notice, setNotice] = useState<FileNotice | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const link = links.get(report.id) ?? null;
  const dirty = useMemo(() => hasUnsavedChanges(report, link), [report, link]);
  const title = windowTitle(report, link, dirty);

  // Layout effect: the title follows the very render that changed it.
  useLayoutEffect(() => {
    if (setTitle) document.title = title;
  }, [title, setTitle]);

  const remember = useCallback((next: FileLink) => {
    setLinks((old) => new Map(old).set(next.reportId, next));
    latest.current.onLinkChange?.(next);
  }, []);

  /** One file operation at a time: a second Ctrl+S while the picker is open does nothing. */
  const exclusive = useCallback(async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await work();
    } catch {
      setNotice({
        tone: 'error',
        message: '操作没有完成：出现了意外问题。浏览器中的草稿没有改动，可以再试一次。',
      });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const saveWith = useCallback(
    (saveAs: boolean) =>
      exclusive(async () => {
        if (latest.current.canSave === false) return;
        const current = latest.current.report;
        const outcome = await saveDraftToFile(current, links.get(current.id) ?? null, { saveAs });
        if (outcome.status === 'saved') {
          remember(outcome.link);
          setNotice({ tone: 'info', message: outcome.message });
        } else if (outcome.status === 'failed') setNotice({ tone: 'error', message: outcome.message });
      }),
    [exclusive, links, remember],
  );

  const ask = useCallback(
    (question: ImportQuestion) =>
      new Promise<ImportChoice>((resolve) => {
        setPending({
          question,
          answer: (choice) => {
            setPending(null);
            resolve(choice);
          },
        });
      }),
    [],
  );

  const openFile = useCallback(
    (file: File, handle: FileSystemFileHandle | null = null) =>
      exclusive(async () => {
        const read = await readFileBytes(file);
        if (!read.ok) {
          setNotice({ tone: 'error', message: read.message, details: read.details });
          return;
        }
        const result = await importDraftFile(
          { bytes: read.bytes, name: file.name },
          latest.current.store,
          ask,
        );
        if (result.status === 'rejected') {
          setNotice({ tone: 'error', message: result.message, details: result.details });
        } else if (result.status === 'failed') {
          setNotice({ tone: 'error', message: result.message });
        } else if (result.status === 'cancelled') {
          setNotice({ tone: 'info', message: result.message });
        } else {
          // A copy is a new draft: writing it back to this file would overwrite the other draft's file.
          if (result.mode !== 'copied') remember({ ...linkedFile(result.report, file.name), handle });
          latest.current.onOpened(result.report, result.mode);
          const warnings = result.mode === 'copied' ? [] : result.warnings;
          setNotice({ tone: warnings.length > 0 ? 'warning' : 'info', message: result.message, warnings });
        }
      }),
    [exclusive, ask, remember],
  );

  const open = useCallback(async () => {
    if (busyRef.current) return;
    let picked: Awaited<ReturnType<typeof pickDraftFile>>;
    try {
      picked = await pickDraftFile();
    } catch {
      // Not a cancel (that is null): the browser refused the picker, e.g. Ctrl+O long after the last
      // click, or a policy. Silence would look like a dead button.
      setNotice({
        tone: 'error',
        message: '无法打开文件选择窗口：请点击“打开文件”按钮再试，或把草稿文件拖到本窗口中。',
      });
      return;
    }
    if (picked) await openFile(picked.file, picked.handle);
  }, [openFile]);

  const save = useCallback(() => saveWith(false), [saveWith]);
  const saveAs = useCallback(() => saveWith(true), [saveWith]);

  useFileShortcuts({
    save: () => listen && void save(),
    saveAs: () => listen && void saveAs(),
    open: () => listen && void open(),
  });

  const onDrop = useCallback(
    (dropped: Dropped) => {
      if ('error' in dropped) setNotice({ tone: 'error', message: dropped.error });
      else if (pending || busyRef.current)
        setNotice({ tone: 'error', message: '请先完成当前的文件操作，再拖入文件。' });
      else void openFile(dropped.file, dropped.handle);
    },
    [openFile, pending],
  );
  const { dragging } = useFileDrop(onDrop, listen);

  const statusOf = useCallback(
    (r: Report) => {
      const l = links.get(r.id) ?? null;
      return fileStatusText(l, hasUnsavedChanges(r, l));
    },
    [links],
  );
  const linkOf = useCallback((id: string) => links.get(id) ?? null, [links]);

  const question = pending?.question;
  const view = (
    <>
      <DropOverlay visible={dragging} />
      <OpenFileMessages notice={notice} onDismiss={() => setNotice(null)} />
      {question?.kind === 'conflict' && (
        <OverwriteDialog
          fileName={question.fileName}
          existing={question.existing}
          diff={question.diff}
          onChoose={pending!.answer}
        />
      )}
      {question?.kind === 'hash-mismatch' && (
        <HashMismatchDialog
          fileName={question.fileName}
          diff={question.diff}
          warnings={question.warnings}
          onChoose={pending!.answer}
        />
      )}
    </>
  );

  return { save, saveAs, open, openFile, link, dirty, title, statusOf, linkOf, busy, view };
}
