/**
 * The intranet build's service worker (emitted as dist/sw.js by scripts/vite/service-worker-plugin.ts,
 * which prepends `const PRECACHE = { version, files }` listing every file of the build).
 *
 * Install caches every file; fetches are answered from that cache, so the tool works with the server
 * gone. A new version installs in the background and WAITS: the page shows 「刷新以使用新版本」 and
 * sends 'skip-waiting' only when the clerk agrees, so nothing switches under their hands.
 * No imports: this file is transpiled alone, never bundled.
 */

interface Precache {
  version: string;
  /** Paths relative to the worker's scope, e.g. 'index.html', 'assets/index-abc.js'. */
  files: string[];
}

declare const PRECACHE: Precache;

// Minimal typings: the project's lib is DOM, not WebWorker.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const CACHE_PREFIX = 'nianbao-precache-';
const cacheName = CACHE_PREFIX + PRECACHE.version;
const scopeUrl = new URL(sw.registration.scope);
const precached = new Set(PRECACHE.files.map((file) => new URL(file, scopeUrl).href));
const indexUrl = new URL('index.html', scopeUrl).href;

sw.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the new version never mixes with stale files.
  const requests = [...precached].map((href) => new Request(href, { cache: 'reload' }));
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(requests)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void sw.skipWaiting();
});

/** The cached copy of a request, or null when it is not ours to answer. */
function cacheKey(request: Request): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  if (request.mode === 'navigate' && url.href.startsWith(scopeUrl.href)) return indexUrl;
  return precached.has(url.href) ? url.href : null;
}

sw.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (!key) return;
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(event.request)),
  );
});
