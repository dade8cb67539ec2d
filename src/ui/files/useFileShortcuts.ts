import { useEffect, useRef } from 'preact/hooks';

export interface FileShortcutActions {
  /** Ctrl+S (⌘S). */
  save(): void;
  /** Ctrl+Shift+S; falls back to save when absent. */
  saveAs?(): void;
  /** Ctrl+O (⌘O). */
  open(): void;
}

/**
 * Ctrl+S / Ctrl+Shift+S / Ctrl+O anywhere on the page, also while typing in a field. The browser's own
 * "save page" and "open file" dialogs are suppressed: here they would only confuse.
 */
export function useFileShortcuts(actions: FileShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      // e.code too: with some keyboard layouts and IMEs e.key is not the Latin letter.
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.code.replace(/^Key/, '').toLowerCase();
      if (key === 's') {
        e.preventDefault();
        if (e.shiftKey) (latest.current.saveAs ?? latest.current.save)();
        else latest.current.save();
      } else if (key === 'o' && !e.shiftKey) {
        e.preventDefault();
        latest.current.open();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
