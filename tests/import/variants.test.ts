/** Variants of the sample: each imports to the published numbers, or says exactly what it could not read. */
import { describe, expect, it } from 'vitest';
import { type ImportIssue, importReport } from '../../src/import/import-report.ts';
import { cellsOfTable } from '../../src/report/cells.ts';
import { reportSchema } from '../../src/report/document.ts';
import { AGENCY, EXPECTED_CELLS, TEXTS, YEAR } from './fixtures/expected.ts';
import {
  halfWidth,
  pdfLikeText,
  piecePerLineText,
  rebreakLabels,
  rowPerLineText,
  SAMPLE_TEXT,
  sampleHtml,
  setCellText,
  tableHtml,
  withoutSection,
} from './fixtures/variants.ts';

function imported(input: { text?: string; html?: string }) {
  const result = importReport(input);
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  expect(reportSchema().safeParse(result.report).success).toBe(true);
  return result;
}

const about = (issues: readonly ImportIssue[], cell: string) => issues.filter((i) => i.cell === cell);

describe('HTML from a web page (real tables with the official colspan/rowspan)', () => {
  const html = sampleHtml({
    label: (t) => t.replace('商业企业', '商业<br>企业').replace('结果纠正', '结果<br/>纠正'),
  });
  const result = imported({ html, text: 'plain text the clipboard also offers' });

  it('reads all 200 cells, title, preamble and sections', () => {
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.report.agency).toBe(AGENCY);
    expect(result.report.year).toBe(YEAR);
    expect(result.report.preamble.startsWith(TEXTS.preamble.first)).toBe(true);
    expect(result.report.sections.overview.endsWith(TEXTS.overview.last)).toBe(true);
    expect(result.report.sections.other).toBe(TEXTS.other.first);
  });

  it('leaves the page around the report out, and says so', () => {
    expect(result.report.preamble).not.toMatch(/发布时间|首页/);
    expect(result.report.sections.other).not.toMatch(/打印|主办单位/);
    expect(result.notImported.join('\n')).toMatch(/发布时间/);
    expect(result.notImported.join('\n')).toMatch(/主办单位/);
    expect(result.issues).toEqual([]);
  });

  it('shows the HTML as text laid out like a browser copy (one cell per line after a tab)', () => {
    expect(result.sourceText).toContain('\t行政许可\n\t11\n');
    expect(result.sourceText).toContain('\t商业\n企业');
  });
});

describe('only the three tables copied (no title, no headings)', () => {
  it('reads all 200 cells and says what is missing around them', () => {
    const html = `<table><tr><td>x</td></tr></table>${tableHtml('t2')}<p>注：单位为件</p>${tableHtml('t3')}${tableHtml('t4')}`;
    const result = imported({ html });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.report.agency).toBe('');
    expect(result.report.year).toBeNull();
    const missing = result.issues.filter((i) => i.severity === '未找到');
    expect(missing.map((i) => i.field ?? i.table)).toEqual([
      'agency',
      'year',
      'preamble',
      'overview',
      't2',
      't3',
      't4',
      'problems',
      'other',
    ]);
    expect(result.issues.filter((i) => i.severity !== '未找到')).toEqual([]);
  });
});

describe('plain text variants', () => {
  it('half-width brackets, colons and commas', () => {
    const result = imported({ text: halfWidth(SAMPLE_TEXT) });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.issues).toEqual([]);
  });

  it('labels broken over lines in other places', () => {
    const text = rebreakLabels(SAMPLE_TEXT);
    expect(text).toContain('\t一、本年\n新收政府信息公开申请数量');
    const result = imported({ text });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.issues).toEqual([]);
  });

  it('text copied out of a PDF: no tabs, rows on one line, a long label wrapped', () => {
    const text = pdfLikeText(SAMPLE_TEXT);
    expect(text).not.toContain('\t');
    expect(text).toContain(
      '（六）其他处理 1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0',
    );
    const result = imported({ text });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.report.sections.problems.endsWith(TEXTS.problems.last)).toBe(true);
  });

  it('Word or spreadsheet text: one row per line, cells separated by tabs', () => {
    const text = rowPerLineText(SAMPLE_TEXT);
    expect(text).toContain('\n一、本年新收政府信息公开申请数量\t2\t0\t1\u00a0\t0\t0\t0\t3\n');
    const result = imported({ text });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.issues).toEqual([]);
  });

  it('text with every piece on its own line and no tabs (some PDF readers)', () => {
    const result = imported({ text: piecePerLineText(SAMPLE_TEXT) });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    expect(result.issues).toEqual([]);
  });

  it('规范性文件 for 行政规范性文件, and 1、 for 1.', () => {
    const text = SAMPLE_TEXT.replace('\t行政规范性文件', '\t规范性文件').replace(
      '\t1.属于国家秘密',
      '\t1、属于国家秘密',
    );
    expect(imported({ text }).report.cells).toEqual(EXPECTED_CELLS);
  });

  it('blank, 「/」, 「—」 and 「-」 cells read as 0 with a 提示 each, showing the source', () => {
    let text = setCellText(SAMPLE_TEXT, '规章', 0, '');
    text = setCellText(text, '规章', 1, '/');
    text = setCellText(text, '行政处罚', 0, '—');
    text = setCellText(text, '2.重复申请', 3, '-');
    const result = imported({ text });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    const expectations: [string, RegExp][] = [
      ['t2.rules.issued', /规章·本年制发件数：原文为空白，按 0 读取/],
      ['t2.rules.repealed', /原文为“\/”，按 0 读取/],
      ['t2.penalty.decisions', /原文为“—”，按 0 读取/],
      ['t3.notHandledRepeat.nonprofit', /三（五）2\.重复申请·社会公益组织：原文为“-”，按 0 读取/],
    ];
    for (const [cell, message] of expectations) {
      const [issue, ...more] = about(result.issues, cell);
      expect(more).toEqual([]);
      expect(issue?.severity).toBe('提示');
      expect(issue?.message).toMatch(message);
      expect(issue?.line).toBeGreaterThan(0);
    }
    expect(about(result.issues, 't3.notHandledRepeat.nonprofit')[0]?.source).toBe(
      '2.重复申请｜0｜0｜0｜-｜0｜0｜0',
    );
    expect(result.issues).toHaveLength(4);
  });

  it('「26（其中修订16件）」 reads 26 and keeps the rest as the cell’s note', () => {
    const text = setCellText(SAMPLE_TEXT, '行政规范性文件', 0, '26（其中修订16件）');
    const result = imported({ text });
    expect(result.report.cells['t2.normative.issued']).toBe(26);
    expect(result.report.notes).toEqual({ 't2.normative.issued': '其中修订16件' });
    expect(about(result.issues, 't2.normative.issued')[0]?.message).toMatch(/读作 26.*其中修订16件.*注释/);
  });

  it('a row whose cell holds words, not a number, stays empty and says what was written', () => {
    const text = setCellText(SAMPLE_TEXT, '行政许可', 0, '若干');
    const result = imported({ text });
    expect(result.report.cells['t2.license.decisions']).toBeNull();
    expect(about(result.issues, 't2.license.decisions')).toEqual([
      {
        cell: 't2.license.decisions',
        severity: '未找到',
        message: '行政许可·本年处理决定数量：原文有这一行，但后面没有数字（写作“行政许可 若干”），保持空白',
        source: '行政许可 若干',
        line: 44,
      },
    ]);
    expect(result.issues).toHaveLength(1);
  });

  it('a label written a little differently is read, and every cell of its row is 不确定', () => {
    const text = SAMPLE_TEXT.replace('\t4.保护第三方合法权益', '\t4.保护第三人合法权益');
    const result = imported({ text });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    const doubts = result.issues.filter((i) => i.severity === '不确定');
    expect(doubts.map((i) => i.cell)).toEqual(
      cellsOfTable('t3')
        .filter((c) => c.row.key === 'refusedThirdParty')
        .map((c) => c.id),
    );
    expect(doubts[0]?.message).toMatch(/行名写作“4\.保护第三人合法权益”.*按“4\.保护第三方合法权益”读取/);
  });

  it('a missing row is 未找到, cell by cell, and stays empty', () => {
    const text = SAMPLE_TEXT.replace(/\t\n\t\n\t3\.补正后申请内容仍不明确(\n\t0){7}\n/, '');
    const result = imported({ text });
    const row = cellsOfTable('t3')
      .filter((c) => c.row.key === 'unableUnclear')
      .map((c) => c.id);
    for (const id of row) expect(result.report.cells[id]).toBeNull();
    expect(result.issues.filter((i) => i.severity === '未找到').map((i) => i.cell)).toEqual(row);
  });

  it('a missing table is reported, not invented', () => {
    const result = imported({ text: withoutSection(SAMPLE_TEXT, 3) });
    for (const cell of cellsOfTable('t4')) expect(result.report.cells[cell.id]).toBeNull();
    for (const cell of cellsOfTable('t3')) expect(result.report.cells[cell.id]).toBe(EXPECTED_CELLS[cell.id]);
    const t4 = result.issues.filter((i) => i.table === 't4');
    expect(t4.map((i) => i.severity)).toEqual(['未找到', '未找到']);
    expect(t4.map((i) => i.message).join('\n')).toMatch(/没有找到“四、政府信息公开行政复议、行政诉讼情况”/);
    expect(t4.map((i) => i.message).join('\n')).toMatch(/没有找到表四.*保持空白/);
    expect(result.issues).toHaveLength(2);
  });

  it('numbers under labels of no row are listed (ten of them) and the rest counted, none imported', () => {
    const junk = Array.from({ length: 25 }, (_, i) => `\t未知事项${i}\n\t${i + 1}\n`).join('\n');
    const text = SAMPLE_TEXT.replace('\t（本列数据的勾稽关系为', `${junk}\n\t（本列数据的勾稽关系为`);
    const result = imported({ text });
    expect(result.report.cells).toEqual(EXPECTED_CELLS);
    const t3 = result.issues.filter((i) => i.table === 't3');
    expect(t3).toHaveLength(11);
    expect(t3[0]).toMatchObject({
      severity: '不确定',
      message: '表三：“未知事项0”不是本表的行，它后面的数字未导入',
      source: '未知事项0｜1',
    });
    expect(t3[10]!.message).toBe('表三：另有 15 处数字不能对应到本表的行，未导入');
  });

  it('a published total that disagrees with its parts is kept, and totals become 手工填写', () => {
    const text = setCellText(SAMPLE_TEXT, '（七）总计', 0, '5');
    const result = imported({ text });
    expect(result.report.cells['t3.total.natural']).toBe(5);
    expect(result.report.manualTotals).toBe(true);
    expect(result.issues.map((i) => i.message).join('\n')).toMatch(/总计与分项之和不一致/);
  });
});
