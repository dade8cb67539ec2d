/**
 * Storage that lasts: asking the browser not to evict our data (navigator.storage.persist()) and
 * reading how much is used (estimate()). Every call tolerates a browser without navigator.storage,
 * or one that throws (older Chromium on file:// does), answering "unknown" instead.
 */

/** The part of navigator.storage used here. */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageInfo {
  /** Whether the browser has navigator.storage at all. */
  supported: boolean;
  /** true: the browser will not evict our data; false: it may under pressure; null: unknown. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export function defaultStorageManager(): StorageManagerLike | null {
  const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
  return nav?.storage ?? null;
}

async function attempt<T>(call: (() => Promise<T>) | undefined): Promise<T | null> {
  if (!call) return null;
  try {
    return await call();
  } catch {
    return null;
  }
}

/**
 * Asks for persistent storage. Call it after a click (新建, 打开): Firefox asks the user, and
 * Chromium decides at once (on file:// it always says no). Resolves null when unknown.
 */
export async function requestPersistence(
  storage: StorageManagerLike | null = defaultStorageManager(),
): Promise<boolean | null> {
  if (!storage) return null;
  const already = await attempt(storage.persisted?.bind(storage));
  if (already) return true;
  return attempt(storage.persist?.bind(storage));
}

export async function readStorageInfo(
  storage: StorageManagerLike | null = defaultStorageManager(),
): Promise<StorageInfo> {
  if (!storage) return { supported: false, persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    attempt(storage.persisted?.bind(storage)),
    attempt(storage.estimate?.bind(storage)),
  ]);
  const number = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
  return {
    supported: true,
    persisted,
    usage: number(estimate?.usage),
    quota: number(estimate?.quota),
  };
}

const UNITS = ['字节', 'KB', 'MB', 'GB', 'TB'];

/** 「12.3 MB」; bytes under 1 KB as 「512 字节」. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? String(value) : value >= 100 ? value.toFixed(0) : value.toFixed(1);
  return `${shown} ${UNITS[unit]}`;
}

/** What the 设置/存储 panel advises, given what the browser said. */
export function persistenceAdvice(info: StorageInfo, backend: 'indexeddb' | 'memory'): string {
  if (backend === 'memory') {
    return '浏览器存储不可用，草稿只在内存中，关闭页面就会丢失。请随时用“保存到文件”把报告存到电脑上。';
  }
  if (info.persisted === true) {
    return '浏览器已同意长期保存草稿，不会因空间不足而自动清除。重要的报告仍建议定期“保存到文件”备份。';
  }
  return '浏览器没有承诺长期保存草稿：磁盘空间不足或清理浏览器数据时，草稿可能被清除。请定期用“保存到文件”把报告存到电脑上。';
}
