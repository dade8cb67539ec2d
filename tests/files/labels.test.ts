import { describe, expect, it } from 'vitest';
import { labelOfFilePath, labelOfReportPath } from '../../src/files/labels.ts';
import { CELLS } from '../../src/report/cells.ts';
import { blankReport } from '../../src/report/document.ts';

describe('labelOfReportPath', () => {
  it.each([
    [['cells', 't3.new.natural'], '一、本年新收政府信息公开申请数量·自然人'],
    [['cells', 't3.total.total'], '三（七）总计·总计'],
    [['contact', 'phone'], '联系方式·联系电话'],
    [['sections', 'overview'], '一、总体情况'],
    [['sections', 'problems'], '五、存在的主要问题及改进情况'],
    [['period', 'start'], '统计期限·起始日期'],
    [['agency'], '机关名称'],
    [['notes', 't3.new.natural'], '单元格备注·一、本年新收政府信息公开申请数量·自然人'],
    [['lastYear', 'cells', 't3.new.natural'], '上年数据·一、本年新收政府信息公开申请数量·自然人'],
    [['lastYear', 'sections', 'other'], '上年数据·六、其他需要报告的事项'],
    [['lastYear', 'year'], '上年数据·年度'],
    [['staleSections', 0], '需更新的正文部分·第 1 项'],
    [[], '报告'],
  ] as const)('%j → 「%s」', (path, label) => {
    expect(labelOfReportPath(path)).toBe(label);
  });

  it('gives every cell its label from cellDef, never its id', () => {
    for (const cell of CELLS) expect(labelOfReportPath(['cells', cell.id])).toBe(cell.label);
  });

  it('labels every place of a report without falling back to a raw key', () => {
    const report = blankReport();
    for (const [key, value] of Object.entries(report)) {
      expect(labelOfReportPath([key])).not.toMatch(/^"/);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const inner of Object.keys(value)) expect(labelOfReportPath([key, inner])).not.toContain('"');
      }
    }
  });

  it('shows unknown keys quoted as written, so "__proto__" or a typo is visible', () => {
    expect(labelOfReportPath(['cells', 't9.x.y'])).toBe('"t9.x.y"');
    expect(labelOfReportPath(['contact', '__proto__'])).toBe('联系方式·"__proto__"');
    expect(labelOfReportPath(['fax'])).toBe('"fax"');
  });
});

describe('labelOfFilePath', () => {
  it('labels the envelope and delegates the report', () => {
    expect(labelOfFilePath(['fileFormatVersion'])).toBe('文件格式版本');
    expect(labelOfFilePath(['sha256'])).toBe('校验值');
    expect(labelOfFilePath(['report', 'cells', 't2.fees.amount'])).toBe(
      '行政事业性收费·本年收费金额（单位：万元）',
    );
    expect(labelOfFilePath([])).toBe('文件内容');
  });
});
