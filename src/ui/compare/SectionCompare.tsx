import type { SectionComparison } from '../../report/year-on-year.ts';
import { share } from './format.ts';

/** The passages of this year's text that repeat last year's, side by side. */
function Passages({ section }: { section: SectionComparison }) {
  const passages = section.similarity?.passages ?? [];
  return (
    <table class="yoy-passages">
      <caption>
        {section.heading} 与上年相同的段落（共 {passages.length} 段）
      </caption>
      <thead>
        <tr>
          <th scope="col">段</th>
          <th scope="col">本年</th>
          <th scope="col">上年</th>
        </tr>
      </thead>
      <tbody>
        {passages.map((p, i) => (
          <tr key={p.thisYear.start}>
            <th scope="row">{i + 1}</th>
            <td class="yoy-passage">{p.thisYear.text}</td>
            <td class="yoy-passage">{p.lastYear.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 与上年相似度 of one text section; the similar passages when it is 雷同 (or, folded, when some repeat). */
export function SectionCompare({ section }: { section: SectionComparison }) {
  const headingId = `yoy-section-${section.key}`;
  const { similarity } = section;
  let body = null;
  if (section.lastYear === null || !section.lastYear.trim()) {
    body = <p class="yoy-muted">上年报告没有这一部分的文字，无法对比。</p>;
  } else if (!section.thisYear.trim()) {
    body = <p class="yoy-muted">本年尚未填写这一部分。</p>;
  } else if (similarity) {
    const count = similarity.passages.length;
    body = (
      <>
        <p>
          与上年相似度 <strong>{share(similarity.ratio)}</strong>
        </p>
        {section.similar ? (
          <>
            <p class="yoy-similar-note">
              提示：这一部分与上年报告基本相同（内容雷同），请按本年度实际情况重写。下表是两年相同的段落。
            </p>
            <Passages section={section} />
          </>
        ) : count > 0 ? (
          <details class="yoy-details">
            <summary>另有 {count} 段与上年相同</summary>
            <Passages section={section} />
          </details>
        ) : null}
      </>
    );
  }
  return (
    <section
      class={`yoy-section${section.similar ? ' yoy-section-similar' : ''}`}
      aria-labelledby={headingId}
    >
      <h4 id={headingId}>{section.heading}</h4>
      {body}
    </section>
  );
}
