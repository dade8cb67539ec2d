/** An in-memory DraftStore that records every call, for tests of what an import writes. */
import { vi } from 'vitest';
import type { DraftStore } from '../../src/files/import.ts';
import type { Report } from '../../src/report/document.ts';

export function spyStore(initial: Report[] = []) {
  const drafts = new Map(initial.map((r) => [r.id, structuredClone(r)]));
  const store = {
    drafts,
    get: vi.fn(async (id: string) => drafts.get(id) ?? null),
    put: vi.fn(async (report: Report, _options: { revisionReason: string }) => {
      drafts.set(report.id, structuredClone(report));
    }),
  } satisfies DraftStore & { drafts: Map<string, Report> };
  return store;
}
