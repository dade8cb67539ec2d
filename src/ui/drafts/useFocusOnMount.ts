import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A ref that focuses its element when it appears. Browsers honour the autofocus attribute only
 * once per page load, and Preact does not emulate it, so controls shown later focus themselves.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
