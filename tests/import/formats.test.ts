/** Older and odd reports: the 2019 trial format is recognised; 2019 headings in a later year are flagged. */
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/import-report.ts';
import { cellsOfTable } from '../../src/report/cells.ts';
import { reportSchema } from '../../src/report/document.ts';
import { EXPECTED_CELLS } from './fixtures/expected.ts';
import { report2019 } from './fixtures/report-2019.ts';
import { SAMPLE_TEXT } from './fixtures/variants.ts';

function imported(text: string) {
  const result = importReport({ text });
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  expect(reportSchema().safeParse(result.report).success).toBe(true);
  return result;
}

const SPLIT_ROWS = ['otherNoCorrection', 'otherNoFee', 'otherOther'];

describe('a report in the 2019 trial format', () => {
  const text = report2019();
  const result = imported(text);

  it('is recognised, and the clerk is told so with the reasons', () => {
    expect(text).toContain('\t其他对外管理服务事项');
    expect(result.format).toBe('2019');
    expect(result.report.year).toBe(2020);
    const said = result.issues.find((i) => /2019年试行格式/.test(i.message));
    expect(said?.message).toMatch(/表二有2019年格式的栏目（本年新制作数量、本年新公开数量/);
    expect(said?.message).toMatch(/“（六）其他处理”只有一行/);
  });

  it('imports the sections, table 3 except the split （六）, and table 4', () => {
    for (const cell of [...cellsOfTable('t3'), ...cellsOfTable('t4')]) {
      const expected = SPLIT_ROWS.includes(cell.row.key) ? null : EXPECTED_CELLS[cell.id];
      expect(result.report.cells[cell.id]).toBe(expected);
    }
    expect(result.report.sections.problems).toMatch(/^我厅政府信息公开工作中主要存在以下问题：/);
    expect(result.report.sections.other).toBe('未收取信息处理费，无其他需报告的事项。');
  });

  it('lists table 2 and the single （六） row as not imported, leaving those cells empty', () => {
    for (const cell of cellsOfTable('t2')) expect(result.report.cells[cell.id]).toBeNull();
    // The review marks exactly those cells: all of table 2 and the three split rows of table 3 (7 each).
    const split = cellsOfTable('t3').filter((c) => SPLIT_ROWS.includes(c.row.key));
    expect(split).toHaveLength(21);
    expect(result.notImportedCells).toEqual([...cellsOfTable('t2'), ...split].map((c) => c.id));
    expect(result.notImported).toHaveLength(2);
    expect(result.notImported[0]).toMatch(/^表二（主动公开政府信息情况）：2019年格式的栏目与2021年格式不同/);
    expect(result.notImported[1]).toMatch(
      /^表三“（六）其他处理”：2019年格式为一行（1、0、0、0、0、0、1），2021年格式分为三行/,
    );
  });

  it('does not call what is not imported 未找到, nor flag its own 2019 headings', () => {
    expect(result.issues.filter((i) => i.severity === '未找到')).toEqual([]);
    expect(result.issues.filter((i) => /标题/.test(i.message))).toEqual([]);
  });
});

describe('2019 headings in a 2021 report', () => {
  const text = SAMPLE_TEXT.replace(
    '四、政府信息公开行政复议、行政诉讼情况',
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  ).replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况');
  const result = imported(text);

  it('imports everything as 2021 and flags the two headings', () => {
    expect(result.format).toBe('2021');
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.issues.map((i) => [i.severity, i.table ?? i.field])).toEqual([
      ['提示', 't4'],
      ['提示', 'problems'],
    ]);
    expect(result.issues[1]?.message).toBe(
      '标题“五、政府信息公开工作存在的主要问题及改进情况”是2019年试行格式的写法，2021年格式为“五、存在的主要问题及改进情况”，已按2021年格式导入',
    );
  });
});

describe('a heading written loosely', () => {
  it('is recognised with a 提示, the text under it kept', () => {
    const result = imported(SAMPLE_TEXT.replace('六、其他需要报告的事项', '六、其他需要报告事项'));
    expect(result.report.sections.other).toBe('未收取信息处理费，无其他需报告的事项。');
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'other',
        severity: '提示',
        message: '标题写作“六、其他需要报告事项”，按“六、其他需要报告的事项”读取',
      }),
    ]);
  });
});
