import { describe, expect, it, vi } from 'vitest';
import {
  formatBytes,
  persistenceAdvice,
  readStorageInfo,
  requestPersistence,
  type StorageManagerLike,
} from '../../src/storage/persistence.ts';

describe('requestPersistence', () => {
  it('asks only when not yet persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persisted: async () => true, persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    expect(await requestPersistence({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('answers the browser’s refusal, and null when there is nothing to ask or it throws', async () => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe(
      false,
    );
    expect(await requestPersistence(null)).toBeNull();
    expect(await requestPersistence({})).toBeNull();
    const throwing: StorageManagerLike = {
      persisted: () => Promise.reject(new Error('x')),
      persist: () => Promise.reject(new TypeError('not allowed')),
    };
    expect(await requestPersistence(throwing)).toBeNull();
  });

  it('uses navigator.storage by default and tolerates its absence', async () => {
    // Neither happy-dom nor jsdom has navigator.storage.
    expect(await requestPersistence()).toBeNull();
    expect((await readStorageInfo()).supported).toBe(false);
  });
});

describe('readStorageInfo', () => {
  it('reports persistence, usage and quota', async () => {
    const info = await readStorageInfo({
      persisted: async () => false,
      estimate: async () => ({ usage: 123_456, quota: 10 * 1024 ** 3 }),
    });
    expect(info).toEqual({ supported: true, persisted: false, usage: 123_456, quota: 10 * 1024 ** 3 });
  });

  it('says unknown for whatever the browser cannot tell', async () => {
    expect(await readStorageInfo({ estimate: async () => ({}) })).toEqual({
      supported: true,
      persisted: null,
      usage: null,
      quota: null,
    });
    expect(await readStorageInfo(null)).toEqual({
      supported: false,
      persisted: null,
      usage: null,
      quota: null,
    });
  });
});

describe('formatting and advice', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 字节');
    expect(formatBytes(17_632)).toBe('17.2 KB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10.0 GB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MB');
  });

  it('advises saving a file unless storage is persistent', () => {
    const info = { supported: true, persisted: false, usage: 0, quota: 0 };
    expect(persistenceAdvice(info, 'indexeddb')).toContain('可能被清除');
    expect(persistenceAdvice({ ...info, persisted: null }, 'indexeddb')).toContain('保存到文件');
    expect(persistenceAdvice({ ...info, persisted: true }, 'indexeddb')).toContain(
      '不会因空间不足而自动清除',
    );
    expect(persistenceAdvice({ ...info, persisted: true }, 'memory')).toContain('关闭页面就会丢失');
  });
});
