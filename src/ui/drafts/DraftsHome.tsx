import type { DraftRepository } from '../../storage/repository.ts';
import { DraftList } from './DraftList.tsx';
import { useDraftList } from './useDraftList.ts';

export interface DraftsHomeProps {
  repository: DraftRepository;
  /** Opens a draft in the editor (also called with the new draft after 新建 / 新建下一年度). */
  onOpen: (id: string) => void;
}

/** The start page: the draft list wired to a repository. */
export function DraftsHome({ repository, onOpen }: DraftsHomeProps) {
  const list = useDraftList(repository);
  const openCreated = (id: string | null) => {
    if (id) onOpen(id);
  };
  return (
    <DraftList
      drafts={list.drafts}
      trash={list.trash}
      loading={list.loading}
      error={list.error}
      onNew={async () => openCreated(await list.create())}
      onNextYear={async (id) => openCreated(await list.nextYear(id))}
      onOpen={onOpen}
      onRename={list.rename}
      onDuplicate={list.duplicate}
      onTrash={list.trashDraft}
      onRestore={list.restore}
      onDeleteForever={list.deleteForever}
      onEmptyTrash={list.emptyTrash}
    />
  );
}
