import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, type CellId, tableMatrix } from '../../src/report/cells.ts';
import { blankReport, type Report } from '../../src/report/document.ts';
import { tableLayout } from '../../src/report/layout.ts';
import { TABLES } from '../../src/report/template.ts';
import { reportToTsv, TSV_ROWS, tsvToCells, UNSTUBBED_ROW_LABEL } from '../../src/report/tsv.ts';

/** Every row of the three tables in the spec's order, as cell ids. */
const MATRIX_ROWS: CellId[][] = TABLES.flatMap((t) => tableMatrix(t));

/** A report where every cell holds a different number; the amount cell has decimals. */
function distinctReport(): Report {
  const report = blankReport({ year: 2021 });
  CELLS.forEach((c, i) => {
    report.cells[c.id] = c.kind === 'amount' ? i + 0.1234 : i;
  });
  return report;
}

const lines = (tsv: string) => tsv.replace(/\n$/, '').split('\n');
const fields = (line: string) => line.split('\t');

describe('reportToTsv', () => {
  it('without headers: one line per row, in template order, values in column order', () => {
    const report = distinctReport();
    const out = lines(reportToTsv(report, { headers: false }));
    expect(out).toHaveLength(MATRIX_ROWS.length);
    out.forEach((line, i) => {
      expect(fields(line).slice(1)).toEqual(MATRIX_ROWS[i]!.map((id) => String(report.cells[id])));
    });
  });

  it('labels are the full official stub, levels joined by a space', () => {
    const labels = lines(reportToTsv(blankReport(), { headers: false })).map((l) => fields(l)[0]);
    const expected = TABLES.flatMap((t) =>
      t.blocks.flatMap((b) => b.rows.map((r) => r.path.join(' ') || UNSTUBBED_ROW_LABEL)),
    );
    expect(labels).toEqual(expected);
    expect(labels).toContain('三、本年度办理结果 （三）不予公开 1.属于国家秘密');
    expect(labels).toContain('行政事业性收费');
  });

  it('empty cells are empty fields and amounts keep their decimals', () => {
    const report = blankReport();
    report.cells['t2.fees.amount'] = 4068.208;
    const out = lines(reportToTsv(report, { headers: false }));
    expect(out.find((l) => l.startsWith('行政事业性收费'))).toBe('行政事业性收费\t4068.208');
    expect(out.find((l) => l.startsWith('规章'))).toBe('规章\t\t\t');
  });

  it('with headers: the same data lines in the same order, tables separated by an empty line', () => {
    const report = distinctReport();
    const all = lines(reportToTsv(report));
    const dataLabels = new Set(TSV_ROWS.map((r) => r.label));
    const data = all.filter((l) => dataLabels.has(fields(l)[0]!));
    expect(data).toEqual(lines(reportToTsv(report, { headers: false })));
    expect(all.filter((l) => l === '')).toHaveLength(TABLES.length - 1);
    for (const table of TABLES) expect(all).toContain(`${table.name}\t${table.unitNote}`);
  });

  it('puts each column header in the field of its column, as in the layout', () => {
    const all = lines(reportToTsv(blankReport())).map(fields);
    for (const table of TABLES) {
      for (const block of table.blocks) {
        block.columns.forEach((column, i) => {
          const leaf = column.path.at(-1)!;
          expect(
            all.some((f) => f[i + 1] === leaf),
            `${table.id} ${leaf}`,
          ).toBe(true);
        });
      }
      const corner = tableLayout(table).blocks[0]!.header[0]!.cells.find((c) => c.role === 'corner');
      if (corner?.text) expect(all.some((f) => f[0] === corner.text)).toBe(true);
    }
  });
});

describe('tsvToCells', () => {
  const cellsArbitrary = fc.record(
    Object.fromEntries(
      CELLS.map((c) => [
        c.id,
        fc.option(
          c.kind === 'amount'
            ? fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1e4)
            : fc.integer({ min: 0, max: 100_000 }),
          { nil: null },
        ),
      ]),
    ) as Record<CellId, fc.Arbitrary<number | null>>,
  );

  it('reads back exactly what reportToTsv wrote, with or without headers', () => {
    fc.assert(
      fc.property(cellsArbitrary, fc.boolean(), (cells, headers) => {
        const read = tsvToCells(reportToTsv({ cells }, { headers }));
        expect(read.problems).toEqual([]);
        expect(read.cells).toEqual(cells);
      }),
      { numRuns: 40 },
    );
  });

  it('finds rows by short label, innermost label, half-width brackets and spreadsheet stub fields', () => {
    const tsv = [
      '三（三）1.属于国家秘密\t1\t2\t3\t4\t5\t6\t21',
      '3.危及"三安全一稳定"\t0\t0\t0\t0\t0\t1\t1',
      '三(七)总计\t9\t9\t9\t9\t9\t9\t54',
      '三、本年度办理结果\t（四）无法提供\t1.本机关不掌握相关政府信息\t7\t\t\t\t\t\t7',
      '\t\t2.没有现成信息需要另行制作\t8\t\t\t\t\t\t8',
    ].join('\n');
    const { cells, problems } = tsvToCells(tsv);
    expect(problems).toEqual([]);
    expect(cells['t3.refusedSecret.total']).toBe(21);
    expect(cells['t3.refusedSafety.otherOrg']).toBe(1);
    expect(cells['t3.total.natural']).toBe(9);
    expect(cells['t3.unableNotHeld.natural']).toBe(7);
    expect(cells['t3.unableNotHeld.business']).toBeNull();
    expect(cells['t3.unableNeedsCreation.natural']).toBe(8);
    expect(Object.keys(cells)).toHaveLength(5 * 7);
  });

  it('takes an unlabelled line as the row after the previous one, and a table name line as a restart', () => {
    const tsv = [
      '\uFEFF表三（收到和处理政府信息公开申请情况）',
      '5\t0\t0\t0\t0\t0\t5',
      '1\t0\t0\t0\t0\t0\t1',
      '三（一）予以公开\t2\t0\t0\t0\t0\t0\t2',
      '3\t0\t0\t0\t0\t0\t3',
      '',
      '表四',
      '1\t2\t3\t4\t10\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
    ].join('\r\n');
    const { cells, problems } = tsvToCells(tsv);
    expect(problems).toEqual([]);
    expect(cells['t3.new.total']).toBe(5);
    expect(cells['t3.carriedIn.natural']).toBe(1);
    expect(cells['t3.granted.natural']).toBe(2);
    expect(cells['t3.partial.total']).toBe(3);
    expect(cells['t4.cases.reviewTotal']).toBe(10);
  });

  it('takes a line of tabs only as a row of empty cells before unlabelled rows, and skips it otherwise', () => {
    const bare = ['1\t2\t3', '\t\t', '5'].join('\n');
    const read = tsvToCells(bare);
    expect(read.problems).toEqual([]);
    expect(read.cells['t2.normative.issued']).toBeNull();
    expect(read.cells['t2.license.decisions']).toBe(5);
    const labelled = ['规章\t1\t2\t3', '\t\t\t', '行政规范性文件\t4\t5\t6', '行政许可\t7'].join('\n');
    expect(tsvToCells(labelled).problems).toEqual([]);
    expect(tsvToCells(labelled).cells['t2.license.decisions']).toBe(7);
  });

  it('skips header lines of any wording, but never a line with a number in it', () => {
    const read = tsvToCells(
      ['项目\t自然人\t法人或其他组织', '单位：件', '总计\t5\t0\t0\t0\t0\t0\t5'].join('\n'),
    );
    expect(read.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^第 3 行：不认识行名“总计”/),
    ]);
  });

  it('reads dashes as 0, full-width digits and thousands separators', () => {
    const { cells, problems } = tsvToCells('规章\t—\t３\t1,024\n行政事业性收费\t12.5');
    expect(problems).toEqual([]);
    expect([cells['t2.rules.issued'], cells['t2.rules.repealed'], cells['t2.rules.valid']]).toEqual([
      0, 3, 1024,
    ]);
    expect(cells['t2.fees.amount']).toBe(12.5);
  });

  it('names the line, the cell and the reason of each problem', () => {
    const { problems } = tsvToCells(
      [
        '规章\t1\t-2\t3',
        '行政规范性文件\t1.5\t0\t0',
        '规章制度\t1\t2\t3',
        '行政许可\t1\t2',
        '规章\t1\t1\t1',
      ].join('\n'),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(problems[0]!.message).toMatch(/^第 1 行：规章·本年废止件数：“-2”是负数/);
    expect(problems[1]!.message).toContain('“1.5”不是整数');
    expect(problems[2]!.message).toContain('不认识行名“规章制度”');
    expect(problems[3]!.message).toContain('只有 1 列，但这里有 2 个数');
    expect(problems[4]!.message).toContain('在第 1 行已经出现过');
  });

  it('reports lines after the last row and text with no table at all', () => {
    const bare = lines(reportToTsv(distinctReport(), { headers: false })).map((l) =>
      fields(l).slice(1).join('\t'),
    );
    const { problems } = tsvToCells([...bare, '1\t2'].join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(
      `第 ${TSV_ROWS.length + 1} 行：三张表的 ${TSV_ROWS.length} 行都已读完`,
    );
    expect(tsvToCells('\n\n').problems[0]!.message).toContain('没有读到任何表格行');
  });
});
