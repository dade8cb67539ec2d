/**
 * A save takes the findings the editor already worked out for the report, or works them out from the
 * editor's latest evaluation (records.ts contentFacts): the facts kept with the draft must be those
 * of a full evaluation all the same.
 */
import { describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import { reportSchema } from '../../src/report/document.ts';
import { confirmFinding, setCells, setInvalidEntry, setSection } from '../../src/report/edit.ts';
import { reviewReport } from '../../src/report/review-state.ts';
import { evaluate, evaluateFrom } from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';
import { contentFacts, storableReport } from '../../src/storage/records.ts';

describe('contentFacts after the editor evaluated the report', () => {
  it('gives the facts of a full evaluation of the stored copy', () => {
    let report = withTotals(reportSchema().parse(example));
    let evaluation = evaluateFrom(null, report);
    const edits = [
      (r: typeof report) => setCells(r, { 't3.new.natural': 99 }),
      (r: typeof report) => setInvalidEntry(r, 't4.cases.reviewUpheld', '1.5'),
      (r: typeof report) => confirmFinding(r, evaluate(r).find((f) => f.confirmable)!, '  已核实  '),
      (r: typeof report) => setSection(r, 'other', ''),
      (r: typeof report) => setCells(r, { 't3.new.natural': 1, 't4.cases.reviewUpheld': 0 }),
    ];
    for (const edit of edits) {
      report = edit(report);
      evaluation = evaluateFrom(evaluation, report);
      const stored = storableReport(report, report.id);
      // What a full evaluation of the stored copy says.
      const review = reviewReport(stored, evaluate(structuredClone(stored)));
      expect(contentFacts(stored)).toMatchObject({
        errors: review.errors.length,
        hints: review.open.length,
        confirmed: review.confirmed.length,
        state: review.state,
      });
    }
    expect(contentFacts(storableReport(report, report.id)).state).toBe('有错误');
    // Typed after the editor's last evaluation (its re-render waits for a pause in typing).
    const typed = setCells(setSection(report, 'other', '本年度未收取信息处理费。'), {
      't4.cases.reviewUpheld': 1,
    });
    const review = reviewReport(typed, evaluate(typed));
    expect(contentFacts(storableReport(typed, typed.id))).toMatchObject({
      errors: review.errors.length,
      hints: review.open.length,
      state: review.state,
    });
  });
});
