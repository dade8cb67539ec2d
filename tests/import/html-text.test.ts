// @vitest-environment node
/** HTML rendered to the text layout browsers copy: cells after tabs, spans as the browser writes them. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/import/html-text.ts';
import { tableHtml } from './fixtures/variants.ts';

describe('htmlToText', () => {
  it('writes paragraphs as lines and skips head, scripts and styles', () => {
    const html =
      '<html><head><title>页面</title><style>p{}</style></head><body><p>第一段</p><script>x()</script><div>第二段<br>换行</div></body></html>';
    expect(htmlToText(html)).toBe('第一段\n第二段\n换行');
  });

  it('writes each cell on its own line after a tab and a blank line after each row', () => {
    expect(
      htmlToText('<table><tr><td>规章</td><td>0</td></tr><tr><td>行政许可</td><td>11</td></tr></table>'),
    ).toBe('\t规章\n\t0\n\n\t行政许可\n\t11');
  });

  it('writes a place covered from above as one empty cell per covering cell, a wide cell once', () => {
    const html =
      '<table><tr><td rowspan="2" colspan="2">角</td><td colspan="2">申请人情况</td></tr>' +
      '<tr><td>自然人</td><td>总计</td></tr><tr><td>一</td><td>二</td><td>1</td><td>1</td></tr></table>';
    expect(htmlToText(html)).toBe('\t角\n\t申请人情况\n\n\t\n\t自然人\n\t总计\n\n\t一\n\t二\n\t1\n\t1');
  });

  it('keeps a line break inside a cell (a label broken over lines) and &nbsp; after numbers', () => {
    expect(htmlToText('<table><tr><td>商业<br>企业</td><td>1&nbsp;</td></tr></table>')).toBe(
      '\t商业\n企业\n\t1\u00a0',
    );
  });

  it('reads a layout table holding the report’s tables as paragraphs around them', () => {
    const html = `<table><tr><td><p>一、总体情况</p>${tableHtml('t4')}</td></tr></table>`;
    const text = htmlToText(html);
    expect(text.startsWith('一、总体情况\n\n\t行政复议\n\t行政诉讼\n')).toBe(true);
  });

  it('renders table 3 of the template like the sample’s own copy (rows 5 and 6 of the stub)', () => {
    const text = htmlToText(tableHtml('t3'));
    expect(text).toContain('\t\n\t（三）不予公开\n\t1.属于国家秘密\n\t0\n');
    expect(text).toContain('\n\n\t\n\t\n\t2.其他法律行政法规禁止公开\n\t0\n');
  });
});
