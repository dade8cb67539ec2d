/**
 * Bench page for bench/storage-browser.bench.ts: the real IndexedDB draft repository
 * (openDraftRepository) in Chromium, next to bare `idb` calls on a database of its own as baselines.
 * Every function times its own work with performance.now() and returns milliseconds.
 */
import { type IDBPDatabase, openDB } from 'idb';
import type { Report } from '../../src/report/document.ts';
import { evaluate } from '../../src/report/rules.ts';
import { openDraftDb } from '../../src/storage/db.ts';
import {
  contentFacts,
  newDraftRow,
  requireRow,
  savedRow,
  storableReport,
} from '../../src/storage/records.ts';
import type { DraftRepository } from '../../src/storage/repository.ts';
import { openDraftRepository } from '../../src/storage/repository.ts';
import { exposeBench } from './expose.ts';

let repository: DraftRepository | null = null;
let bare: IDBPDatabase | null = null;

async function open(): Promise<DraftRepository> {
  const { repository: opened, problem } = await openDraftRepository();
  if (problem || opened.kind !== 'indexeddb') {
    opened.close();
    throw new Error(`IndexedDB did not open: ${problem?.message ?? opened.kind}`);
  }
  repository = opened;
  return opened;
}

const repo = () => {
  if (!repository) throw new Error('call open() first');
  return repository;
};

/** A report whose value in `cell` is `value`: each save writes a change, as autosave does. */
const withCell = (report: Report, cell: string, value: number): Report => ({
  ...report,
  cells: { ...report.cells, [cell]: value },
});

async function openBare(): Promise<IDBPDatabase> {
  bare ??= await openDB('bench-bare', 1, {
    upgrade(db) {
      db.createObjectStore('bodies', { keyPath: 'id' });
      db.createObjectStore('small', { keyPath: 'id' });
    },
  });
  return bare;
}

const api = {
  /** Opens the repository; ms to open. */
  async open() {
    const start = performance.now();
    await open();
    return performance.now() - start;
  },

  /**
   * `drafts` drafts through create(), each followed by `revisionsPerDraft` revisions through
   * addRevision() (each one cell different, so none is skipped as equal to the latest).
   */
  async seed(base: Report, drafts: number, revisionsPerDraft: number) {
    const r = repo();
    const start = performance.now();
    for (let d = 0; d < drafts; d++) {
      const report = { ...base, id: `seed-${d}`, agency: `${base.agency}（第${d + 1}单位）` };
      const { summary } = await r.create(report);
      for (let v = 0; v < revisionsPerDraft; v++) {
        await r.addRevision(summary.id, withCell(report, 't3.new.natural', 1000 + v), 'auto');
      }
    }
    return performance.now() - start;
  },

  /** Creates a draft of `report`, then times `warmup + samples` saves, each awaited; returns the samples. */
  async saves(report: Report, cell: string, warmup: number, samples: number) {
    const r = repo();
    const { summary } = await r.create({ ...report, id: `bench-save-${Date.now()}` });
    let version = summary.version;
    const times: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const next = withCell(report, cell, i % 2 ? 7 : 3);
      const start = performance.now();
      version = (await r.save(summary.id, next, version)).version;
      if (i >= warmup) times.push(performance.now() - start);
    }
    return times;
  },

  /**
   * Where a save's time goes, outside IndexedDB: the work save() does on the main thread before its
   * transaction (storableReport = zod validation, contentFacts = JSON + 审核 + digest), and the
   * 审核 (evaluate) and JSON.stringify inside contentFacts on their own.
   */
  async saveParts(report: Report, cell: string, warmup: number, samples: number) {
    const parts = {
      validate: [] as number[],
      facts: [] as number[],
      evaluate: [] as number[],
      json: [] as number[],
    };
    for (let i = 0; i < warmup + samples; i++) {
      const next = withCell(report, cell, i % 2 ? 7 : 3);
      const t0 = performance.now();
      const stored = storableReport(next, next.id);
      const t1 = performance.now();
      contentFacts(stored);
      const t2 = performance.now();
      evaluate(stored);
      const t3 = performance.now();
      JSON.stringify(stored);
      const t4 = performance.now();
      if (i < warmup) continue;
      parts.validate.push(t1 - t0);
      parts.facts.push(t2 - t1);
      parts.evaluate.push(t3 - t2);
      parts.json.push(t4 - t3);
    }
    return parts;
  },

  /**
   * Experiment for a fix: save() replicated step by step on a database of the same schema (its own
   * name), as it is (each request awaited before the next) and with the three writes issued together
   * after the version read (one wait instead of three), alternating so both see the same machine.
   */
  async saveVariants(report: Report, cell: string, warmup: number, samples: number) {
    const db = await openDraftDb({ name: 'bench-save-variants' });
    const id = 'variant';
    const first = storableReport(report, id);
    await db.put('drafts', newDraftRow(first, null, Date.now()));
    await db.put('bodies', { id, report: first });
    const times = { sequential: [] as number[], pipelined: [] as number[] };
    try {
      for (let i = 0; i < warmup + samples; i++) {
        for (const variant of ['sequential', 'pipelined'] as const) {
          const next = withCell(report, cell, i % 2 ? 7 : 3);
          const start = performance.now();
          const stored = storableReport(next, id);
          const tx = db.transaction(['drafts', 'bodies', 'pending'], 'readwrite');
          const row = requireRow(await tx.objectStore('drafts').get(id), id);
          const saved = savedRow(row, stored, Date.now());
          if (variant === 'sequential') {
            await tx.objectStore('drafts').put(saved);
            await tx.objectStore('bodies').put({ id, report: stored });
            await tx.objectStore('pending').delete(id);
          } else {
            const writes = [
              tx.objectStore('drafts').put(saved),
              tx.objectStore('bodies').put({ id, report: stored }),
              tx.objectStore('pending').delete(id),
            ];
            for (const w of writes) w.catch(() => {}); // a failure shows on tx.done
          }
          await tx.done;
          if (i >= warmup) times[variant].push(performance.now() - start);
        }
      }
    } finally {
      db.close();
    }
    return times;
  },

  /** Baseline of saves: one bare idb put of { id, report } per sample, in its own database. */
  async barePuts(report: Report, cell: string, warmup: number, samples: number) {
    const db = await openBare();
    const times: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const next = withCell(report, cell, i % 2 ? 7 : 3);
      const start = performance.now();
      await db.put('bodies', { id: 'bare', report: next });
      if (i >= warmup) times.push(performance.now() - start);
    }
    return times;
  },

  /** `samples` list() calls on the open repository (after `warmup`); with the count listed. */
  async lists(warmup: number, samples: number) {
    const r = repo();
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      count = (await r.list()).length;
      if (i >= warmup) times.push(performance.now() - start);
    }
    return { times, count };
  },

  /** close(), openDraftRepository() again, first list(): ms for the open and for that list. */
  async reopenAndList() {
    repo().close();
    repository = null;
    const start = performance.now();
    const r = await open();
    const opened = performance.now();
    const count = (await r.list()).length;
    return { openMs: opened - start, listMs: performance.now() - opened, count };
  },

  /** On a page just loaded: openDraftRepository() and the first list(). */
  async firstOpenAndList() {
    const start = performance.now();
    const r = await open();
    const opened = performance.now();
    const count = (await r.list()).length;
    return { openMs: opened - start, listMs: performance.now() - opened, count };
  },

  /** Baseline of list(): getAll of a store of `rows` small rows in the bench's own database. */
  async smallGetAlls(rows: number, warmup: number, samples: number) {
    const db = await openBare();
    const tx = db.transaction('small', 'readwrite');
    for (let i = 0; i < rows; i++) await tx.store.put({ id: `row-${i}`, name: `第${i + 1}单位`, savedAt: i });
    await tx.done;
    const times: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      await db.getAll('small');
      if (i >= warmup) times.push(performance.now() - start);
    }
    return times;
  },

  async close() {
    repository?.close();
    repository = null;
    bare?.close();
    bare = null;
  },
};

export type StorageBench = typeof api;
exposeBench(api);
