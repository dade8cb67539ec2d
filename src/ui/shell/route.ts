/**
 * Where the app is, kept in the URL's hash so that a reload (or a restarted browser) comes back to
 * the same screen and draft. Hash routes work from file:// as well as from a web server.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

export type Route =
  | { screen: 'drafts' }
  | { screen: 'draft'; id: string }
  | { screen: 'import' }
  | { screen: 'aggregate' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path.startsWith('draft/')) {
    const id = decodeURIComponent(path.slice('draft/'.length));
    if (id) return { screen: 'draft', id };
  }
  if (path === 'import') return { screen: 'import' };
  if (path === 'aggregate') return { screen: 'aggregate' };
  return { screen: 'drafts' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'draft':
      return `#/draft/${encodeURIComponent(route.id)}`;
    case 'drafts':
      return '#/';
    default:
      return `#/${route.screen}`;
  }
}

/** The current route and a way to go elsewhere (which adds a history entry, so 后退 works). */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (location.hash !== hash) location.hash = hash;
    setRoute(next);
  }, []);
  return [route, go];
}
