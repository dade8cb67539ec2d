/**
 * Every way browser storage can fail, as one error type with a kind, and the Chinese words the clerk
 * reads for each: what happened, and that the report on screen must be saved to a file now.
 */

/** Name of the file-saving action the messages point to; keep it equal to the button's text. */
export const SAVE_FILE_ACTION = '保存到文件';

export type StorageErrorKind =
  /** IndexedDB missing or refused: private mode, a browser that refuses it on file://. */
  | 'unavailable'
  /** Opening IndexedDB got no answer in time (a stuck or very busy browser): memory until 重试. */
  | 'timeout'
  /** Our schema upgrade is held up by another tab that keeps the old version open. */
  | 'blocked'
  /** The database was upgraded by a newer version of this tool; this (older) page cannot read it. */
  | 'too-new'
  /** The migration to the new schema failed; the upgrade was rolled back, old data untouched. */
  | 'upgrade-failed'
  /** Our connection was closed: a newer version opened in another tab, or the browser dropped it. */
  | 'closed'
  /** QuotaExceededError. */
  | 'quota'
  /** Any other failed write or read. */
  | 'write-failed'
  /** The draft changed in another tab since this one loaded it (version mismatch). */
  | 'conflict'
  /** The draft no longer exists (deleted for ever in another tab). */
  | 'not-found'
  /** The report does not pass the document schema (e.g. a text longer than allowed). */
  | 'invalid';

const SAVE_NOW = `请现在就用“${SAVE_FILE_ACTION}”把报告存到电脑上。`;

const MESSAGES: Record<StorageErrorKind, string> = {
  unavailable: `无法使用浏览器存储：浏览器拒绝或不支持（例如无痕/隐私模式，或从本地文件打开时被禁止）。本页内容只保存在内存中，关闭页面就会丢失。${SAVE_NOW}`,
  timeout: `浏览器存储（保存草稿的地方）一直没有响应，可能是浏览器繁忙或出了故障。本页先在内存中运行：内容不会自动保存，关闭页面就会丢失，浏览器里原有的草稿也暂时看不到（它们没有丢失）。请点“重试”；仍不行时，关闭所有浏览器窗口后重新打开本工具。在此之前，${SAVE_NOW}`,
  blocked: `有旧版本页面阻止升级：另一个标签页中还开着旧版本的本工具，浏览器存储暂时无法升级。请关闭其他打开本工具的标签页后刷新本页；在此之前本页内容只在内存中。${SAVE_NOW}`,
  'too-new': `浏览器存储已被更新版本的本工具升级，本页（旧版本）无法读取。请改用新版本的本工具；本页内容只在内存中。${SAVE_NOW}`,
  'upgrade-failed': `浏览器存储升级失败，原有草稿保持不变，但本页无法使用浏览器存储，内容只在内存中。${SAVE_NOW}`,
  closed: `另一个标签页打开了新版本的本工具，本页已停止保存到浏览器存储。${SAVE_NOW}然后刷新本页。`,
  quota: `存储空间已满，最近的修改没有保存到浏览器存储。${SAVE_NOW}然后清空回收站、删除不需要的草稿或清理磁盘空间。`,
  'write-failed': `保存到浏览器存储失败，屏幕上的内容还在，但没有存下来。${SAVE_NOW}`,
  conflict: `这份草稿已在另一个标签页中修改，为避免互相覆盖，本页的修改没有保存。${SAVE_NOW}再到另一个标签页继续编辑。`,
  'not-found': `这份草稿已被永久删除，本页的修改无法再保存到原草稿。${SAVE_NOW}`,
  invalid: `报告内容不符合格式，无法保存到浏览器存储。屏幕上的内容还在。${SAVE_NOW}`,
};

/** Short reasons for the status line 「保存失败（…）」. */
const REASONS: Record<StorageErrorKind, string> = {
  unavailable: '浏览器存储不可用',
  timeout: '浏览器存储没有响应',
  blocked: '旧版本页面阻止升级',
  'too-new': '存储已被新版本升级',
  'upgrade-failed': '存储升级失败',
  closed: '存储已被新版本页面接管',
  quota: '存储空间已满',
  'write-failed': '写入失败',
  conflict: '已在另一个标签页中修改',
  'not-found': '草稿已被删除',
  invalid: '内容不符合格式',
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    /**
     * Technical detail (the browser's error name), for developers; never part of the message the
     * clerk reads, which says in Chinese what happened and what to do.
     */
    readonly detail: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[kind], options);
  }
}

export function storageErrorMessage(error: StorageError): string {
  return error.message;
}

export function storageErrorReason(kind: StorageErrorKind): string {
  return REASONS[kind];
}

function errorName(error: unknown): string | null {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return null;
}

function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const name = errorName(error);
  const code = 'code' in error ? error.code : undefined;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  // Old Firefox used NS_ERROR_DOM_QUOTA_REACHED; legacy code 22 is QUOTA_EXCEEDED_ERR.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22
    ? true
    : /quota/i.test(message);
}

/**
 * Maps whatever IndexedDB threw (a DOMException, a transaction's error) to a StorageError.
 * `fallback` is the kind when the error says nothing more specific.
 */
export function toStorageError(error: unknown, fallback: StorageErrorKind = 'write-failed'): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  if (isQuotaError(error)) return new StorageError('quota', name, { cause: error });
  if (name === 'VersionError') return new StorageError('too-new', name, { cause: error });
  // A transaction on a connection that was closed (versionchange from a newer tab, or terminated).
  if (name === 'InvalidStateError' && fallback !== 'unavailable') {
    return new StorageError('closed', name, { cause: error });
  }
  return new StorageError(fallback, name, { cause: error });
}
