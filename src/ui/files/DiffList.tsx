import type { ReportChange } from '../../files/diff.ts';

const SHOWN = 100;

/** Place by place: the report's label, the value in the browser and the value in the file. */
export function DiffList({ changes }: { changes: readonly ReportChange[] }) {
  const shown = changes.slice(0, SHOWN);
  return (
    <div class="file-diff">
      <table>
        <thead>
          <tr>
            <th scope="col">位置</th>
            <th scope="col">浏览器中的草稿</th>
            <th scope="col">文件中</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((change) => (
            <tr key={change.path.join('\u0000')}>
              <th scope="row">{change.label}</th>
              <td class="file-diff-before">{change.before}</td>
              <td class="file-diff-after">{change.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > SHOWN && <p>……另有 {changes.length - SHOWN} 处不同未列出。</p>}
    </div>
  );
}
