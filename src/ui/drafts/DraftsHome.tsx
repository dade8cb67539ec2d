import { useState } from 'preact/hooks';
import type { DraftRepository } from '../../storage/repository.ts';
import { DraftList, type NextYearQuestion } from './DraftList.tsx';
import { nextYearDraftOf } from './next-year.ts';
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
  const [question, setQuestion] = useState<NextYearQuestion | null>(null);
  const openCreated = (id: string | null) => {
    if (id) onOpen(id);
  };
  // 新建下一年度 twice would make two drafts of the same year with the same name: ask first.
  const nextYear = async (id: string) => {
    const source = list.drafts.find((d) => d.id === id);
    const existing = source && nextYearDraftOf(list.drafts, source, id);
    if (source && existing) setQuestion({ source, existing });
    else openCreated(await list.nextYear(id));
  };
  return (
    <DraftList
      drafts={list.drafts}
      trash={list.trash}
      loading={list.loading}
      error={list.error}
      fileStatuses={fileStatuses}
      onNew={async () => openCreated(await list.create())}
      onNextYear={(id) => void nextYear(id)}
      nextYearQuestion={question}
      onNextYearAnswer={async (answer) => {
        const asked = question;
        setQuestion(null);
        if (!asked || answer === 'cancel') return;
        if (answer === 'open') onOpen(asked.existing.id);
        else openCreated(await list.nextYear(asked.source.id));
      }}
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
