import { type ReviewState, STATE_EXPLANATIONS } from '../report/review-state.ts';
import './review.css';

export interface ReviewCounts {
  state: ReviewState;
  errors: number;
  /** 提示 still open (not confirmed). */
  hints: number;
  confirmed: number;
}

const STATE_CLASS: Record<ReviewState, string> = {
  有错误: 'review-error',
  待确认: 'review-open',
  审核通过: 'review-passed',
};

/** 「待确认 · 错误 0 / 提示 3（已确认 2）」: the state of a report's 审核, the same in every view. */
export function ReviewBadge({ counts, live = false }: { counts: ReviewCounts; live?: boolean }) {
  const { state, errors, hints, confirmed } = counts;
  return (
    <span
      class={`badge review-badge ${STATE_CLASS[state]}`}
      title={STATE_EXPLANATIONS[state]}
      role={live ? 'status' : undefined}
      aria-live={live ? 'polite' : undefined}
    >
      <strong class="review-state">{state}</strong>
      <span class="review-counts">
        {' · '}
        {/* One piece: a badge that must wrap does so after 「·」, never inside 「错误 2 / 提示 7」. */}
        <span class="badge-numbers">
          <span class="badge-errors">错误 {errors}</span> / <span class="badge-hints">提示 {hints}</span>
        </span>
        {confirmed ? <span class="badge-confirmed">（已确认 {confirmed}）</span> : null}
      </span>
    </span>
  );
}
