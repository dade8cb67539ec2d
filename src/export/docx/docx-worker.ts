/**
 * The Word export worker: the docx library stays out of the page (it is loaded on the first 导出Word,
 * in the single HTML file from the page's embedded data). Its file name is what the single file's
 * build looks for (scripts/vite/embed-docx-worker-plugin.ts).
 */
import { exportReportDocx } from './export.ts';
import type { DocxWorkerRequest, DocxWorkerResponse } from './worker-protocol.ts';

const reply = (message: DocxWorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.addEventListener('message', (event: MessageEvent<DocxWorkerRequest>) => {
  const { id, report, settings } = event.data;
  exportReportDocx(report, {
    fingerprint: settings.fingerprint,
    savedAt: new Date(settings.savedAt),
    approvalSheet: settings.approvalSheet,
  }).then(
    (docx) => reply({ type: 'done', id, docx }, [docx.buffer]),
    () =>
      reply({
        type: 'error',
        id,
        message: '生成 Word 文件失败：导出程序出错。请刷新页面后再试；草稿已保存，不会丢失。',
      }),
  );
});
