/**
 * Incremental evaluation (evaluateFrom): after any sequence of edits, the findings equal a full
 * evaluate() of the report; and no rule reads a part of the report its index does not list (which is
 * what makes re-running only the indexed rules enough).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import example from '../../examples/gx-kjt-2021.json';
import { CELLS, type CellId } from '../../src/report/cells.ts';
import { blankReport, type Report, reportSchema, type TextSectionKey } from '../../src/report/document.ts';
import {
  confirmFinding,
  fillBlankCells,
  setCells,
  setInvalidEntry,
  setManualTotals,
  setMeta,
  setSection,
  setYear,
} from '../../src/report/edit.ts';
import {
  type Evaluation,
  evaluate,
  evaluateFrom,
  type FieldKey,
  type Finding,
  inputsOf,
  RULES,
} from '../../src/report/rules.ts';
import { withTotals } from '../../src/report/totals.ts';

const sample = (): Report => withTotals(reportSchema().parse(example));

/** The sample with last year's report known (figures and texts), so the comparison rules run too. */
const withLastYear = (report: Report): Report => ({
  ...report,
  lastYear: {
    year: (report.year ?? 2021) - 1,
    cells: Object.fromEntries(CELLS.map((c) => [c.id, report.cells[c.id] ?? null])),
    sections: { ...report.sections },
  },
});

/** What a clerk sees of a finding; the order of the list matters too. */
const plain = (findings: readonly Finding[]) =>
  findings.map((f) => ({
    ruleId: f.ruleId,
    key: f.key,
    severity: f.severity,
    message: f.message,
    cells: [...f.cells],
    fields: [...f.fields],
    confirmable: f.confirmable,
  }));

const T3_CELLS = CELLS.filter((c) => c.table.id === 't3').map((c) => c.id);
const T4_CELLS = CELLS.filter((c) => c.table.id === 't4').map((c) => c.id);
const ALL_CELLS = CELLS.map((c) => c.id);
/** Mostly tables 3 and 4 (where the cross-cell rules and quoted figures are), sometimes any cell. */
const cellArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...T3_CELLS) },
  { weight: 1, arbitrary: fc.constantFrom(...T4_CELLS) },
  { weight: 1, arbitrary: fc.constantFrom(...ALL_CELLS) },
);
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(0.5) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
);
/** Sentences that quote the tables' figures (T3-F, T4-F), with figures that may or may not hold. */
const sentenceArb = fc
  .tuple(
    fc.constantFrom(
      '全年共受理政府信息公开申请{}件，共办理{}件，结转下一年{}件。',
      '本年度共新收政府信息公开申请{}件，上年结转申请{}件，共计{}件。',
      '从申请办理结果看，予以公开{}件，部分公开{}件，不予公开{}件。',
      '无法提供{}件，不予处理{}件，其他处理{}件。',
      '行政复议{}件，行政诉讼{}件，共{}件。',
      '行政复议和行政诉讼共{}件。',
      '共收到申请{}件，予以公开{}件，无法提供{}件。',
      '本年度未收取信息处理费。',
      '统计期限为2021年1月1日至2021年12月31日。',
      '',
    ),
    fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
  )
  .map(([text, [a, b, c]]) =>
    text.replace('{}', String(a)).replace('{}', String(b)).replace('{}', String(c)),
  );
const sectionArb = fc.constantFrom<TextSectionKey>('overview', 'problems', 'other');

type Edit = (r: Report) => Report;
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(cellArb, valueArb).map(
      ([id, v]): Edit =>
        (r) =>
          setCells(r, { [id]: v }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.array(fc.tuple(cellArb, valueArb), { minLength: 2, maxLength: 30 }).map(
      (pairs): Edit =>
        (r) =>
          setCells(r, Object.fromEntries(pairs)),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(cellArb, fc.constantFrom('1.5', '-1', '1e3', '１２x')).map(
      ([id, text]): Edit =>
        (r) =>
          setInvalidEntry(r, id, text),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(sectionArb, fc.array(sentenceArb, { maxLength: 3 })).map(
      ([key, sentences]): Edit =>
        (r) =>
          setSection(r, key, sentences.join('\n')),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(sectionArb, sentenceArb).map(
      ([key, s]): Edit =>
        (r) =>
          setSection(r, key, r.sections[key] + s),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '广西壮族自治区科学技术厅').map(
      (agency): Edit =>
        (r) =>
          setMeta(r, { agency }),
    ),
  },
  {
    weight: 1,
    arbitrary: sentenceArb.map(
      (preamble): Edit =>
        (r) =>
          setMeta(r, { preamble }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        { start: '', end: '' },
        { start: '2021-01-01', end: '2021-12-31' },
        { start: '2020-01-01', end: '2021-12-31' },
      )
      .map(
        (period): Edit =>
          (r) =>
            setMeta(r, { period }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(2020, 2021, null).map(
      (year): Edit =>
        (r) =>
          setYear(r, year),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.boolean().map(
      (manual): Edit =>
        (r) =>
          setManualTotals(r, manual),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<'t2' | 't3' | 't4'>('t2', 't3', 't4').map(
      (t): Edit =>
        (r) =>
          fillBlankCells(r, t),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.boolean().map(
      (known): Edit =>
        (r) =>
          known ? withLastYear(r) : { ...r, lastYear: null },
    ),
  },
  {
    weight: 1,
    arbitrary: sectionArb.map(
      (key): Edit =>
        (r) => ({ ...r, staleSections: [...new Set([...r.staleSections, key])] }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.nat().map(
      (n): Edit =>
        (r) => {
          const open = evaluate(r).filter((f) => f.confirmable);
          return open.length ? confirmFinding(r, open[n % open.length]!, '已核实') : r;
        },
    ),
  },
);

describe('evaluateFrom', () => {
  it('equals a full evaluate after any sequence of edits', () => {
    const starts = [sample(), withLastYear(sample()), withTotals(blankReport({ year: 2021 }))];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.array(editArb, { minLength: 1, maxLength: 25 }),
        (start, edits) => {
          let report = starts[start]!;
          let evaluation: Evaluation = evaluateFrom(null, report);
          for (const edit of edits) {
            report = edit(report);
            evaluation = evaluateFrom(evaluation, report);
            expect(plain(evaluation.findings)).toEqual(plain(evaluate(report)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('re-runs only the rules that read what changed, and keeps unchanged findings as they were', () => {
    const report = withLastYear(sample());
    const before = evaluateFrom(null, setCells(report, { 't3.new.natural': 1 }));
    const after = evaluateFrom(before, setCells(before.report, { 't3.new.legal': 1 }));
    // The 表三 balance of the natural persons' column did not change: the same finding object.
    const balance = (e: Evaluation) => e.findings.find((f) => f.key.startsWith('T3-A|t3.new.natural'));
    expect(balance(before)).toBeDefined();
    expect(balance(after)).toBe(balance(before));
    // A text edit leaves every cell finding as it was.
    const typed = evaluateFrom(
      after,
      setSection(after.report, 'problems', `${after.report.sections.problems}。`),
    );
    for (const f of typed.findings.filter((f) => f.cells.length)) expect(after.findings).toContain(f);
  });
});

// ---------------------------------------------------------------- what the rules read

type Reads = { cells: Set<CellId>; fields: Set<FieldKey>; other: Set<string> };

/** Every rule may read these; a change of any of them re-runs all rules. */
const READ_BY_ALL = new Set(['year', 'manualTotals', 'lastYear', 'staleSections']);

/** The report behind a proxy that notes which cells, fields and other parts are read. */
function recording(report: Report, reads: Reads): Report {
  const watch = <T extends object>(target: T, note: (key: string) => void): T =>
    new Proxy(target, {
      get(t, key) {
        if (typeof key === 'string') note(key);
        return Reflect.get(t, key);
      },
      ownKeys(t) {
        note('*');
        return Reflect.ownKeys(t);
      },
    });
  const parts: Record<string, object> = {
    cells: watch(report.cells, (id) => reads.cells.add(id)),
    invalidEntries: watch(report.invalidEntries, (id) => reads.cells.add(id)),
    sections: watch(report.sections, (key) => reads.fields.add(key as FieldKey)),
  };
  return new Proxy(report, {
    get(t, key) {
      if (typeof key === 'string' && key in parts) return parts[key];
      if (key === 'agency' || key === 'preamble' || key === 'period') reads.fields.add(key);
      else if (typeof key === 'string') reads.other.add(key);
      return Reflect.get(t, key);
    },
  });
}

describe('the rule index', () => {
  const reports = [
    sample(),
    withLastYear(sample()),
    withLastYear(setManualTotals(sample(), true)),
    setInvalidEntry(withLastYear(sample()), 't3.new.natural', '1.5'),
    { ...withLastYear(sample()), lastYear: { ...withLastYear(sample()).lastYear!, cells: {} } },
    withTotals(blankReport({ year: 2021 })),
    withLastYear(withTotals(blankReport({ year: 2021 }))),
  ];

  it('lists every cell and field a rule reads', () => {
    for (const [n, report] of reports.entries()) {
      for (const rule of RULES) {
        const reads: Reads = { cells: new Set(), fields: new Set(), other: new Set() };
        rule.check(recording(report, reads));
        const listed = inputsOf(rule);
        const where = `rule ${rule.key ?? `${rule.id}|${rule.cells.join(',')}`} on report ${n}`;
        expect(
          [...reads.cells].filter((id) => id !== '*' && !listed.cells.includes(id)),
          where,
        ).toEqual([]);
        expect(
          [...reads.fields].filter((f) => !listed.fields.includes(f)),
          where,
        ).toEqual([]);
        expect(
          [...reads.other].filter((key) => !READ_BY_ALL.has(key)),
          where,
        ).toEqual([]);
        // Enumerating all cells or sections would read an unknown set.
        expect(reads.cells.has('*') && listed.cells.length < CELLS.length, where).toBe(false);
      }
    }
  });
});
