import { memo } from 'preact/compat';
import type { TextSectionKey } from '../../report/document.ts';
import type { Marks } from '../findings-index.ts';
import { fieldDomId } from '../findings-index.ts';

export interface TextSectionProps {
  field: TextSectionKey | 'preamble';
  heading: string;
  subheads: readonly string[];
  hint: string;
  value: string;
  stale: boolean;
  /** Still last year's text, and the clerk confirmed it stays (「已核对，沿用」). */
  staleChecked?: boolean;
  marks: Marks | undefined;
  onInput(text: string): void;
}

/** A text section: a comfortable multi-line editor, the suggested sub-heads as its placeholder. */
function TextSectionView(p: TextSectionProps) {
  const id = fieldDomId(p.field);
  const placeholder = p.subheads.length ? `建议按以下小标题分述：\n${p.subheads.join('\n')}` : p.hint;
  const lines = Math.max(6, Math.min(40, p.value.split('\n').length + Math.ceil(p.value.length / 45) + 1));
  return (
    <section class="doc-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="doc-heading">
        {p.heading}
        {p.stale && p.staleChecked ? (
          <span class="tag tag-checked">已核对，沿用上年</span>
        ) : p.stale ? (
          <span class="tag tag-stale">需更新（从上年复制）</span>
        ) : null}
      </h2>
      {p.subheads.length ? <p class="section-hint">{p.hint}</p> : null}
      <textarea
        id={id}
        class={`doc-text ${p.marks?.severity === '错误' ? 'field-error' : ''}`}
        aria-label={p.heading}
        aria-describedby={p.marks ? `${id}-marks` : undefined}
        placeholder={placeholder}
        rows={lines}
        value={p.value}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {/* A textarea prints as one unbreakable box; print CSS shows this copy instead (hidden on screen). */}
      <div class="doc-print-text" hidden>
        {p.value}
      </div>
      {p.marks ? (
        <ul id={`${id}-marks`} class={`field-marks marks-${p.marks.severity === '错误' ? 'error' : 'hint'}`}>
          {p.marks.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Re-renders only when its own text or marks change; onInput always calls the same edit for this field. */
export const TextSection = memo(
  TextSectionView,
  (a, b) =>
    a.field === b.field &&
    a.value === b.value &&
    a.stale === b.stale &&
    a.staleChecked === b.staleChecked &&
    a.marks === b.marks,
);
