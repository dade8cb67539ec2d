/** A draft's link to a file on disk: what the title shows, and where 保存到文件 writes back to. */
import type { LinkedFile } from '../../files/title.ts';

export interface FileLink extends LinkedFile {
  /** The File System Access handle, when the browser has the API; null after a download. */
  handle: FileSystemFileHandle | null;
}
