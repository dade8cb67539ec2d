import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApprovalSheetPlace } from '../../export/docx/export.ts';
import {
  createDocxWorkerClient,
  DocxExportError,
  type DocxWorkerClient,
} from '../../export/docx/worker-client.ts';
import type { Report } from '../../report/document.ts';
import { loadDocxWorker } from './create-docx-worker.ts';
import { pdfFingerprint } from './usePdfExport.ts';

export type DocxExportState =
  | { phase: 'idle' }
  | { phase: 'exporting' }
  | { phase: 'done'; docx: Uint8Array; fingerprint: string }
  | { phase: 'failed'; message: string };

/** The app's one Word worker, started on the first 导出Word and kept for the next. */
const appClient: { client: DocxWorkerClient | null } = { client: null };

/**
 * 导出Word through the worker (the docx library never loads into the page). `loadWorker` (tests)
 * gives the dialog a worker of its own.
 */
export function useDocxExport(loadWorker?: () => Promise<() => Worker>) {
  const [state, setState] = useState<DocxExportState>({ phase: 'idle' });
  const own = useRef<{ client: DocxWorkerClient | null }>({ client: null });
  const holder = loadWorker ? own.current : appClient;
  const run = useRef(0);

  useEffect(() => () => own.current.client?.terminate(), []);

  const start = useCallback(
    async (report: Report, savedAt: Date, approvalSheet: ApprovalSheetPlace) => {
      const id = ++run.current;
      const alive = () => id === run.current;
      setState({ phase: 'exporting' });
      try {
        holder.client ??= createDocxWorkerClient(loadWorker ?? loadDocxWorker);
        const fingerprint = await pdfFingerprint(report);
        const docx = await holder.client.exportDocx(report, {
          fingerprint,
          savedAt: savedAt.getTime(),
          approvalSheet,
        });
        if (alive()) setState({ phase: 'done', docx, fingerprint });
      } catch (error) {
        if (!alive()) return;
        holder.client?.terminate();
        holder.client = null;
        setState({
          phase: 'failed',
          message:
            error instanceof DocxExportError
              ? error.message
              : '生成 Word 文件失败：浏览器未能运行导出程序。请刷新页面后再试；草稿已保存，不会丢失。',
        });
      }
    },
    [loadWorker, holder],
  );

  const reset = useCallback(() => {
    run.current++;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}
