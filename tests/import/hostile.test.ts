// @vitest-environment node
/**
 * Issue 14: hostile input never overflows the stack, never builds a grid larger than the table it
 * came from, and input larger than any report is refused before it is parsed (times in bench/).
 */
import { describe, expect, it, vi } from 'vitest';
import { nestedHtml, spanTableHtml } from '../../bench/lib/import-hostile-inputs.ts';
import { htmlToText } from '../../src/import/html-text.ts';
import { importReport } from '../../src/import/import-report.ts';
import { MAX_HTML_CHARS, MAX_SOURCE_CHARS, withinLimits } from '../../src/import/limits.ts';

const parsed = vi.hoisted(() => ({ calls: 0 }));
vi.mock('parse5', async (original) => {
  const real = await original<typeof import('parse5')>();
  const parse = (html: string) => {
    parsed.calls++;
    return real.parse(html);
  };
  return { ...real, parse };
});

describe('deep nesting', () => {
  it('reads 5 000 nested elements without recursion', () => {
    expect(htmlToText(nestedHtml(5000))).toBe('一、总体情况');
    const result = importReport({ html: `<p>某局2021年政府信息公开工作年度报告</p>${nestedHtml(20_000)}` });
    expect(result.ok).toBe(true);
  });

  it('reads a table nested 2 000 deep in layout tables as a table', () => {
    const inner = '<table><tr><td>行政许可</td><td>11</td></tr></table>';
    const html = `${'<table><tr><td>'.repeat(2000)}${inner}${'</td></tr></table>'.repeat(2000)}`;
    expect(htmlToText(html)).toBe('\t行政许可\n\t11');
  });
});

describe('spans', () => {
  it('covers no more places than the table has cells, and no row past its end', () => {
    const html = spanTableHtml(50_000);
    const cells = html.split('<td').length - 1;
    const lines = htmlToText(html).split('\n');
    const placeholders = lines.filter((l) => l === '\t').length;
    expect(placeholders).toBeLessThanOrEqual(cells);
    expect(lines.filter((l) => l === '\t1').length).toBe(cells);
  });

  it('ends a rowspan with its table: the rows after the table are not covered', () => {
    const html =
      '<table><tr><td rowspan="900">一</td><td>1</td></tr></table><table><tr><td>二</td><td>2</td></tr></table>';
    expect(htmlToText(html)).toBe('\t一\n\t1\n\n\t二\n\t2');
  });

  it('still writes the official spans as a browser copies them', () => {
    const html =
      '<table><tr><td rowspan="3">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>' +
      '<tr><td>（二）部分公开</td><td>2</td></tr><tr><td>（七）总计</td><td>3</td></tr></table>';
    expect(htmlToText(html)).toBe(
      '\t三、本年度办理结果\n\t（一）予以公开\n\t1\n\n\t\n\t（二）部分公开\n\t2\n\n\t\n\t（七）总计\n\t3',
    );
  });
});

describe('size limits, before parsing', () => {
  it('refuses text and HTML larger than any report in Chinese, without parsing them', () => {
    parsed.calls = 0;
    const text = importReport({ text: 'x'.repeat(MAX_SOURCE_CHARS + 1) });
    const html = importReport({ html: `<p>${'x'.repeat(MAX_HTML_CHARS)}</p>` });
    for (const result of [text, html]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^内容过长（约 \d+ 万字）/);
    }
    expect(parsed.calls).toBe(0);
    importReport({ html: '<p>某局2021年政府信息公开工作年度报告</p>' });
    expect(parsed.calls).toBe(1);
  });

  it('reads the text when only the HTML is too large', () => {
    const limited = withinLimits({ html: 'x'.repeat(MAX_HTML_CHARS + 1), text: '某局报告' });
    expect(limited).toEqual({ ok: true, input: { text: '某局报告' } });
  });
});
