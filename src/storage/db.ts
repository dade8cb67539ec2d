/**
 * The IndexedDB database: its typed schema, its versioned upgrades, and opening it without ever
 * hanging the app (blocked upgrades and silent browsers end in a StorageError, not a wait).
 *
 * Schema history:
 * - v1 — one store `drafts` {id, report, updatedAt (ISO string)}: whole reports. Listing had to
 *   read and evaluate every report.
 * - v2 — `drafts` holds small list rows (DraftRow: name, agency, year, 审核 counts, size, version,
 *   trash), `bodies` the reports, `revisions` + `revisionBodies` the history, `pending` what a
 *   closing page wrote blind (see DraftRepository.rescue; now only without the rescue database of
 *   rescue-db.ts, and from older versions). The upgrade turns each v1 record into
 *   a row + body in the same transaction; any failure rolls the whole upgrade back.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, wrap } from 'idb';
import type { Report } from '../report/document.ts';
import { createDraftStores, DB_NAME, DB_VERSION, type EarlyOpen, takeEarlyRequest } from './early-open.ts';
import { StorageError, toStorageError } from './errors.ts';
import { type DraftRow, newDraftRow } from './records.ts';
import type { RevisionMeta } from './repository.ts';
import { salvageReport } from './salvage.ts';

export { DB_NAME, DB_VERSION };

/** A v1 record, kept as a type for the migration and its test. */
export interface DraftRowV1 {
  id: string;
  report: unknown;
  /** ISO 8601 time of the last save. */
  updatedAt: string;
}

export interface BodyRow {
  id: string;
  report: Report;
}

export type RevisionRow = Omit<RevisionMeta, 'id'> & { id?: number };

export interface RevisionBodyRow {
  id: number;
  report: Report;
}

/** Content a closing page could not save normally, written without a version check. */
export interface PendingRow {
  draftId: string;
  /**
   * The version at which the closing page's own saves would have stored this content: a draft at
   * this version or later has it (or something newer), unless its page died first.
   */
  coveredAt: number;
  /** Rows written before coveredAt existed: the stored version the content was based on. */
  baseVersion?: number;
  at: number;
  report: Report;
}

export interface DraftDb extends DBSchema {
  drafts: { key: string; value: DraftRow };
  bodies: { key: string; value: BodyRow };
  revisions: { key: number; value: RevisionRow; indexes: { byDraft: string } };
  revisionBodies: { key: number; value: RevisionBodyRow };
  pending: { key: string; value: PendingRow };
}

export type DraftDatabase = IDBPDatabase<DraftDb>;
type UpgradeTransaction = IDBPTransaction<DraftDb, StoreNames<DraftDb>[], 'versionchange'>;

/** Turns each v1 record into a v2 list row and body. Runs inside the upgrade transaction. */
async function migrateV1ToV2(tx: UpgradeTransaction, now: number): Promise<void> {
  // The v1 store had the same name and key path; its values are v1 records until rewritten here.
  const drafts = tx.objectStore('drafts');
  const bodies = tx.objectStore('bodies');
  let cursor = await drafts.openCursor();
  while (cursor) {
    const old = cursor.value as unknown as DraftRowV1;
    const { report } = salvageReport(old.report, String(old.id));
    const savedAt = Date.parse(old.updatedAt);
    const when = Number.isFinite(savedAt) ? savedAt : now;
    const row: DraftRow = { ...newDraftRow(report, null, when), createdAt: when };
    await cursor.update(row);
    await bodies.put({ id: row.id, report });
    cursor = await cursor.continue();
  }
}

/** Every upgrade step from `oldVersion` up to `newVersion`, in order. */
async function upgrade(
  db: IDBDatabase,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
  now: number,
): Promise<void> {
  createDraftStores(db, oldVersion, newVersion);
  if (oldVersion === 1 && newVersion >= 2) await migrateV1ToV2(tx, now);
}

export interface OpenDraftDbOptions {
  /** Defaults to globalThis.indexedDB; tests pass a fresh fake-indexeddb IDBFactory. */
  factory?: IDBFactory | null;
  name?: string;
  /** Defaults to DB_VERSION; tests open version 1 to create a first-schema database. */
  version?: number;
  /** How long an upgrade may wait for old tabs to close before giving up with 'blocked'. */
  blockedGraceMs?: number;
  /** How long opening may take before giving up with 'timeout' (the app passes a shorter wait). */
  timeoutMs?: number;
  /** Called when the open connection is closed under us (a newer version upgrading, the browser). */
  onClosed?: (problem: StorageError) => void;
  now?: () => number;
  /** Where the page's early open (early-open.ts) left its request; tests pass their own. */
  earlyScope?: { __nianbaoEarlyOpen?: EarlyOpen };
}

export function openDraftDb(options: OpenDraftDbOptions = {}): Promise<DraftDatabase> {
  const factory = options.factory === undefined ? globalThis.indexedDB : options.factory;
  const version = options.version ?? DB_VERSION;
  const now = options.now ?? Date.now;
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(new StorageError('unavailable', 'indexedDB 不存在'));
      return;
    }
    let settled = false;
    let upgradeError: unknown = null;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    const timeout = setTimeout(
      () => fail(new StorageError('timeout', '打开浏览器存储超时')),
      options.timeoutMs ?? 15_000,
    );
    const fail = (error: StorageError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      clearTimeout(blockedTimer);
      reject(error);
    };

    // The page's early open (early-open.ts), if it is still of use.
    const adopted =
      options.name === undefined ? takeEarlyRequest('drafts', factory, version, options.earlyScope) : null;
    let request: IDBOpenDBRequest;
    try {
      request = adopted ? adopted.request : factory.open(options.name ?? DB_NAME, version);
    } catch (error) {
      fail(toStorageError(error, 'unavailable'));
      return;
    }
    request.onupgradeneeded = (event) => {
      const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
      tx.done.catch(() => {}); // an aborted upgrade is reported through request.onerror
      upgrade(request.result, event.oldVersion, version, tx, now()).catch((error) => {
        upgradeError = error;
        try {
          request.transaction?.abort();
        } catch {
          // already finished: its own error will reach onerror
        }
      });
    };
    const onBlocked = () => {
      clearTimeout(blockedTimer);
      blockedTimer = setTimeout(
        () => fail(new StorageError('blocked', null)),
        options.blockedGraceMs ?? 3000,
      );
    };
    request.onblocked = onBlocked;
    request.onerror = (event) => {
      event.preventDefault();
      if (upgradeError !== null) {
        fail(new StorageError('upgrade-failed', errorText(upgradeError), { cause: upgradeError }));
      } else {
        fail(toStorageError(request.error, 'unavailable'));
      }
    };
    const onSuccess = () => {
      const raw = request.result;
      if (settled) {
        raw.close(); // we gave up waiting; do not keep a connection nobody uses
        return;
      }
      settled = true;
      clearTimeout(timeout);
      clearTimeout(blockedTimer);
      raw.onversionchange = () => {
        // Let the newer version upgrade instead of blocking it; this page then stops saving.
        raw.close();
        options.onClosed?.(new StorageError('closed', null));
      };
      raw.onclose = () => options.onClosed?.(new StorageError('closed', '浏览器关闭了连接'));
      resolve(wrap(raw) as unknown as DraftDatabase);
    };
    request.onsuccess = onSuccess;
    // What the early request went through before we listened.
    if (adopted?.blocked) onBlocked();
    if (adopted?.outcome === 'success') onSuccess();
  });
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
