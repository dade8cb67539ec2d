import { describe, expect, it } from 'vitest';
import { blankReport } from '../../src/report/document.ts';
import { setCells, setManualTotals, setSection, setYear } from '../../src/report/edit.ts';
import { record, redo, startHistory, UNDO_LIMIT, undo } from '../../src/report/history.ts';

describe('undo history', () => {
  it('merges typing in one field within a short time, and not across fields', () => {
    const r0 = blankReport();
    let h = startHistory(r0);
    h = record(h, setSection(r0, 'overview', 'a'), 'section:overview', 1000);
    h = record(h, setSection(h.present, 'overview', 'ab'), 'section:overview', 1500);
    h = record(h, setCells(h.present, { 't3.new.natural': 1 }), 'cell:t3.new.natural', 1600);
    expect(h.past.length).toBe(2);
    h = undo(h);
    expect(h.present.sections.overview).toBe('ab');
    h = undo(h);
    expect(h.present).toBe(r0);
    h = redo(redo(h));
    expect(h.present.cells['t3.new.natural']).toBe(1);
  });

  it('a new edit after undo drops the redo branch; the stack is capped', () => {
    let h = startHistory(blankReport());
    for (let i = 0; i < UNDO_LIMIT + 20; i++)
      h = record(h, setCells(h.present, { 't3.new.natural': i }), null);
    expect(h.past.length).toBe(UNDO_LIMIT);
    h = undo(h);
    h = record(h, setCells(h.present, { 't3.new.business': 1 }), null);
    expect(h.future.length).toBe(0);
  });
});

describe('edits', () => {
  it('keep totals computed unless typed by hand', () => {
    const r = setCells(blankReport(), { 't3.new.natural': 2, 't3.new.legal': 3 });
    expect(r.cells['t3.new.total']).toBe(5);
    const manual = setCells(setManualTotals(r, true), { 't3.new.natural': 4 });
    expect(manual.cells['t3.new.total']).toBe(5);
    expect(setManualTotals(manual, false).cells['t3.new.total']).toBe(7);
  });

  it('move a whole-year statistics period with the year, but keep a custom one', () => {
    const r = setYear(blankReport({ year: 2023 }), 2024);
    expect(r.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    const custom = { ...r, period: { start: '2024-03-01', end: '2024-12-31' } };
    expect(setYear(custom, 2025).period).toEqual(custom.period);
  });

  it('editing a section clears its 需更新 mark', () => {
    const r = { ...blankReport(), staleSections: ['overview', 'other'] as ('overview' | 'other')[] };
    expect(setSection(r, 'overview', '新写的').staleSections).toEqual(['other']);
  });
});
