import { useEffect, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import type { DraftRepository, DraftSummary } from '../../storage/repository.ts';

export interface FileStatusSource {
  /** Whether the draft is linked to a file at all (cheap; no report needed). */
  isLinked(id: string): boolean;
  /** 「已保存到 x」 / 「x（有未保存的改动）」, judged on the stored content. */
  statusOf(report: Report): string;
}

/**
 * The file status of each linked draft in the list. Only linked drafts are read (usually a few), and
 * again whenever the list changes, so 「有未保存的改动」 follows what was saved since.
 */
export function useFileStatuses(
  repository: DraftRepository,
  drafts: readonly DraftSummary[],
  files: FileStatusSource | undefined,
): ReadonlyMap<string, string> {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!files) return;
    let alive = true;
    const linked = drafts.filter((d) => files.isLinked(d.id));
    void Promise.all(linked.map((d) => repository.get(d.id).catch(() => undefined))).then((opened) => {
      if (!alive) return;
      const next = new Map<string, string>();
      for (const draft of opened) if (draft) next.set(draft.summary.id, files.statusOf(draft.report));
      setStatuses(next);
    });
    return () => {
      alive = false;
    };
  }, [repository, drafts, files]);
  return statuses;
}
