/**
 * The files drafts are linked to, remembered across reloads in localStorage (names and what was
 * written, not the file handles: those cannot be stored there, so after a reload the first
 * 保存到文件 asks for the place again).
 */
import type { FileLink } from '../files/file-link.ts';

const KEY = 'nianbao-tool.file-links';

type StoredLink = Omit<FileLink, 'handle'>;

function isStoredLink(value: unknown): value is StoredLink {
  const v = value as Partial<StoredLink> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.reportId === 'string' &&
    typeof v.name === 'string' &&
    typeof v.savedCanonical === 'string'
  );
}

export function loadFileLinks(storage: Storage | null = globalThis.localStorage ?? null): FileLink[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isStoredLink).map((l) => ({ ...l, handle: null })) : [];
  } catch {
    return [];
  }
}

export function rememberFileLink(link: FileLink, storage: Storage | null = globalThis.localStorage ?? null) {
  try {
    const others = loadFileLinks(storage).filter((l) => l.reportId !== link.reportId);
    const stored: StoredLink[] = [...others, link].map(({ reportId, name, savedCanonical }) => ({
      reportId,
      name,
      savedCanonical,
    }));
    storage?.setItem(KEY, JSON.stringify(stored));
  } catch {
    // Storage full or refused: the link lasts until the page closes, which is all we can do.
  }
}
