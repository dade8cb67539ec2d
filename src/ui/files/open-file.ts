/** 打开文件: the picker (browser-fs-access) and reading a picked or dropped file, size checked first. */
import { type FileWithHandle, fileOpen } from 'browser-fs-access';
import { checkFileSize, type RejectedDraft, shownFileName } from '../../files/open.ts';
import { PICKER_ID, PICKER_TYPES } from './save-draft.ts';

export interface PickedFile {
  file: File;
  handle: FileSystemFileHandle | null;
}

/** null when the clerk closes the picker. */
export async function pickDraftFile(): Promise<PickedFile | null> {
  try {
    const file: FileWithHandle = await fileOpen({ ...PICKER_TYPES, id: PICKER_ID });
    return { file, handle: file.handle ?? null };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** The file's bytes, or a rejection — a file over the limit is never read into memory. */
export async function readFileBytes(file: File): Promise<{ ok: true; bytes: Uint8Array } | RejectedDraft> {
  const tooLarge = checkFileSize(file.size, file.name);
  if (tooLarge) return tooLarge;
  try {
    return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return {
      ok: false,
      kind: 'unreadable',
      message: `无法打开「${shownFileName(file.name)}」：读取文件失败（可能是文件夹，或文件已被移走）。`,
      details: [],
    };
  }
}
