import type { DraftRepository } from '../../storage/repository.ts';
import { DraftList } from './DraftList.tsx';
import { useDraftList } from './useDraftList.ts';
import { type FileStatusSource, useFileStatuses } from './useFileStatuses.ts';

export interface DraftsHomeProps {
  repository: DraftRepository;
  /** Opens a draft in the editor (also called with the new draft after 新建 / 新建下一年度). */
  onOpen: (id: string) => void;
  /** Linked files, for the 「已保存到 x」 line under a draft's name. */
  files?: FileStatusSource;
}

/** The start page: the draft list wired to a repository. */
export function DraftsHome({ repository, onOpen, files }: DraftsHomeProps) {
  const list = useDraftList(repository);
  const fileStatuses = useFileStatuses(repository, list.drafts, files);
  const openCreated = (id: string | null) => {
    if (id) onOpen(id);
  };
  return (
    <DraftList
      drafts={list.drafts}
      trash={list.trash}
      loading={list.loading}
      error={list.error}
      fileStatuses={fileStatuses}
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
