/**
 * Two (or three) tabs on one draft, with a fake LockManager and a fake BroadcastChannel bus.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DraftTabLock,
  lockName,
  type TabLockOptions,
  type TabLockState,
} from '../../src/storage/tab-lock.ts';
import { FakeChannelBus, FakeLockManager } from './fakes.ts';

let locks: FakeLockManager;
let bus: FakeChannelBus;
const log: string[] = [];

function tab(name: string, options: Partial<TabLockOptions> = {}) {
  const states: TabLockState[] = [];
  const saved: number[] = [];
  const lock = new DraftTabLock({
    draftId: 'd1',
    tabId: name,
    locks,
    openChannel: bus.open,
    onState: (s) => {
      states.push(s);
      log.push(`${name}:${s}`);
    },
    onRemoteSaved: (v) => saved.push(v),
    beforeHandOver: async () => {
      log.push(`${name}:flush`);
    },
    ...options,
  });
  return { lock, states, saved };
}

/** Lets messages hop between tabs (each hop is a 0 ms task), well before any timeout. */
const settle = () => vi.advanceTimersByTimeAsync(10);

beforeEach(() => {
  vi.useFakeTimers();
  locks = new FakeLockManager();
  bus = new FakeChannelBus();
  log.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('with Web Locks', () => {
  it('the first tab owns the draft, the second is read-only', async () => {
    const a = tab('a');
    const b = tab('b');
    expect(a.lock.mechanism).toBe('web-locks');
    expect(await a.lock.acquire()).toBe('owner');
    expect(await b.lock.acquire()).toBe('read-only');
    expect(locks.isHeld(lockName('d1'))).toBe(true);
    // A different draft is independent.
    const other = new DraftTabLock({ draftId: 'd2', locks, openChannel: bus.open });
    expect(await other.acquire()).toBe('owner');
  });

  it('the read-only tab follows the owner’s saves', async () => {
    const a = tab('a');
    const b = tab('b');
    await a.lock.acquire();
    await b.lock.acquire();
    a.lock.announceSaved(5);
    b.lock.announceSaved(99); // a read-only tab announces nothing
    await settle();
    expect(b.saved).toEqual([5]);
    expect(a.saved).toEqual([]);
  });

  it('take over: the owner flushes and turns read-only before the new tab owns', async () => {
    const a = tab('a');
    const b = tab('b');
    await a.lock.acquire();
    await b.lock.acquire();
    log.length = 0;
    const taking = b.lock.takeOver();
    await settle();
    await taking;
    expect(log).toEqual(['a:flush', 'a:read-only', 'b:owner']);
    expect(a.lock.state).toBe('read-only');
    expect(b.lock.state).toBe('owner');
    // Now the roles are swapped: b's saves reach a.
    b.lock.announceSaved(7);
    await settle();
    expect(a.saved).toEqual([7]);
  });

  it('take over from a frozen owner that never answers: after the timeout, steals the lock', async () => {
    const a = tab('a', { openChannel: null }); // hears nothing
    const b = tab('b', { handOverTimeoutMs: 2000 });
    await a.lock.acquire();
    await b.lock.acquire();
    const taking = b.lock.takeOver();
    await vi.advanceTimersByTimeAsync(1999);
    expect(b.lock.state).toBe('read-only');
    await vi.advanceTimersByTimeAsync(1);
    await taking;
    await settle();
    expect(b.lock.state).toBe('owner');
    expect(a.lock.state).toBe('read-only'); // its lock was stolen
    expect(log).not.toContain('a:flush');
  });

  it('when the owner closes the draft, the read-only tab becomes the owner by itself', async () => {
    const a = tab('a');
    const b = tab('b');
    await a.lock.acquire();
    await b.lock.acquire();
    a.lock.release();
    await settle();
    expect(a.lock.state).toBe('released');
    expect(b.lock.state).toBe('owner');
    expect(b.states).toEqual(['acquiring', 'read-only', 'owner']);
  });

  it('a Lock API that refuses to work does not leave the clerk read-only', async () => {
    const broken = {
      request: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    };
    const a = tab('a', { locks: broken });
    expect(await a.lock.acquire()).toBe('owner');
  });
});

describe('with BroadcastChannel only', () => {
  const only = (name: string, options: Partial<TabLockOptions> = {}) =>
    tab(name, { locks: null, probeMs: 300, ...options });

  it('the first tab owns, a later tab is read-only after the owner answers its probe', async () => {
    const a = only('a');
    expect(a.lock.mechanism).toBe('broadcast');
    const first = a.lock.acquire();
    await vi.advanceTimersByTimeAsync(300);
    expect(await first).toBe('owner');
    const b = only('b');
    const second = b.lock.acquire();
    await settle(); // the owner answers long before the 300 ms probe ends
    expect(b.lock.state).toBe('read-only');
    expect(await second).toBe('read-only');
  });

  it('take over, and the new owner’s saves reach the old one', async () => {
    const a = only('a');
    const b = only('b');
    const first = a.lock.acquire();
    await vi.advanceTimersByTimeAsync(300);
    await first;
    const second = b.lock.acquire();
    await vi.advanceTimersByTimeAsync(300);
    await second;
    log.length = 0;
    const taking = b.lock.takeOver();
    await vi.advanceTimersByTimeAsync(10);
    await taking;
    expect(log).toEqual(['a:flush', 'a:read-only', 'b:owner']);
    b.lock.announceSaved(3);
    await settle();
    expect(a.saved).toEqual([3]);
  });

  it('when the owner releases, a read-only tab acquires', async () => {
    const a = only('a');
    const b = only('b');
    const first = a.lock.acquire();
    await vi.advanceTimersByTimeAsync(300);
    await first;
    const second = b.lock.acquire();
    await vi.advanceTimersByTimeAsync(300);
    await second;
    a.lock.release();
    await vi.advanceTimersByTimeAsync(400);
    expect(b.lock.state).toBe('owner');
  });

  it('two tabs opening at the same moment end with exactly one owner', async () => {
    const a = only('a');
    const b = only('b');
    const both = Promise.all([a.lock.acquire(), b.lock.acquire()]);
    await vi.advanceTimersByTimeAsync(300);
    await both;
    await vi.advanceTimersByTimeAsync(10);
    const owners = [a.lock.state, b.lock.state].filter((s) => s === 'owner');
    expect(owners).toHaveLength(1);
    expect(a.lock.state).toBe('owner'); // the smaller tab id keeps it
    expect(log).toContain('b:flush');
  });
});

describe('with neither', () => {
  it('every tab owns; the repository’s version check is the guard', async () => {
    const a = tab('a', { locks: null, openChannel: null });
    expect(a.lock.mechanism).toBe('none');
    expect(await a.lock.acquire()).toBe('owner');
  });
});
