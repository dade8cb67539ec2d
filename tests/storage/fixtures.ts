/** Test data and helpers shared by the storage tests. */
import example from '../../examples/gx-kjt-2021.json';
import { type Report, reportSchema } from '../../src/report/document.ts';

/** The real sample report (广西科技厅 2021), with a fresh id so tests do not share one. */
export function sampleReport(id = 'sample-2021'): Report {
  return { ...reportSchema().parse(example), id };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 10, 9, 0, 0)) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
    set(ms: number) {
      time = ms;
    },
  };
}

/** The store names of the current (v2) schema, sorted. */
export const V2_STORES = ['bodies', 'drafts', 'pending', 'revisionBodies', 'revisions'];

/** An old page's v1 connection that does not close on versionchange (as an older build might not). */
export function openOldTab(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
