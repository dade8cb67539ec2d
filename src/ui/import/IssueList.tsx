import type { ImportIssue } from '../../import/issues.ts';
import { reviewCellId, SEVERITY_ORDER, severityClass, sourceLineId } from './review-marks.ts';

/** Shows where an issue is: the marked cell gets focus, the source line scrolls into view. */
function showIssue(issue: ImportIssue) {
  const line = issue.line ? document.getElementById(sourceLineId(issue.line)) : null;
  line?.scrollIntoView?.({ block: 'center' });
  line?.classList.add('source-line-current');
  setTimeout(() => line?.classList.remove('source-line-current'), 2000);
  const cell = issue.cell ? document.getElementById(reviewCellId(issue.cell)) : null;
  if (cell) {
    cell.scrollIntoView?.({ block: 'center' });
    cell.focus();
  } else line?.focus();
}

/** Every issue of the import, worst first; each one shows its cell and its source line. */
export function IssueList({ issues }: { issues: readonly ImportIssue[] }) {
  if (issues.length === 0) {
    return <p class="import-clean">全部内容都已识别，没有不确定或未找到的内容。</p>;
  }
  const sorted = [...issues].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  return (
    <ul class="import-issues">
      {sorted.map((issue, i) => (
        <li key={`${i}-${issue.message}`} class={severityClass(issue.severity)}>
          <button type="button" class="import-issue" onClick={() => showIssue(issue)}>
            <span class="import-issue-severity">{issue.severity}</span>
            {issue.message}
            {issue.source ? <span class="import-issue-source">原文：{issue.source}</span> : null}
            {issue.line ? <span class="import-issue-line">第 {issue.line} 行</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
