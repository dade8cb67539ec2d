/**
 * Whatever is pasted, the importer never throws: the result is a valid draft with its findings, or a
 * clear Chinese message. And it never invents a number: every number in the draft is written in the
 * source (0 may also come from a blank or a dash).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ImportResult, importReport } from '../../src/import/import-report.ts';
import { isCellId } from '../../src/report/cells.ts';
import { reportSchema } from '../../src/report/document.ts';
import { SAMPLE_TEXT, sampleHtml } from './fixtures/variants.ts';

const CHINESE = /[\u4e00-\u9fff]/;
const SEVERITIES = ['不确定', '未找到', '提示'];

function checkResult(result: ImportResult, source: string) {
  if (!result.ok) {
    expect(result.message).toMatch(CHINESE);
    return;
  }
  expect(reportSchema().safeParse(result.report).success).toBe(true);
  for (const issue of result.issues) {
    expect(SEVERITIES).toContain(issue.severity);
    expect(issue.message).toMatch(CHINESE);
    if (issue.cell !== undefined) expect(isCellId(issue.cell)).toBe(true);
  }
  const digits = source.normalize('NFKC').replace(/[,，\s]/g, '');
  for (const value of Object.values(result.report.cells)) {
    if (value !== null && value !== 0) expect(digits).toContain(String(value));
  }
}

function run(input: { text?: string; html?: string }) {
  let result: ImportResult | undefined;
  expect(() => {
    result = importReport(input);
  }).not.toThrow();
  checkResult(result!, input.html ?? input.text ?? '');
}

/** Pieces a report is made of, for random reports that look nearly real. */
const PIECES = [
  '\t',
  '\n',
  '\n\n',
  ' ',
  '\u00a0',
  '\u3000',
  '0',
  '1',
  '26',
  '4068.208',
  '/',
  '—',
  '-',
  '（',
  '）',
  '(',
  ')',
  '自治区科技厅2021年政府信息公开工作年度报告',
  '统计期限为2021年1月1日至2021年12月31日',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  '规章',
  '行政规范性文件',
  '本年制发件数',
  '（六）其他处理',
  '1.属于国家秘密',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
  '行政复议',
  '行政诉讼',
  '总计',
  '结果维持',
  '本年新制作数量',
  '政府集中采购',
  '22（其中修订16件）',
  '<td rowspan="3">',
  '<tr>',
  '<table>',
];

// Hundreds of whole imports per test: generous time, as CI machines are shared.
describe('the importer on random and broken input', { timeout: 60_000 }, () => {
  it('random text never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => run({ text })));
  });

  it('random text made of report pieces never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }), (pieces) =>
        run({ text: pieces.join('') }),
      ),
    );
  });

  it('the sample truncated anywhere, or with lines left out, never throws', () => {
    fc.assert(
      fc.property(fc.nat({ max: SAMPLE_TEXT.length }), (n) => run({ text: SAMPLE_TEXT.slice(0, n) })),
    );
    fc.assert(fc.property(fc.nat({ max: SAMPLE_TEXT.length }), (n) => run({ text: SAMPLE_TEXT.slice(n) })));
    const lines = SAMPLE_TEXT.split('\n');
    fc.assert(
      fc.property(fc.subarray(lines), (kept) => run({ text: kept.join('\n') })),
      { numRuns: 200 },
    );
  });

  it('HTML truncated anywhere, or made of random tags, never throws', () => {
    const html = sampleHtml();
    fc.assert(fc.property(fc.nat({ max: html.length }), (n) => run({ html: html.slice(0, n) })));
    const tags = [
      '<table>',
      '</table>',
      '<tr>',
      '</tr>',
      '<td colspan="9999">',
      '<td rowspan="0">',
      '<th rowspan="2">',
      '</td>',
      '<p>',
      '<br>',
      '规章',
      '0',
      '一、总体情况',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tags), { maxLength: 200 }), (parts) =>
        run({ html: parts.join('') }),
      ),
    );
  });

  it('says clearly when there is nothing to import', () => {
    for (const text of ['', '   \n\t\n', '今天天气很好。', '12345']) {
      const result = importReport({ text });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/没有可导入的内容|没有识别出年度报告的内容/);
    }
  });
});
