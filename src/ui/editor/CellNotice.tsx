import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface CellNoticeData {
  message: string;
  tone: 'error' | 'info';
  /** The cell (or field) the message is about: the notice is shown next to it. */
  anchor: HTMLElement | null;
}

const GAP = 6;

/** A length custom property of the root in px (`--bar-h`, `--status-h`), 0 when unset. */
const rootPx = (name: string) =>
  Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue(name)) || 0;

/**
 * What just happened to a paste or a keystroke (a rejected block, dashes read as 0, a total that
 * cannot be typed in), shown right under the cell where the clerk is looking — above it when there
 * is no room below — and never under the toolbar or the cell's status bar. It scrolls with the page
 * (positioned inside the editor), so it stays next to its cell.
 */
export function CellNotice({ notice, onClose }: { notice: CellNoticeData; onClose(): void }) {
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = box.current;
    const container = el?.offsetParent as HTMLElement | null;
    if (!el || !container) return;
    const place = () => {
      const anchor = notice.anchor?.isConnected ? notice.anchor : null;
      const area = container.getBoundingClientRect();
      const height = el.offsetHeight;
      const width = el.offsetWidth;
      const top = rootPx('--bar-h') + GAP;
      const bottom = window.innerHeight - rootPx('--status-h') - GAP;
      let y: number;
      let x: number;
      if (anchor) {
        const cell = anchor.getBoundingClientRect();
        y = cell.bottom + GAP + height <= bottom ? cell.bottom + GAP : Math.max(top, cell.top - GAP - height);
        x = cell.left;
      } else {
        y = top;
        x = area.left + GAP;
      }
      x = Math.max(area.left + GAP, Math.min(x, area.right - width - GAP));
      el.style.top = `${Math.round(y - area.top)}px`;
      el.style.left = `${Math.round(x - area.left)}px`;
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [notice]);

  // Escape closes it wherever the focus is (it is about the cell the clerk is in).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div
      ref={box}
      class={`cell-notice notice notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <span class="cell-notice-text">{notice.message}</span>
      <button type="button" class="link" onClick={onClose} aria-label="关闭提示">
        ×
      </button>
    </div>
  );
}
