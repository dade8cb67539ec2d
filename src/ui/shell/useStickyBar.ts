import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Publishes the height of the bar that sticks to the top of the window as `--bar-h` on the root, so
 * that what must never slide under it can keep clear: the 审核 panel sticks just below it, and the
 * page's scroll-padding keeps a focused cell or a jumped-to heading out from under it. The height
 * changes with the window's width (the bar's buttons wrap) and with zoom, so it is measured, not guessed.
 */
export function useStickyBar(ref: RefObject<HTMLElement | null>, enabled: boolean, key: unknown = null) {
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!enabled || !bar) return;
    const root = document.documentElement;
    const publish = () =>
      root.style.setProperty('--bar-h', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    publish();
    // ResizeObserver is in Chromium 64+; without it the height is taken on resize.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(publish) : null;
    observer?.observe(bar);
    if (!observer) window.addEventListener('resize', publish);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', publish);
    };
  }, [enabled, key]);
}
