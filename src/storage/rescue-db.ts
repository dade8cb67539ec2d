/**
 * The rescue database: where a closing page writes what it could not save (DraftRepository.rescue).
 * A database of its own because Chromium drops a write made in pagehide while another read-write
 * transaction of the same database is still running, even on another store (measured in Debian's
 * Chromium: 0 of 6 writes kept with a save under way; 6 of 6 in a database of their own).
 */
import { type DBSchema, type IDBPDatabase, wrap } from 'idb';
import type { PendingRow } from './db.ts';
import {
  createRescueStores,
  type EarlyOpen,
  RESCUE_DB_NAME,
  RESCUE_DB_VERSION,
  takeEarlyRequest,
} from './early-open.ts';

export { RESCUE_DB_NAME };

export interface RescueDb extends DBSchema {
  pending: { key: string; value: PendingRow };
}

export type RescueDatabase = IDBPDatabase<RescueDb>;

/**
 * Opens (creating) the rescue database; null when it cannot be had within `timeoutMs`: the
 * repository then rescues into the drafts database's own 'pending' store, as before.
 */
export function openRescueDb(
  options: {
    factory?: IDBFactory | null;
    timeoutMs?: number;
    /** Where the page's early open (early-open.ts) left its request; tests pass their own. */
    earlyScope?: { __nianbaoEarlyOpen?: EarlyOpen };
  } = {},
): Promise<RescueDatabase | null> {
  const factory = options.factory === undefined ? globalThis.indexedDB : options.factory;
  return new Promise((resolve) => {
    if (!factory) return resolve(null);
    let settled = false;
    const settle = (db: RescueDatabase | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(db);
    };
    const timer = setTimeout(() => settle(null), options.timeoutMs ?? 5000);
    // The page's early open (early-open.ts), if it is still of use.
    const adopted = takeEarlyRequest('rescue', factory, RESCUE_DB_VERSION, options.earlyScope);
    let request: IDBOpenDBRequest;
    try {
      request = adopted ? adopted.request : factory.open(RESCUE_DB_NAME, RESCUE_DB_VERSION);
    } catch {
      return settle(null);
    }
    request.onupgradeneeded = () => createRescueStores(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      settle(null);
    };
    const onSuccess = () => {
      const raw = request.result;
      if (settled) return raw.close();
      raw.onversionchange = () => raw.close();
      settle(wrap(raw) as unknown as RescueDatabase);
    };
    request.onsuccess = onSuccess;
    if (adopted?.outcome === 'success') onSuccess();
  });
}
