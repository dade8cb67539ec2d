import { useEffect, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import { nextYearReport } from '../../report/next-year.ts';
import { toStorageError } from '../../storage/errors.ts';
import type { DraftRepository, DraftSummary } from '../../storage/repository.ts';
import { formatDateTime } from './draft-filter.ts';
import { isPastYear, nextYearDraftOf } from './next-year.ts';

export interface NextYearOfferProps {
  report: Report;
  repository: DraftRepository;
  /** The draft was just made by 导入往年报告. */
  imported: boolean;
  onOpen(id: string): void;
}

/** Why the next year's report should start from this one: what it takes over. */
const WHY =
  '新一年的报告会自动带上本报告的数字和文字：表三“上年结转”等于本报告的“结转下年度继续办理”，同比和审核中的上年数字、文字也都来自本报告。';

/**
 * Above the editor of a report whose year is over, or that was just imported: 新建下一年度 where the
 * clerk is, and why it matters; when next year's draft exists already, 打开 it instead of making a
 * second one.
 */
export function NextYearOffer({ report, repository, imported, onOpen }: NextYearOfferProps) {
  const [dismissed, setDismissed] = useState(false);
  const [existing, setExisting] = useState<DraftSummary | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = !dismissed && report.year !== null && (imported || isPastYear(report.year));
  const { agency, year } = report;

  useEffect(() => {
    if (!shown) return;
    let live = true;
    repository
      .list()
      .then((drafts) => live && setExisting(nextYearDraftOf(drafts, { agency, year }, report.id) ?? null))
      .catch(() => live && setExisting(null));
    return () => {
      live = false;
    };
  }, [shown, repository, agency, year, report.id]);

  if (!shown || existing === undefined) return null;
  const next = year! + 1;
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await repository.create(nextYearReport(report));
      onOpen(created.summary.id);
    } catch (caught) {
      setError(toStorageError(caught).message);
      setBusy(false);
    }
  };

  return (
    <div class="next-year-offer" role="note" aria-label={`${next} 年度报告`}>
      <p>
        {imported ? `已导入 ${year} 年度报告。` : `这是 ${year} 年度的报告。`}
        {existing
          ? `已有 ${next} 年度的草稿“${existing.name}”（最后保存 ${formatDateTime(existing.savedAt)}），请打开它继续填写。`
          : `要填写 ${next} 年度报告，请从本报告“新建下一年度”。`}
        <span class="next-year-why">{WHY}</span>
      </p>
      {error ? (
        <p class="draft-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="next-year-buttons">
        {existing ? (
          <>
            <button type="button" class="primary" onClick={() => onOpen(existing.id)}>
              打开 {next} 年度草稿
            </button>
            <button type="button" disabled={busy} onClick={() => void create()}>
              仍然新建一份
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={busy} onClick={() => void create()}>
            新建下一年度（{next} 年）
          </button>
        )}
        <button type="button" onClick={() => setDismissed(true)}>
          以后再说
        </button>
      </div>
    </div>
  );
}
