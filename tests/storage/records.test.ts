// @vitest-environment node
/**
 * The 审核 facts kept with each saved draft (issue 15): the state and the counts of open and confirmed
 * findings, so the list shows every draft's state without evaluating it; rows saved by an older version
 * (counts only) still give a state.
 */
import { describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import { reportSchema } from '../../src/report/document.ts';
import { confirmFinding } from '../../src/report/edit.ts';
import { nextYearReport } from '../../src/report/next-year.ts';
import { evaluate } from '../../src/report/rules.ts';
import { contentFacts, type DraftRow, newDraftRow, toSummary } from '../../src/storage/records.ts';

const sample = () => reportSchema().parse(example);

describe('the 审核 facts of a draft row', () => {
  it('keeps the state, 错误 left, 提示 open and 提示 confirmed', () => {
    expect(contentFacts(sample())).toMatchObject({ state: '审核通过', errors: 0, hints: 0, confirmed: 0 });
    const next = nextYearReport(sample());
    expect(contentFacts(next)).toMatchObject({ state: '有错误', errors: 3, hints: 3, confirmed: 0 });
    const blank = sample();
    blank.cells['t4.cases.reviewOther'] = null;
    expect(contentFacts(blank)).toMatchObject({ state: '待确认', errors: 0, hints: 1 });
    const confirmed = confirmFinding(blank, evaluate(blank)[0]!, '本年确无', new Date());
    expect(contentFacts(confirmed)).toMatchObject({ state: '审核通过', errors: 0, hints: 0, confirmed: 1 });
    expect(toSummary(newDraftRow(confirmed, null, 1))).toMatchObject({ state: '审核通过', confirmed: 1 });
  });

  it('derives a state for a row saved before review states, from its counts', () => {
    const row = newDraftRow(sample(), null, 1);
    const old = (errors: number, hints: number): DraftRow => {
      const { state: _state, confirmed: _confirmed, ...rest } = row;
      return { ...rest, errors, hints };
    };
    expect(toSummary(old(2, 5))).toMatchObject({ state: '有错误', confirmed: 0 });
    expect(toSummary(old(0, 5))).toMatchObject({ state: '待确认' });
    expect(toSummary(old(0, 0))).toMatchObject({ state: '审核通过' });
  });
});
