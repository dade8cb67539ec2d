import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface SheetProps {
  /** The dialog's name for screen readers (its heading says the same). */
  label: string;
  children: ComponentChildren;
  /** Escape closes the sheet; leave out when the panel handles Escape itself (export while busy). */
  onEscape?: () => void;
  /** The panel inside is already a dialog (role="dialog" with its own name). */
  innerDialog?: boolean;
  /** Wide panels (同比, 历史版本) use most of the window. */
  wide?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * A panel opened from a toolbar (历史版本, 同比, 导出, 打印, 存储, 关于) shown over the page, in the
 * window whatever the scroll position: it opens where the clerk is looking, takes the focus (its
 * heading, unless the panel focused one of its own controls), keeps Tab inside, and gives the focus
 * back to the button that opened it. The page underneath keeps its scroll position.
 */
export function Sheet({ label, children, onEscape, innerDialog = false, wide = false }: SheetProps) {
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const sheet = box.current;
    if (sheet && !sheet.contains(document.activeElement)) {
      const heading = sheet.querySelector<HTMLElement>('h2');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
      } else sheet.focus();
    }
    return () => {
      // Back where the clerk was, unless the panel sent the focus somewhere on purpose (a cell).
      const active = document.activeElement;
      if (opener?.isConnected && (!active || active === document.body || sheet?.contains(active)))
        opener.focus({ preventScroll: true });
    };
  }, []);

  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;
  // A listener rather than a prop: the sheet may be a plain box around a panel that is the dialog. On
  // the document, not the sheet: when the button that had the focus goes away (生成并下载 once the
  // file is made) the focus falls to the page, and Escape and Tab must still work on the sheet.
  useEffect(() => {
    const sheet = box.current;
    if (!sheet) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && onEscapeRef.current && !e.defaultPrevented) {
        e.preventDefault();
        onEscapeRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const stops = Array.from(sheet.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => el.offsetParent !== null || el === document.activeElement,
      );
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && (document.activeElement === first || !sheet.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (
        !e.shiftKey &&
        (document.activeElement === last || !sheet.contains(document.activeElement))
      ) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div class="sheet-backdrop">
      <div
        ref={box}
        class={`sheet ${wide ? 'sheet-wide' : ''}`}
        {...(innerDialog ? {} : { role: 'dialog', 'aria-modal': 'true', 'aria-label': label })}
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
