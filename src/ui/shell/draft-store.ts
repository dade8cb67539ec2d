import type { DraftStore } from '../../files/import.ts';
import type { DraftRepository } from '../../storage/repository.ts';

/**
 * What opening a file needs from storage, over the draft repository. `beforeRead` lets the open
 * editor flush its pending autosave first, so the comparison and the kept revision see the latest
 * content. A draft that exists is replaced atomically with its old content kept as a revision.
 */
export function draftStoreFor(
  repository: () => DraftRepository | null,
  beforeRead: () => Promise<unknown>,
): DraftStore {
  const ready = () => {
    const repo = repository();
    // importDraftFile turns this into 「无法读取浏览器中的草稿…」 and writes nothing.
    if (!repo) throw new Error('浏览器中的草稿还没有打开');
    return repo;
  };
  return {
    async get(id) {
      await beforeRead();
      return (await ready().get(id))?.report ?? null;
    },
    async put(report) {
      const repo = ready();
      if (await repo.get(report.id)) await repo.replace(report.id, report, 'import');
      else await repo.create(report);
    },
  };
}
