/**
 * The 草稿 marking of the Word file and the web page, from the one review state the PDF uses
 * (reviewReport in src/report/review-state.ts): a report that is not 审核通过 is a draft, marked on
 * every page (Word: a header line and a watermark) or at the top (web page); a clean one carries none.
 */
import type { Report } from '../report/document.ts';
import { type ReviewState, reviewReport } from '../report/review-state.ts';

export interface DraftMarking {
  state: Exclude<ReviewState, '审核通过'>;
  /** The short marking: the watermark's text. */
  short: string;
  /** What is left: 「审核未通过：尚有 2 处错误」. */
  reason: string;
  /** The warning line: what is left and that the text is not final. */
  line: string;
  /** For the 审签单's 审核结果. */
  status: string;
}

const marking = (
  state: DraftMarking['state'],
  short: string,
  reason: string,
  status: string,
): DraftMarking => ({
  state,
  short,
  reason,
  line: `草稿 · ${reason}，不得作为正式文本`,
  status,
});

/** Draft marking of a report as printed (totals computed), or null for a clean report. */
export function draftMarking(printed: Report): DraftMarking | null {
  const review = reviewReport(printed);
  if (review.state === '有错误') {
    const n = review.errors.length;
    return marking(
      review.state,
      '草稿 · 审核未通过',
      `审核未通过：尚有 ${n} 处错误`,
      `尚有 ${n} 处错误（草稿，不得签发）`,
    );
  }
  if (review.state === '待确认') {
    const n = review.open.length;
    return marking(
      review.state,
      '草稿 · 提示未确认',
      `提示未确认：尚有 ${n} 条提示未核实确认`,
      `尚有 ${n} 条提示未确认（草稿，不得签发）`,
    );
  }
  return null;
}
