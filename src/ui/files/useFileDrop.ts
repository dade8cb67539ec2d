import { useEffect, useRef, useState } from 'preact/hooks';

export type Dropped = { file: File; handle: FileSystemFileHandle | null } | { error: string };

interface DataTransferItemWithHandle extends DataTransferItem {
  /** Chromium 86+: the dropped file's handle, so later saves can write back to it. */
  getAsFileSystemHandle?(): Promise<FileSystemHandle | null>;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Dropping a file anywhere on the window opens it. Returns whether files are being dragged over the
 * window, for an overlay. Dragged text (not files) is left to the fields it is dropped on.
 */
export function useFileDrop(onDrop: (dropped: Dropped) => void, enabled = true): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onDrop);
  latest.current = onDrop;

  useEffect(() => {
    if (!enabled) return;
    // dragenter/dragleave fire for every child element crossed; count them to know when the drag left.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allows the drop (else the browser would navigate to the file)
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDropEvent = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      const [file] = files;
      if (!file || files.length > 1) {
        latest.current({ error: `一次只能打开一个草稿文件（拖入了 ${files.length} 个）。` });
        return;
      }
      // The handle must be asked for during the event; it resolves later.
      const item = e.dataTransfer?.items?.[0] as DataTransferItemWithHandle | undefined;
      const pending = item?.getAsFileSystemHandle?.().catch(() => null) ?? Promise.resolve(null);
      void pending.then((handle) => {
        const fileHandle = handle && handle.kind === 'file' ? (handle as FileSystemFileHandle) : null;
        latest.current({ file, handle: fileHandle });
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDropEvent);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDropEvent);
    };
  }, [enabled]);

  return { dragging: enabled && dragging };
}
