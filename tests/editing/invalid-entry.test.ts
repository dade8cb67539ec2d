import { describe, expect, it } from 'vitest';
import { blankReport } from '../../src/report/document.ts';
import { setCells, setInvalidEntry, setManualTotals } from '../../src/report/edit.ts';
import { record, redo, startHistory, undo } from '../../src/report/history.ts';
import { countBySeverity, evaluate } from '../../src/report/rules.ts';

const base = () => setCells(blankReport({ year: 2021 }), { 't3.new.natural': 4 });

describe('invalid entries (typed text that is not a value)', () => {
  it('empty the cell, keep the text, and are an 错误 of their own (not also 未填写)', () => {
    const r = setInvalidEntry(base(), 't3.new.natural', '1.5');
    expect(r.cells['t3.new.natural']).toBeNull();
    expect(r.cells['t3.new.total']).toBeNull(); // every part of it is empty now
    expect(r.invalidEntries).toEqual({ 't3.new.natural': '1.5' });
    const mine = evaluate(r).filter((f) => f.cells.includes('t3.new.natural') && f.cells.length === 1);
    expect(mine.map((f) => [f.ruleId, f.severity])).toEqual([['INPUT', '错误']]);
  });

  it('are cleared by a value or by emptying the cell', () => {
    const typed = setInvalidEntry(base(), 't3.new.natural', '1.5');
    expect(setCells(typed, { 't3.new.natural': 15 }).invalidEntries).toEqual({});
    expect(setCells(typed, { 't3.new.natural': null }).invalidEntries).toEqual({});
    expect(setInvalidEntry(typed, 't3.new.natural', '').invalidEntries).toEqual({});
    expect(setCells(typed, { 't3.new.research': 1 }).invalidEntries).toEqual({ 't3.new.natural': '1.5' });
  });

  it('keep at most 40 characters, never half a character', () => {
    const kept = setInvalidEntry(base(), 't3.new.natural', '9'.repeat(309)).invalidEntries['t3.new.natural'];
    expect(kept).toBe('9'.repeat(40));
    const emoji = setInvalidEntry(base(), 't3.new.natural', `${'9'.repeat(39)}😀`);
    expect(emoji.invalidEntries['t3.new.natural']).toBe('9'.repeat(39));
  });

  it('go with a total once totals are automatic again', () => {
    const manual = setManualTotals(base(), true);
    const typed = setInvalidEntry(manual, 't3.new.total', 'abc');
    expect(typed.invalidEntries).toEqual({ 't3.new.total': 'abc' });
    const automatic = setManualTotals(typed, false);
    expect(automatic.invalidEntries).toEqual({});
    expect(automatic.cells['t3.new.total']).toBe(4);
  });

  it('survive undo and redo as part of the report', () => {
    let h = startHistory(base());
    h = record(h, setInvalidEntry(h.present, 't3.new.natural', '1'), 'cell:t3.new.natural', 0);
    h = record(h, setInvalidEntry(h.present, 't3.new.natural', '1.'), 'cell:t3.new.natural', 100);
    h = record(h, setInvalidEntry(h.present, 't3.new.natural', '1.5'), 'cell:t3.new.natural', 200);
    expect(countBySeverity(evaluate(h.present)).errors).toBeGreaterThan(0);
    h = undo(h);
    expect(h.present.invalidEntries).toEqual({});
    expect(h.present.cells['t3.new.natural']).toBe(4);
    h = redo(h);
    expect(h.present.invalidEntries).toEqual({ 't3.new.natural': '1.5' });
  });
});
