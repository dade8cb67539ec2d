/** The browser's drafts as 汇总 units want them: for AggregateScreen's listStoredDrafts. */
import type { StoredDraft } from '../../aggregate/units.ts';
import type { DraftRepository } from '../../storage/repository.ts';

/** Every draft not in the 回收站, most recently saved first, with its report. */
export async function listStoredDrafts(repository: DraftRepository): Promise<StoredDraft[]> {
  const summaries = await repository.list();
  const opened = await Promise.all(summaries.map((s) => repository.get(s.id)));
  return summaries.flatMap((s, i) => {
    const draft = opened[i];
    return draft ? [{ id: s.id, name: s.name, report: draft.report }] : [];
  });
}
