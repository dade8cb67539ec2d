import { type ReportDiff, showCellValue } from './report-diff.ts';

/** The differences between a revision (此版本) and what is on screen (当前), by official label. */
export function RevisionDiff({ diff }: { diff: ReportDiff }) {
  if (diff.count === 0) return <p class="diff-none">此版本与当前内容相同。</p>;
  const values = [...diff.fields, ...diff.notes];
  return (
    <div class="revision-diff">
      <p>此版本与当前内容有 {diff.count} 处不同：</p>
      {values.length > 0 && (
        <table class="diff-table">
          <caption>基本信息与注释</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">此版本</th>
              <th scope="col">当前</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => (
              <tr key={v.key}>
                <th scope="row">{v.label}</th>
                <td>{v.before || '（空）'}</td>
                <td>{v.after || '（空）'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.cells.length > 0 && (
        <table class="diff-table">
          <caption>表格数字（{diff.cells.length} 格）</caption>
          <thead>
            <tr>
              <th scope="col">单元格</th>
              <th scope="col">此版本</th>
              <th scope="col">当前</th>
            </tr>
          </thead>
          <tbody>
            {diff.cells.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.tableName.replace(/（.*$/, '')} {c.label}
                </th>
                <td>{showCellValue(c.before)}</td>
                <td>{showCellValue(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.confirmations.length > 0 && (
        <table class="diff-table">
          <caption>已确认的提示（说明）</caption>
          <thead>
            <tr>
              <th scope="col">提示</th>
              <th scope="col">此版本</th>
              <th scope="col">当前</th>
            </tr>
          </thead>
          <tbody>
            {diff.confirmations.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label.replace(/^已确认的提示 /, '')}</th>
                <td>{c.before || '（未确认）'}</td>
                <td>{c.after || '（未确认）'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.texts.map((t) => (
        <section key={t.key} class="diff-text" aria-label={`${t.label} 的文字差异`}>
          <h4>{t.label}</h4>
          <ul>
            {t.lines
              .filter((l) => l.op !== 'same')
              .map((l, i) => (
                <li key={i} class={l.op === 'removed' ? 'diff-removed' : 'diff-added'}>
                  <span class="diff-mark">{l.op === 'removed' ? '仅此版本有：' : '仅当前有：'}</span>
                  {l.text || '（空行）'}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
