// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyUpdate,
  type OfflineCacheScope,
  type OfflineCacheStatus,
  onOfflineCacheStatus,
  type RegistrationLike,
  resetOfflineCache,
  startOfflineCache,
} from '../../src/platform/offline-cache.ts';

afterEach(() => resetOfflineCache());

/** A service worker that changes state when told to, like the browser's. */
class FakeWorker {
  private listeners: (() => void)[] = [];
  readonly posted: unknown[] = [];
  constructor(public state: string) {}
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  become(state: string) {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

function fakeBrowser(registration: Partial<RegistrationLike>, controller: unknown) {
  const updateFound: (() => void)[] = [];
  const controllerChange: (() => void)[] = [];
  const reg = {
    installing: null,
    waiting: null,
    active: null,
    ...registration,
    addEventListener: (_t: 'updatefound', l: () => void) => updateFound.push(l),
  } as RegistrationLike;
  const registered: string[] = [];
  const scope: OfflineCacheScope = {
    protocol: 'https:',
    built: true,
    secure: true,
    reload: vi.fn(),
    container: {
      controller,
      register: async (url) => {
        registered.push(url);
        return reg;
      },
      addEventListener: (_t, l) => controllerChange.push(l),
    },
  };
  return { scope, reg, registered, updateFound, controllerChange };
}

describe('startOfflineCache', () => {
  it('registers nothing from a file, in dev or the single file, or where the browser refuses', async () => {
    const { scope, registered } = fakeBrowser({}, null);
    expect(await startOfflineCache({ ...scope, protocol: 'file:' })).toBe('file');
    resetOfflineCache();
    expect(await startOfflineCache({ ...scope, built: false })).toBe('not-built');
    resetOfflineCache();
    expect(await startOfflineCache({ ...scope, secure: false })).toBe('unsupported');
    expect(registered).toEqual([]);
  });

  it('first visit: installing, then ready once the worker is active', async () => {
    const installing = new FakeWorker('installing');
    const { scope, registered } = fakeBrowser({ installing: installing as never }, null);
    const seen: OfflineCacheStatus[] = [];
    onOfflineCacheStatus((s) => seen.push(s));
    expect(await startOfflineCache(scope)).toBe('installing');
    expect(registered).toEqual(['sw.js']);
    installing.become('installed');
    installing.become('activated');
    expect(seen).toEqual(['installing', 'ready']);
  });

  it('a new version found later waits for the clerk, and applyUpdate switches then reloads', async () => {
    const active = new FakeWorker('activated');
    const { scope, reg, updateFound, controllerChange } = fakeBrowser({ active: active as never }, active);
    expect(await startOfflineCache(scope)).toBe('ready');
    const next = new FakeWorker('installing');
    Object.assign(reg, { installing: next });
    for (const l of updateFound) l();
    next.become('installed');
    Object.assign(reg, { installing: null, waiting: next });
    const seen: OfflineCacheStatus[] = [];
    onOfflineCacheStatus((s) => seen.push(s));
    next.become('installed');
    expect(seen).toEqual(['update-waiting']);
    expect(next.posted).toEqual([]);
    expect(scope.reload).not.toHaveBeenCalled();

    applyUpdate();
    expect(next.posted).toEqual(['skip-waiting']);
    for (const l of controllerChange) l();
    expect(scope.reload).toHaveBeenCalledTimes(1);
  });

  it('a version already waiting when the page opens is announced at once', async () => {
    const active = new FakeWorker('activated');
    const waiting = new FakeWorker('installed');
    const { scope } = fakeBrowser({ active: active as never, waiting: waiting as never }, active);
    expect(await startOfflineCache(scope)).toBe('update-waiting');
  });

  it('a refused registration is reported, not thrown', async () => {
    const { scope } = fakeBrowser({}, null);
    scope.container!.register = () => Promise.reject(new Error('SecurityError'));
    expect(await startOfflineCache(scope)).toBe('failed');
  });
});
