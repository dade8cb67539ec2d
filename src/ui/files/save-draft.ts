/**
 * 保存到文件. Where the browser has the File System Access API, the first save asks for a place and
 * later saves write back to the same file; elsewhere the file is downloaded under
 * 机关名称-年度-年报草稿-日期.nianbao.json. browser-fs-access picks the way.
 */
import { fileSave } from 'browser-fs-access';
import { FILE_MIME } from '../../files/format.ts';
import { draftFileName, serializeDraft } from '../../files/serialize.ts';
import type { Report } from '../../report/document.ts';
import type { FileLink } from './file-link.ts';

export type SaveOutcome =
  | { status: 'saved'; link: FileLink; message: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/** Shared with the open picker: the browser remembers the last folder per id. */
export const PICKER_ID = 'nianbao-drafts';
export const PICKER_TYPES = {
  description: '年报草稿文件（.nianbao.json）',
  // '.json', not '.nianbao.json': older Chromium refuses multi-dot extensions in picker types; the
  // suggested name still ends in .nianbao.json.
  extensions: ['.json'],
  mimeTypes: [FILE_MIME],
};

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

export async function saveDraftToFile(
  report: Report,
  linked: FileLink | null,
  options: { saveAs?: boolean; now?: Date } = {},
): Promise<SaveOutcome> {
  const now = options.now ?? new Date();
  const serialized = await serializeDraft(report, { now });
  const existing = !options.saveAs && linked?.reportId === report.id ? linked.handle : null;
  const fileName = existing?.name ?? draftFileName(report, now);
  let handle: FileSystemFileHandle | null;
  try {
    handle = await fileSave(
      new Blob([serialized.text], { type: FILE_MIME }) /* a string part is written as UTF-8 */,
      { ...PICKER_TYPES, mimeTypes: [...PICKER_TYPES.mimeTypes], fileName, id: PICKER_ID },
      existing,
    );
  } catch (error) {
    if (isAbort(error)) return { status: 'cancelled' };
    const reason =
      error instanceof DOMException && error.name === 'NotAllowedError'
        ? '没有写入该文件的权限'
        : '写入文件时出错';
    return {
      status: 'failed',
      message: `保存到文件失败：${reason}。草稿仍保存在浏览器中，可以换一个位置再保存。`,
    };
  }
  const name = handle?.name ?? fileName;
  const link: FileLink = { reportId: report.id, name, savedCanonical: serialized.canonical, handle };
  const message = handle ? `已保存到文件「${name}」。` : `已下载文件「${name}」（在浏览器的下载文件夹中）。`;
  return { status: 'saved', link, message };
}
