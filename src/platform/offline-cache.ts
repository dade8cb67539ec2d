/**
 * The intranet build's offline cache (dist/sw.js, see src/sw/service-worker.ts) as seen by the page:
 * registers it on http(s) only, and tells listeners when a new version has been downloaded and is
 * waiting. It never switches by itself: applyUpdate() does, when the clerk clicks 「刷新以使用新版本」.
 */

export type OfflineCacheStatus =
  /** Opened from a file: nothing to cache, the file itself is the copy. */
  | 'file'
  /** The dev server or the single file served over http: there is no sw.js. */
  | 'not-built'
  /** The browser or this address does not allow service workers (e.g. http on a non-local host). */
  | 'unsupported'
  | 'installing'
  /** Every file is cached: the page opens with the server gone. */
  | 'ready'
  /** A new version is cached and waits for the clerk. */
  | 'update-waiting'
  | 'failed';

export const OFFLINE_STATUS_TEXT: Record<OfflineCacheStatus, string> = {
  file: '从本机文件打开，不需要离线缓存。',
  'not-built': '开发版或单文件版，不使用离线缓存。',
  unsupported: '此地址不能使用离线缓存（需要 https 或本机地址）：断网后无法再次打开本页面。',
  installing: '正在保存离线副本…',
  ready: '已保存离线副本：断网或服务器停止后仍可打开本工具。',
  'update-waiting': '新版本已下载，刷新页面即可使用。',
  failed: '保存离线副本失败：断网后可能无法再次打开本页面。请刷新页面重试。',
};

/** The part of a ServiceWorkerContainer used here (navigator.serviceWorker, or a stand-in in tests). */
export interface ServiceWorkerContainerLike {
  readonly controller: unknown;
  register(url: string, options: { scope: string; updateViaCache: 'none' }): Promise<RegistrationLike>;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}
interface WorkerLike {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}
export interface RegistrationLike {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  readonly active: WorkerLike | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
}

export interface OfflineCacheScope {
  protocol: string;
  /** Built for the intranet (PROD and not the single file): only then is there a sw.js. */
  built: boolean;
  secure: boolean;
  container: ServiceWorkerContainerLike | null;
  reload(): void;
}

type Listener = (status: OfflineCacheStatus) => void;

let status: OfflineCacheStatus | null = null;
let registration: RegistrationLike | null = null;
const listeners = new Set<Listener>();

function set(next: OfflineCacheStatus) {
  status = next;
  for (const listener of listeners) listener(next);
}

export const offlineCacheStatus = (): OfflineCacheStatus | null => status;

export function onOfflineCacheStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function browserScope(): OfflineCacheScope {
  const g = globalThis as { location?: Location; navigator?: Navigator; isSecureContext?: boolean };
  return {
    protocol: g.location?.protocol ?? '',
    built: import.meta.env?.PROD === true && !import.meta.env?.VITE_SINGLE_FILE,
    secure: g.isSecureContext === true,
    container: (g.navigator?.serviceWorker as unknown as ServiceWorkerContainerLike | undefined) ?? null,
    reload: () => g.location?.reload(),
  };
}

let scopeInUse: OfflineCacheScope | null = null;

/** The status when there is nothing to register, or null when registering makes sense. */
function initialStatus(scope: OfflineCacheScope): OfflineCacheStatus | null {
  if (scope.protocol === 'file:') return 'file';
  if (!scope.built) return 'not-built';
  if (!scope.container || !scope.secure) return 'unsupported';
  return null;
}

/** Registers dist/sw.js once (later calls return the same status). */
export async function startOfflineCache(
  scope: OfflineCacheScope = browserScope(),
): Promise<OfflineCacheStatus> {
  if (status) return status;
  scopeInUse = scope;
  const early = initialStatus(scope);
  if (early) {
    set(early);
    return early;
  }
  const container = scope.container!;
  set('installing');
  try {
    const reg = await container.register('sw.js', { scope: './', updateViaCache: 'none' });
    registration = reg;
    const watch = (worker: WorkerLike | null) => {
      if (!worker) return;
      const check = () => {
        // With a controller, an installed worker is a NEW version; without, it is the first install.
        if (worker.state === 'installed' && container.controller) set('update-waiting');
        else if (worker.state === 'activated' && status !== 'update-waiting') set('ready');
        else if (worker.state === 'redundant' && status === 'installing') set('failed');
      };
      worker.addEventListener('statechange', check);
      check();
    };
    reg.addEventListener('updatefound', () => watch(reg.installing));
    if (reg.waiting && container.controller) set('update-waiting');
    else if (reg.active && !reg.installing) set('ready');
    else watch(reg.installing ?? reg.waiting);
  } catch {
    set('failed');
  }
  return status ?? 'failed';
}

/** Switches to the waiting version and reloads the page once it controls it. */
export function applyUpdate(): void {
  const waiting = registration?.waiting;
  const scope = scopeInUse;
  if (!waiting || !scope?.container) return;
  scope.container.addEventListener('controllerchange', () => scope.reload());
  waiting.postMessage('skip-waiting');
}

/** For tests: forget the registration. */
export function resetOfflineCache(): void {
  status = null;
  registration = null;
  scopeInUse = null;
  listeners.clear();
}
