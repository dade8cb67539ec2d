// @vitest-environment node
/**
 * The three states of a report (有错误 / 待确认 / 审核通过) and every way from one to another:
 * confirming a 提示 with a 说明, confirming 需更新 as 「已核对，沿用」, a confirmation lapsing when what it
 * confirmed changes (cells, the quoted sentence, the section text), undo, 空白格填 0, older files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDraftFile } from '../../src/files/open.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import type { Report } from '../../src/report/document.ts';
import {
  confirmFinding,
  fillBlankCells,
  setCells,
  setSection,
  withdrawConfirmation,
} from '../../src/report/edit.ts';
import { record, startHistory, undo } from '../../src/report/history.ts';
import { nextYearReport } from '../../src/report/next-year.ts';
import { findingKey, reviewReport } from '../../src/report/review-state.ts';
import { blankCellsOf, evaluate, type Finding } from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';
import { sampleReport } from './fixtures/gx-kjt-2021.ts';
import { withCells } from './helpers.ts';

const AT = new Date('2022-01-20T02:30:00Z');
const sample = () => withTotals(sampleReport({ manualTotals: false }));
const only = (report: Report, ruleId: string): Finding => {
  const found = evaluate(report).filter((f) => f.ruleId === ruleId);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const confirm = (report: Report, ruleId: string, note = '本年确无此类申请') =>
  confirmFinding(report, only(report, ruleId), note, AT);
const state = (report: Report) => reviewReport(report).state;

describe('the three states', () => {
  it('审核通过: the sample has no finding at all', () => {
    expect(reviewReport(sample())).toMatchObject({ state: '审核通过', errors: [], open: [], confirmed: [] });
  });

  it('待确认 → 审核通过: a blank cell is a 提示 until confirmed with a 说明', () => {
    const blank = withCells(sample(), { 't3.granted.natural': null });
    expect(state(blank)).toBe('待确认');
    const confirmed = confirm(blank, 'EMPTY');
    const review = reviewReport(confirmed);
    expect(review.state).toBe('审核通过');
    expect(review.confirmed.map((c) => [c.finding.ruleId, c.note, c.at])).toEqual([
      ['EMPTY', '本年确无此类申请', '2022-01-20T02:30:00.000Z'],
    ]);
    expect(confirmed.confirmations).toEqual([
      {
        key: 'EMPTY|t3',
        basis: expect.stringMatching(/^b1-/),
        note: '本年确无此类申请',
        at: '2022-01-20T02:30:00.000Z',
      },
    ]);
  });

  it('an empty 说明 confirms nothing; an 错误 (other than 需更新) cannot be confirmed', () => {
    const blank = withCells(sample(), { 't3.granted.natural': null });
    expect(confirmFinding(blank, only(blank, 'EMPTY'), '  \n ', AT)).toBe(blank);
    const wrong = withCells(sample(), { 't3.carriedOut.natural': 1 });
    const error = evaluate(wrong).find((f) => f.ruleId === 'T3-A')!;
    expect(error.confirmable).toBe(false);
    expect(confirmFinding(wrong, error, '确认无误', AT)).toBe(wrong);
  });

  it('有错误 whatever is confirmed; 审核通过 again once the 错误 is fixed', () => {
    const blank = confirm(withCells(sample(), { 't3.granted.natural': null }), 'EMPTY');
    const broken = setCells(blank, { 't3.carriedOut.business': 2 });
    expect(state(broken)).toBe('有错误');
    expect(reviewReport(broken).confirmed).toHaveLength(1);
    expect(state(setCells(broken, { 't3.carriedOut.business': 0 }))).toBe('审核通过');
  });

  it('withdrawing a confirmation opens the 提示 again', () => {
    const confirmed = confirm(withCells(sample(), { 't3.granted.natural': null }), 'EMPTY');
    expect(state(withdrawConfirmation(confirmed, 'EMPTY|t3'))).toBe('待确认');
    expect(withdrawConfirmation(confirmed, 'nothing')).toBe(confirmed);
  });
});

describe('a confirmation lapses when what it confirmed changes', () => {
  it('EMPTY: another cell of the table left blank, or one filled', () => {
    const confirmed = confirm(withCells(sample(), { 't3.granted.natural': null }), 'EMPTY');
    const more = setCells(confirmed, { 't3.refusedSecret.natural': null });
    const review = reviewReport(more);
    expect(review.state).toBe('待确认');
    expect(review.lapsed.map((c) => c.note)).toEqual(['本年确无此类申请']);
    // the cell filled: nothing blank, nothing to confirm; blank again: the same blank cell, confirmed again
    const filled = setCells(confirmed, { 't3.granted.natural': 1 });
    expect(evaluate(filled).some((f) => f.ruleId === 'EMPTY')).toBe(false);
    expect(state(setCells(filled, { 't3.granted.natural': null }))).toBe('审核通过');
  });

  it('T3-F: the quoted figure or the cell it is checked against changes; another paragraph does not matter', () => {
    const quoted = sample();
    quoted.sections.overview += '\n全年共收到政府信息公开申请5件，均已答复。';
    const confirmed = confirm(quoted, 'T3-F', '含2件由其他机关转来的申请');
    expect(state(confirmed)).toBe('审核通过');
    const otherParagraph = setSection(confirmed, 'overview', `另起一段。\n${confirmed.sections.overview}`);
    expect(state(otherParagraph)).toBe('审核通过');
    const otherFigure = setSection(confirmed, 'overview', confirmed.sections.overview.replace('5件', '6件'));
    expect(state(otherFigure)).toBe('待确认');
    const otherCell = setCells(confirmed, { 't3.new.research': 2, 't3.granted.research': 2 });
    expect(state(otherCell)).toBe('待确认');
  });

  it('内容雷同: the text changes even when the percentage and the message stay the same', () => {
    const r = sample();
    r.lastYear = {
      year: 2020,
      cells: {},
      sections: { problems: r.sections.problems.replaceAll('2021', '2020') },
    };
    const finding = only(r, 'TEXT-SIMILAR');
    const confirmed = confirmFinding(r, finding, '问题确未解决，沿用表述', AT);
    expect(state(confirmed)).toBe('审核通过');
    // a figure changed in the middle: still 100% (figures are masked), the same message
    const changed = setSection(confirmed, 'problems', confirmed.sections.problems.replace(/\d+/, '99'));
    const again = evaluate(changed).find((f) => f.ruleId === 'TEXT-SIMILAR')!;
    expect(again.message).toBe(finding.message);
    expect(state(changed)).toBe('待确认');
  });

  it('T3-E: last year’s figure changes', () => {
    const r = sample();
    r.lastYear = { year: 2020, cells: { 't3.carriedOut.natural': 1 }, sections: {} };
    const confirmed = confirm(r, 'T3-E', '上年结转的申请已由申请人撤回');
    expect(state(confirmed)).toBe('审核通过');
    const lastYear = { ...confirmed.lastYear!, cells: { 't3.carriedOut.natural': 2 } };
    expect(state({ ...confirmed, lastYear })).toBe('待确认');
  });

  it('undo brings back the report and its confirmation together; redo the lapse', () => {
    const blank = withCells(sample(), { 't3.granted.natural': null });
    let history = startHistory(blank);
    history = record(history, confirm(blank, 'EMPTY'), null);
    expect(state(history.present)).toBe('审核通过');
    history = record(history, setCells(history.present, { 't3.refusedSecret.natural': null }), 'cell:x');
    expect(state(history.present)).toBe('待确认');
    history = undo(history);
    expect(state(history.present)).toBe('审核通过');
    history = undo(history);
    expect(history.present.confirmations).toEqual([]);
    expect(state(history.present)).toBe('待确认');
  });
});

describe('需更新: an 错误 that 「已核对，沿用」 confirms', () => {
  it('a next-year draft is 有错误 at once: its texts are last year’s', () => {
    const next = nextYearReport(sample());
    const review = reviewReport(next);
    expect(review.state).toBe('有错误');
    expect(review.errors.map((f) => [f.ruleId, f.fields[0]])).toEqual([
      ['TEXT-STALE', 'overview'],
      ['TEXT-STALE', 'problems'],
      ['TEXT-STALE', 'other'],
    ]);
    // the tables left blank where the sample had figures: one 提示 each, not one per cell
    expect(review.open.map((f) => f.key)).toEqual(['EMPTY-TABLE|t2', 'EMPTY-TABLE|t3', 'EMPTY-TABLE|t4']);
    expect(next.confirmations).toEqual([]);
  });

  it('confirmed as 已核对，沿用 for every section: 待确认, with the 提示 still open', () => {
    let next = nextYearReport(sample());
    for (const f of evaluate(next).filter((x) => x.ruleId === 'TEXT-STALE'))
      next = confirmFinding(next, f, '本部分内容本年无变化，经核对沿用', AT);
    const review = reviewReport(next);
    expect(review.state).toBe('待确认');
    expect(review.confirmed.map((c) => c.finding.ruleId)).toEqual(['TEXT-STALE', 'TEXT-STALE', 'TEXT-STALE']);
  });

  it('editing the section clears 需更新 (the confirmation is no longer needed)', () => {
    const next = nextYearReport(sample());
    const edited = setSection(next, 'overview', `${next.sections.overview}（已更新）`);
    expect(
      evaluate(edited)
        .filter((f) => f.ruleId === 'TEXT-STALE')
        .map((f) => f.fields[0]),
    ).toEqual(['problems', 'other']);
  });

  it('the journey: texts rewritten, tables filled, the remaining 提示 confirmed → 审核通过', () => {
    let next = nextYearReport(sample());
    next = setSection(next, 'overview', '2022年，我厅共收到政府信息公开申请2件，予以公开1件，无法提供1件。');
    next = setSection(next, 'problems', '2022年存在的主要问题是信息发布的及时性有待提高。');
    next = setSection(next, 'other', '本年度未收取信息处理费。');
    for (const t of ['t2', 't3', 't4'] as const) next = fillBlankCells(next, t);
    next = setCells(next, {
      't3.new.natural': 2,
      't3.granted.natural': 1,
      't3.unableNotHeld.natural': 1,
    });
    const review = reviewReport(next);
    expect(review.errors).toEqual([]);
    // the 2021 sample's 现行有效 81 + 0 − 0 ≠ 0 (T2-A) for 规范性文件 remains: confirmed with a 说明
    expect(review.open.map((f) => f.ruleId)).toEqual(['T2-A']);
    const done = confirm(next, 'T2-A', '本年对规范性文件进行了清理，现行有效件数以清理结果为准');
    expect(state(done)).toBe('审核通过');
  });
});

describe('空白格填 0', () => {
  it('fills the blank cells of one table only, in one edit, totals computed', () => {
    const r = withCells(sample(), {
      't3.granted.natural': null,
      't3.partial.legal': null,
      't2.rules.issued': null,
    });
    const filled = fillBlankCells(withTotals(r), 't3');
    expect(blankCellsOf(filled, 't3')).toEqual([]);
    expect(filled.cells['t3.granted.natural']).toBe(0);
    expect(filled.cells['t2.rules.issued']).toBeNull();
    expect(fillBlankCells(filled, 't3')).toBe(filled);
  });
});

describe('keys and files', () => {
  it('keeps keys within what the schema stores', () => {
    const long = { key: `X|${'t3.granted.natural,'.repeat(30)}` } as Finding;
    expect(findingKey(long).length).toBeLessThanOrEqual(300);
    expect(findingKey(long)).not.toBe(findingKey({ key: `${long.key}y` } as Finding));
  });

  it('a confirmation travels in the draft file and still holds when opened', async () => {
    const confirmed = confirm(withCells(sample(), { 't3.granted.natural': null }), 'EMPTY');
    const { bytes } = await serializeDraft(confirmed, { now: AT });
    const opened = await openDraftFile(bytes, 'a.nianbao.json');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.report.confirmations).toEqual(confirmed.confirmations);
    expect(reviewReport(opened.report).state).toBe('审核通过');
  });

  it('an older file (report format 1, before confirmations) opens with none, and its 提示 open', async () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '../files/fixtures/v1-gx-kjt-2021.nianbao.json'), 'utf8'),
    );
    expect(file.report.formatVersion).toBe(1);
    expect(file.report.confirmations).toBeUndefined();
    const opened = await openDraftFile(new TextEncoder().encode(JSON.stringify(file)), 'old.nianbao.json');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.report.confirmations).toEqual([]);
    expect(reviewReport(opened.report).state).toBe('审核通过');
    const blank = withCells(opened.report, { 't3.granted.natural': null });
    expect(reviewReport(blank).state).toBe('待确认');
  });
});
