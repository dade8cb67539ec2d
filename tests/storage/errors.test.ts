import { describe, expect, it } from 'vitest';
import {
  SAVE_FILE_ACTION,
  StorageError,
  type StorageErrorKind,
  storageErrorReason,
  toStorageError,
} from '../../src/storage/errors.ts';

const KINDS: StorageErrorKind[] = [
  'unavailable',
  'timeout',
  'blocked',
  'too-new',
  'upgrade-failed',
  'closed',
  'quota',
  'write-failed',
  'conflict',
  'not-found',
  'invalid',
];

describe('storage errors', () => {
  it('every kind tells the clerk, in Chinese, to save to a file now', () => {
    for (const kind of KINDS) {
      const message = new StorageError(kind).message;
      expect(message).toContain(`“${SAVE_FILE_ACTION}”`);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(storageErrorReason(kind)).toMatch(/^[\u4e00-\u9fff]/);
    }
    expect(new StorageError('unavailable').message).toMatch(/^无法使用浏览器存储/);
    expect(new StorageError('quota').message).toMatch(/^存储空间已满/);
    expect(new StorageError('blocked').message).toMatch(/^有旧版本页面阻止升级/);
  });

  it('keeps the technical detail out of the message the clerk reads', () => {
    const error = new StorageError('write-failed', 'UnknownError');
    expect(error.detail).toBe('UnknownError');
    expect(error.message).not.toMatch(/[A-Za-z]/);
    for (const kind of KINDS)
      expect(new StorageError(kind, 'QuotaExceededError').message).not.toMatch(/[A-Za-z]/);
  });

  it('maps browser errors to kinds', () => {
    const dom = (name: string) => new DOMException('x', name);
    expect(toStorageError(dom('QuotaExceededError')).kind).toBe('quota');
    expect(toStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }).kind).toBe('quota');
    expect(toStorageError(dom('VersionError'), 'unavailable').kind).toBe('too-new');
    expect(toStorageError(dom('InvalidStateError')).kind).toBe('closed');
    expect(toStorageError(dom('InvalidStateError'), 'unavailable').kind).toBe('unavailable');
    expect(toStorageError(dom('SecurityError'), 'unavailable').kind).toBe('unavailable');
    expect(toStorageError(new Error('boom')).kind).toBe('write-failed');
    const own = new StorageError('conflict');
    expect(toStorageError(own)).toBe(own);
  });
});
