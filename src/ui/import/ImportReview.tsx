import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportIssue, ReportFormat } from '../../import/issues.ts';
import type { CellId } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { evaluate } from '../../report/rules.ts';
import { reportTitle, SECTIONS, TABLES } from '../../report/template.ts';
import { IssueList } from './IssueList.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { countBySeverity, reviewMarks } from './review-marks.ts';
import { SourcePane } from './SourcePane.tsx';

export interface ImportedDraft {
  report: Report;
  issues: ImportIssue[];
  format: ReportFormat;
  notImported: string[];
}

export interface ImportReviewProps extends ImportedDraft {
  /** Cells left empty because their part of the source is not imported: marked as such. */
  notImportedCells?: readonly CellId[];
  /** Checks of the format the imported numbers fail (their cells are 不确定). */
  failedChecks?: readonly string[];
  sourceText: string;
  origin: string;
  onConfirm(): void;
  onBack(): void;
  onCancel(): void;
}

const PREVIEW_CHARS = 80;
/** Failed checks listed one by one; more are counted. */
const MAX_FAILED_SHOWN = 8;
const preview = (text: string) => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text);

function Checks({ report }: { report: Report }) {
  const findings = useMemo(() => evaluate(report), [report]);
  if (findings.length === 0) return <p class="import-clean">审核全部通过。</p>;
  // Blank cells come as one 提示 per table (「表三有 3 格未填写，按 0 计…」).
  return (
    <ul class="import-checks">
      {findings.map((f, i) => (
        <li key={`${i}-${f.message}`} class={f.severity === '错误' ? 'finding-error' : 'finding-hint'}>
          <span class="finding-severity">{f.severity}</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

/** Side by side: the source, and the draft made from it with every doubt marked; confirm or not. */
export function ImportReview(props: ImportReviewProps) {
  const { report, issues, format, notImported } = props;
  const marks = useMemo(() => reviewMarks(issues), [issues]);
  const notImportedCells = useMemo(() => new Set(props.notImportedCells ?? []), [props.notImportedCells]);
  const counts = countBySeverity(issues);
  const failed = props.failedChecks ?? [];
  const doubts = counts.未找到 + counts.不确定;
  const [checked, setChecked] = useState(false);
  // Confirmed once: storing the draft takes a moment, and a second click must not store it twice.
  const [confirmed, setConfirmed] = useState(false);
  const confirming = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section class="import-review" aria-labelledby="import-review-title">
      <h2 id="import-review-title" ref={heading} tabIndex={-1}>
        核对导入结果：《{reportTitle(report.agency || '（机关名称未识别）', report.year)}》
      </h2>
      <p class="import-summary" role="status">
        {format === '2019' ? '2019年试行格式的报告' : '2021年格式的报告'}。未找到 {counts.未找到} 处 · 不确定{' '}
        {counts.不确定} 处 · 提示 {counts.提示} 处 · 勾稽关系不符 {failed.length} 项
        {notImportedCells.size
          ? `；${notImportedCells.size} 格未导入（见“未导入的内容”，需按2021年格式填写）`
          : ''}
        。标出的单元格请对照左侧原文核对。
      </p>
      <div class="import-sides">
        <SourcePane text={props.sourceText} origin={props.origin} lines={marks.lines} />
        <div class="import-draft">
          <h3>基本信息</h3>
          <dl class="import-facts">
            <dt>机关名称</dt>
            <dd>{report.agency || '（未识别）'}</dd>
            <dt>年度</dt>
            <dd>{report.year ?? '（未识别）'}</dd>
            <dt>统计期限</dt>
            <dd>{report.period.start ? `${report.period.start} 至 ${report.period.end}` : '（未识别）'}</dd>
            <dt>前言</dt>
            <dd>{preview(report.preamble) || '（空）'}</dd>
          </dl>
          <h3>需要核对的内容</h3>
          {failed.length ? (
            <div class="import-failed-checks" role="note">
              <p>
                导入的数字有 {failed.length}{' '}
                项不符合表格的勾稽关系（已发布的年报一般都符合），很可能有数字读错了位置；
                涉及的单元格都标为“不确定”，请逐一对照原文核对：
              </p>
              <ul>
                {failed.slice(0, MAX_FAILED_SHOWN).map((f) => (
                  <li key={f}>{f}</li>
                ))}
                {failed.length > MAX_FAILED_SHOWN ? (
                  <li>另有 {failed.length - MAX_FAILED_SHOWN} 项</li>
                ) : null}
              </ul>
            </div>
          ) : null}
          <IssueList issues={issues} />
          {notImported.length ? (
            <>
              <h3>未导入的内容（{notImported.length}）</h3>
              <ul class="import-not-imported">
                {notImported.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>各部分文字</h3>
          {SECTIONS.map((s) =>
            s.kind === 'text' ? (
              <details key={s.no} class="import-text">
                <summary>
                  {s.heading}：{preview(report.sections[s.key]) || '（空）'}
                </summary>
                <p class="import-text-full">{report.sections[s.key]}</p>
              </details>
            ) : null,
          )}
          <h3>表格</h3>
          {TABLES.map((t) => (
            <ReviewTable
              key={t.id}
              table={t}
              report={report}
              marks={marks.cells}
              notImported={notImportedCells}
            />
          ))}
          <h3>审核结果</h3>
          <Checks report={report} />
        </div>
      </div>
      <footer class="import-confirm">
        {doubts > 0 ? (
          <label class="import-ack">
            <input
              type="checkbox"
              checked={checked}
              onChange={(e) => setChecked((e.target as HTMLInputElement).checked)}
            />
            我已对照原文核对标出的 {doubts} 处未找到或不确定的内容（导入后可在编辑中改正）
          </label>
        ) : null}
        <div class="import-buttons">
          <button
            type="button"
            class="primary"
            disabled={(doubts > 0 && !checked) || confirmed}
            onClick={() => {
              if (confirming.current) return;
              confirming.current = true;
              setConfirmed(true);
              props.onConfirm();
            }}
          >
            {confirmed ? '正在创建草稿…' : '确认导入'}
          </button>
          <button type="button" onClick={props.onBack}>
            重新粘贴
          </button>
          <button type="button" onClick={props.onCancel}>
            取消
          </button>
        </div>
      </footer>
    </section>
  );
}
