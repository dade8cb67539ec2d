import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DraftSummary } from '../../storage/repository.ts';
import { ConfirmButtons } from './ConfirmButtons.tsx';
import { DraftTable } from './DraftTable.tsx';
import { type DraftSort, filterDrafts, formatDateTime, sortDrafts } from './draft-filter.ts';
import { TrashTable } from './TrashTable.tsx';

export interface DraftListProps {
  drafts: readonly DraftSummary[];
  trash: readonly DraftSummary[];
  loading?: boolean;
  /** The last failed action, in Chinese; shown as an alert. */
  error?: string | null;
  /** Per draft id: which file it is linked to and whether it has unsaved changes. */
  fileStatuses?: ReadonlyMap<string, string>;
  onNew: () => void;
  onNextYear: (id: string) => void;
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => unknown;
  onDuplicate: (id: string) => unknown;
  onTrash: (id: string) => unknown;
  onRestore: (id: string) => void;
  onDeleteForever: (id: string) => void;
  onEmptyTrash: () => void;
  /** 新建下一年度 of a draft whose next year's draft exists already: ask before making a second one. */
  nextYearQuestion?: NextYearQuestion | null;
  onNextYearAnswer?: (answer: 'open' | 'create' | 'cancel') => void;
}

export interface NextYearQuestion {
  source: DraftSummary;
  existing: DraftSummary;
}

/** 「已有 2022 年度的草稿」: open it, make a second one anyway, or nothing. Takes the focus. */
function NextYearAsk({
  question,
  onAnswer,
}: {
  question: NextYearQuestion;
  onAnswer: (a: 'open' | 'create' | 'cancel') => void;
}) {
  const open = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => open.current?.focus(), [question]);
  const { existing } = question;
  return (
    <div class="draft-question" role="alert">
      <p>
        “{question.source.agency || question.source.name}”已有 {existing.year} 年度的草稿“{existing.name}
        ”（最后保存 {formatDateTime(existing.savedAt)}）。再新建一份，就会有两份同一年度的草稿，容易填错。
      </p>
      <div class="draft-question-buttons">
        <button type="button" class="primary" ref={open} onClick={() => onAnswer('open')}>
          打开已有的草稿
        </button>
        <button type="button" onClick={() => onAnswer('create')}>
          仍然新建
        </button>
        <button type="button" onClick={() => onAnswer('cancel')}>
          取消
        </button>
      </div>
    </div>
  );
}

/**
 * 草稿列表, the start page: search by 机关名称 or 年度, sort by last save, the actions on each
 * draft, and the 回收站. Holds only view state (query, sort, which row is being renamed).
 */
export function DraftList(props: DraftListProps) {
  const { drafts, trash, loading = false, error = null } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DraftSort>('newest');
  const [view, setView] = useState<'drafts' | 'trash'>('drafts');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [trashed, setTrashed] = useState<DraftSummary | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [focusRename, setFocusRename] = useState<string | null>(null);
  const [copied, setCopied] = useState<DraftSummary | null>(null);
  const root = useRef<HTMLElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), search: useId(), sort: useId() };

  const shown = sortDrafts(filterDrafts(view === 'drafts' ? drafts : trash, query), sort);

  // Keyboard users keep their place: back on 重命名 after renaming, on 撤销 after deleting.
  useLayoutEffect(() => {
    if (focusRename === null) return;
    const buttons = root.current?.querySelectorAll<HTMLButtonElement>('[data-rename]') ?? [];
    for (const button of buttons) if (button.dataset.rename === focusRename) button.focus();
    setFocusRename(null);
  }, [focusRename]);
  useLayoutEffect(() => {
    if (trashed) undoButton.current?.focus();
  }, [trashed]);

  const endRename = (id: string) => {
    setRenaming(null);
    setFocusRename(id);
  };
  const trashDraft = async (draft: DraftSummary) => {
    await props.onTrash(draft.id);
    setCopied(null);
    setTrashed(draft);
  };

  return (
    <section class="draft-list" aria-labelledby={ids.title} ref={root}>
      <header class="draft-list-head">
        <h1 id={ids.title}>{view === 'drafts' ? '草稿列表' : '回收站'}</h1>
        {view === 'drafts' ? (
          <>
            <button type="button" class="primary" onClick={props.onNew}>
              新建
            </button>
            <button type="button" onClick={() => setView('trash')}>
              回收站（{trash.length}）
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setView('drafts')}>
            返回草稿列表
          </button>
        )}
      </header>

      {/* biome-ignore lint/a11y/useSemanticElements: Chromium 86, our oldest target, has no <search> element */}
      <div class="draft-tools" role="search">
        <label for={ids.search}>搜索</label>
        <input
          id={ids.search}
          type="search"
          value={query}
          placeholder="机关名称或年度"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label for={ids.sort}>排序</label>
        <select id={ids.sort} value={sort} onChange={(e) => setSort(e.currentTarget.value as DraftSort)}>
          <option value="newest">最近保存的在前</option>
          <option value="oldest">最早保存的在前</option>
        </select>
      </div>

      {error && (
        <p class="draft-error" role="alert">
          {error}
        </p>
      )}
      {props.nextYearQuestion && props.onNextYearAnswer && view === 'drafts' ? (
        <NextYearAsk question={props.nextYearQuestion} onAnswer={props.onNextYearAnswer} />
      ) : null}
      {copied && view === 'drafts' && (
        <p class="draft-notice" role="status">
          已复制“{copied.name}”。副本是最近保存的一份；它的名称随报告中的机关名称和年度变化，也可以“重命名”。
        </p>
      )}
      {trashed && view === 'drafts' && (
        <p class="draft-notice" role="status">
          已将“{trashed.name}”移到回收站。
          <button
            type="button"
            ref={undoButton}
            onClick={() => {
              props.onRestore(trashed.id);
              setTrashed(null);
            }}
          >
            撤销
          </button>
        </p>
      )}

      {view === 'trash' && (
        <div class="trash-head">
          <p>回收站中的草稿不会自动删除；只有点击“永久删除”或“清空回收站”才会删除，删除后无法恢复。</p>
          {trash.length > 0 &&
            (confirmEmpty ? (
              <ConfirmButtons
                danger
                onConfirm={() => {
                  setConfirmEmpty(false);
                  props.onEmptyTrash();
                }}
                onCancel={() => setConfirmEmpty(false)}
              >
                确认清空回收站（永久删除 {trash.length} 份草稿）
              </ConfirmButtons>
            ) : (
              <button type="button" onClick={() => setConfirmEmpty(true)}>
                清空回收站
              </button>
            ))}
        </div>
      )}

      {loading ? (
        <p role="status">正在读取草稿…</p>
      ) : shown.length === 0 ? (
        <p class="draft-empty">
          {query.trim()
            ? `没有与“${query.trim()}”相符的草稿。`
            : view === 'drafts'
              ? '还没有草稿。点击“新建”开始填写年度报告。'
              : '回收站是空的。'}
        </p>
      ) : view === 'drafts' ? (
        <DraftTable
          drafts={shown}
          renaming={renaming}
          {...(props.fileStatuses ? { fileStatuses: props.fileStatuses } : {})}
          onOpen={props.onOpen}
          onNextYear={props.onNextYear}
          onStartRename={setRenaming}
          onRename={async (id, name) => {
            await props.onRename(id, name);
            endRename(id);
          }}
          onCancelRename={() => endRename(renaming ?? '')}
          onDuplicate={async (id) => {
            const source = drafts.find((d) => d.id === id) ?? null;
            await props.onDuplicate(id);
            setTrashed(null);
            setCopied(source);
          }}
          onTrash={trashDraft}
        />
      ) : (
        <TrashTable drafts={shown} onRestore={props.onRestore} onDeleteForever={props.onDeleteForever} />
      )}
    </section>
  );
}
