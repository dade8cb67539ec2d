/**
 * Opening both databases before the app's script is even parsed.
 *
 * In a fresh browser profile the first open of a database takes 100–300 ms in the browser, and each
 * step of it (upgrade, success) then waits for the page's main thread, which is busy compiling and
 * running the app's ~0.5 MB script and reading the single file's ~6 MB. Started from a small
 * classic script in <head> (scripts/vite/early-storage-plugin.ts inlines this file there, built on
 * its own: it must not import anything), the open runs alongside all of that. db.ts and
 * rescue-db.ts then take the early requests over (takeEarlyRequest) instead of opening again.
 *
 * What the early script may do to a database is kept small: create the stores of a new database
 * (no data to migrate), or give the upgrade up (abort) so the app's own open migrates with all its
 * checks and error messages. Until the app takes a connection over, another tab's upgrade is never
 * blocked by it: it closes on versionchange and the app then opens again.
 */

/** Unique to this tool: every file:// page of a browser profile shares one storage origin. */
export const DB_NAME = 'nianbao-tool';
export const DB_VERSION = 2;
export const RESCUE_DB_NAME = 'nianbao-tool-rescue';
export const RESCUE_DB_VERSION = 1;

/** The stores each schema version adds (db.ts migrates the data of older versions after this). */
export function createDraftStores(db: IDBDatabase, oldVersion: number, newVersion: number): void {
  if (oldVersion < 1) db.createObjectStore('drafts', { keyPath: 'id' });
  if (oldVersion < 2 && newVersion >= 2) {
    db.createObjectStore('bodies', { keyPath: 'id' });
    db.createObjectStore('revisions', { keyPath: 'id', autoIncrement: true }).createIndex(
      'byDraft',
      'draftId',
    );
    db.createObjectStore('revisionBodies', { keyPath: 'id' });
    db.createObjectStore('pending', { keyPath: 'draftId' });
  }
}

export function createRescueStores(db: IDBDatabase): void {
  db.createObjectStore('pending', { keyPath: 'draftId' });
}

/** An open request started early, and what happened to it before the app took it over. */
export interface EarlyRequest {
  factory: IDBFactory;
  version: number;
  request: IDBOpenDBRequest;
  /**
   * Which of 'success' and 'error' has fired (readyState cannot tell: it is already 'done' while
   * the upgrade runs, before 'success').
   */
  outcome: 'pending' | 'success' | 'error';
  /** 'blocked' fired: an old tab keeps an older version open. */
  blocked: boolean;
  /** The connection was closed (another tab upgrading) before the app took it over. */
  closed: boolean;
}

export interface EarlyOpen {
  drafts: EarlyRequest | null;
  rescue: EarlyRequest | null;
}

export const EARLY_OPEN_KEY = '__nianbaoEarlyOpen';

type Scope = { indexedDB?: IDBFactory | null; [EARLY_OPEN_KEY]?: EarlyOpen };
type Upgrade = (db: IDBDatabase, oldVersion: number, transaction: IDBTransaction | null) => void;

function openEarly(factory: IDBFactory, name: string, version: number, upgrade: Upgrade): EarlyRequest {
  const request = factory.open(name, version);
  const early: EarlyRequest = {
    factory,
    version,
    request,
    outcome: 'pending',
    blocked: false,
    closed: false,
  };
  request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion, request.transaction);
  request.onblocked = () => {
    early.blocked = true;
  };
  // The app opens again and reports the error itself; here it must not reach the console as uncaught.
  request.onerror = (event) => {
    event.preventDefault();
    early.outcome = 'error';
  };
  request.onsuccess = () => {
    early.outcome = 'success';
    const db = request.result;
    db.onversionchange = () => {
      db.close();
      early.closed = true;
    };
  };
  return early;
}

/** Starts both opens; never throws (a browser without IndexedDB is the app's to explain). */
export function startEarlyOpen(scope: Scope): void {
  try {
    const factory = scope.indexedDB;
    if (!factory) return;
    scope[EARLY_OPEN_KEY] = {
      drafts: openEarly(factory, DB_NAME, DB_VERSION, (db, oldVersion, transaction) => {
        if (oldVersion === 0) createDraftStores(db, 0, DB_VERSION);
        else transaction?.abort(); // data to migrate: the app's own open does it
      }),
      rescue: openEarly(factory, RESCUE_DB_NAME, RESCUE_DB_VERSION, createRescueStores),
    };
  } catch {
    // IndexedDB refused (file:// in some browsers, private modes): the app's own open reports it.
  }
}

/**
 * The early request for `which`, once (a later open makes its own), if it was made with this
 * factory and version and can still succeed: not failed (an aborted upgrade, IndexedDB refused),
 * not closed by another tab's upgrade. Otherwise null, and the caller opens on its own.
 */
export function takeEarlyRequest(
  which: keyof EarlyOpen,
  factory: IDBFactory,
  version: number,
  scope: Scope = globalThis as Scope,
): EarlyRequest | null {
  const started = scope[EARLY_OPEN_KEY];
  const early = started?.[which] ?? null;
  if (!started || !early) return null;
  started[which] = null;
  const failed = early.outcome === 'error' || early.closed;
  return early.factory === factory && early.version === version && !failed ? early : null;
}
