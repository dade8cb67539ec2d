import { useMemo } from 'preact/hooks';
import {
  compareParagraphs,
  type ParagraphComparison,
  type ParagraphStatus,
} from '../../report/similarity.ts';
import type { SectionComparison } from '../../report/year-on-year.ts';
import { share } from './format.ts';

const STATUS: Record<ParagraphStatus, string> = {
  same: '与上年完全相同',
  numbers: '只改了数字',
  edited: '有改动',
  new: '新写的',
};

/** The same, short enough for the row's number column. */
const STATUS_SHORT: Record<ParagraphStatus, string> = {
  same: '完全相同',
  numbers: '只改了数字',
  edited: '有改动',
  new: '新写的',
};

/** This year's paragraph, what is new in it marked (and named for screen readers). */
function ThisYear({ p }: { p: ParagraphComparison }) {
  if (p.status === 'new' || p.status === 'same') return <>{p.thisYear.text}</>;
  return (
    <>
      {p.changes.map((c, i) =>
        c.kind === 'same' ? (
          c.text
        ) : c.kind === 'added' ? (
          <ins key={i}>
            <span class="visually-hidden">（本年新写：</span>
            {c.text}
            <span class="visually-hidden">）</span>
          </ins>
        ) : null,
      )}
    </>
  );
}

/** Last year's paragraph, what this year's no longer says struck through. */
function LastYear({ p }: { p: ParagraphComparison }) {
  if (!p.lastYear) return <span class="yoy-muted">（上年没有相近的段落）</span>;
  if (p.status === 'same') return <>{p.lastYear.text}</>;
  return (
    <>
      {p.changes.map((c, i) =>
        c.kind === 'same' ? (
          c.text
        ) : c.kind === 'removed' ? (
          <del key={i}>
            <span class="visually-hidden">（本年已改掉：</span>
            {c.text}
            <span class="visually-hidden">）</span>
          </del>
        ) : null,
      )}
    </>
  );
}

/** Every paragraph of this year's text beside last year's corresponding one, with what changed. */
function Paragraphs({
  section,
  paragraphs,
}: {
  section: SectionComparison;
  paragraphs: ParagraphComparison[];
}) {
  return (
    <table class="yoy-passages">
      <caption>
        {section.heading} 逐段对照（共 {paragraphs.length} 段）
      </caption>
      <thead>
        <tr>
          <th scope="col">段</th>
          <th scope="col">本年（新写的文字加底色）</th>
          <th scope="col">上年（本年改掉的文字加删除线）</th>
        </tr>
      </thead>
      <tbody>
        {paragraphs.map((p, i) => (
          <tr key={p.thisYear.start} class={`yoy-paragraph-${p.status}`}>
            <th scope="row">
              {i + 1}
              <span class="yoy-status">{STATUS_SHORT[p.status]}</span>
            </th>
            <td class="yoy-passage">
              <ThisYear p={p} />
            </td>
            <td class="yoy-passage">
              <LastYear p={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 「3 段：完全相同 1 段，只改了数字 2 段」 */
function countText(paragraphs: ParagraphComparison[]): string {
  const counts = (['same', 'numbers', 'edited', 'new'] as const)
    .map((status) => [status, paragraphs.filter((p) => p.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${STATUS[status]} ${n} 段`);
  return `本年 ${paragraphs.length} 段：${counts.join('，')}`;
}

/**
 * 与上年相似度 of one text section and its paragraphs against last year's: shown when it is 雷同,
 * folded otherwise. The share counts wording only (figures masked: a text copied with new figures is
 * still 雷同); the paragraphs say which were copied word for word and what changed in the others.
 */
export function SectionCompare({ section }: { section: SectionComparison }) {
  const headingId = `yoy-section-${section.key}`;
  const { similarity } = section;
  const compared = useMemo(
    () => (similarity && section.lastYear ? compareParagraphs(section.thisYear, section.lastYear) : null),
    [similarity, section.thisYear, section.lastYear],
  );
  let body = null;
  if (section.lastYear === null || !section.lastYear.trim()) {
    body = <p class="yoy-muted">上年报告没有这一部分的文字，无法对比。</p>;
  } else if (!section.thisYear.trim()) {
    body = <p class="yoy-muted">本年尚未填写这一部分。</p>;
  } else if (similarity && compared) {
    const { paragraphs, dropped } = compared;
    const alike = paragraphs.filter((p) => p.status !== 'new').length;
    body = (
      <>
        <p>
          与上年相似度 <strong>{share(similarity.ratio)}</strong>
          <span class="yoy-muted">（只比措辞，不计数字）</span>。{countText(paragraphs)}
          {dropped.length ? `；上年另有 ${dropped.length} 段本年没有` : ''}。
        </p>
        {section.similar ? (
          <>
            <p class="yoy-similar-note">
              提示：这一部分与上年报告基本相同（内容雷同），请按本年度实际情况重写。下表逐段对照两年的文字。
            </p>
            <Paragraphs section={section} paragraphs={paragraphs} />
          </>
        ) : alike > 0 ? (
          <details class="yoy-details">
            <summary>逐段对照（{alike} 段与上年相同或相近）</summary>
            <Paragraphs section={section} paragraphs={paragraphs} />
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
