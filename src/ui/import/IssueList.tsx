import type { ImportIssue } from '../../import/issues.ts';
import { groupIssues, reviewCellId, severityClass, sourceLineId } from './review-marks.ts';

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

/** Every issue of the import, worst first, a row's shared doubt once; each shows its cell and source line. */
export function IssueList({ issues }: { issues: readonly ImportIssue[] }) {
  if (issues.length === 0) {
    return <p class="import-clean">全部内容都已识别，没有不确定或未找到的内容。</p>;
  }
  return (
    <ul class="import-issues">
      {groupIssues(issues).map((group, i) => (
        <li key={`${i}-${group.text}`} class={severityClass(group.severity)}>
          <button type="button" class="import-issue" onClick={() => showIssue(group.issue)}>
            <span class="import-issue-severity">{group.severity}</span>
            {group.text}
            {group.issue.source ? <span class="import-issue-source">原文：{group.issue.source}</span> : null}
            {group.issue.line ? <span class="import-issue-line">第 {group.issue.line} 行</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
