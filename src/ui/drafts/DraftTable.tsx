import { formatBytes } from '../../storage/persistence.ts';
import type { DraftSummary } from '../../storage/repository.ts';
import { ReviewBadge } from '../ReviewBadge.tsx';
import { formatDateTime } from './draft-filter.ts';
import { RenameForm } from './RenameForm.tsx';

export interface DraftTableProps {
  drafts: readonly DraftSummary[];
  renaming: string | null;
  /** Per draft id: 「已保存到 x」 / 「x（有未保存的改动）」; drafts without a file are not listed. */
  fileStatuses?: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
  onNextYear: (id: string) => void;
  onStartRename: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onCancelRename: () => void;
  onDuplicate: (id: string) => void;
  onTrash: (draft: DraftSummary) => void;
}

/** The state of the draft's 审核 when it was last saved, with its counts. */
function Checks({ draft }: { draft: DraftSummary }) {
  return (
    <span class="draft-checks">
      <ReviewBadge counts={draft} />
    </span>
  );
}

/** 「2026-01-10 09:15」, wrapping (if at all) between the date and the time, never inside them. */
function SavedAt({ time }: { time: number }) {
  const [date, clock] = formatDateTime(time).split(' ');
  return (
    <time class="draft-saved" dateTime={new Date(time).toISOString()}>
      <span>{date}</span> <span>{clock}</span>
    </time>
  );
}

/** The drafts, one row each, with their actions. Buttons carry the draft's name for screen readers. */
export function DraftTable(props: DraftTableProps) {
  const { drafts, renaming } = props;
  return (
    <table class="draft-table">
      <caption class="visually-hidden">草稿，共 {drafts.length} 份</caption>
      <thead>
        <tr>
          <th scope="col">名称</th>
          <th scope="col" class="draft-agency">
            机关名称
          </th>
          <th scope="col" class="draft-year">
            年度
          </th>
          <th scope="col">最后保存</th>
          <th scope="col">审核</th>
          <th scope="col" class="draft-size">
            大小
          </th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => (
          <tr key={d.id} data-draft-id={d.id}>
            <th scope="row" class="draft-name">
              {renaming === d.id ? (
                <RenameForm
                  draft={d}
                  onSubmit={(name) => props.onRename(d.id, name)}
                  onCancel={props.onCancelRename}
                />
              ) : (
                d.name
              )}
              {/* A narrow window has no 机关名称/年度 columns: a name given on purpose says them here. */}
              {d.customName !== null && renaming !== d.id ? (
                <span class="draft-name-facts">
                  {d.agency || '（未填写机关名称）'} {d.year === null ? '' : `${d.year}年度`}
                </span>
              ) : null}
              {props.fileStatuses?.has(d.id) ? (
                <span class="draft-file">{props.fileStatuses.get(d.id)}</span>
              ) : null}
            </th>
            <td class="draft-agency">{d.agency || '（未填写）'}</td>
            <td class="draft-year">{d.year ?? '（未填写）'}</td>
            <td>
              <SavedAt time={d.savedAt} />
            </td>
            <td>
              <Checks draft={d} />
            </td>
            <td class="draft-size">{formatBytes(d.size)}</td>
            <td class="draft-actions">
              <button
                type="button"
                class="primary"
                aria-label={`打开：${d.name}`}
                onClick={() => props.onOpen(d.id)}
              >
                打开
              </button>
              <button
                type="button"
                aria-label={`新建下一年度：${d.name}`}
                onClick={() => props.onNextYear(d.id)}
                disabled={d.year === null}
                title={
                  d.year === null ? '请先填写报告年度' : `以本草稿为基础新建 ${(d.year ?? 0) + 1} 年度报告`
                }
              >
                新建下一年度
              </button>
              <button
                type="button"
                data-rename={d.id}
                aria-label={`重命名：${d.name}`}
                onClick={() => props.onStartRename(d.id)}
              >
                重命名
              </button>
              <button type="button" aria-label={`复制：${d.name}`} onClick={() => props.onDuplicate(d.id)}>
                复制
              </button>
              <button type="button" aria-label={`删除：${d.name}`} onClick={() => props.onTrash(d)}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
