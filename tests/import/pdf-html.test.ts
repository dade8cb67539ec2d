// @vitest-environment node
/**
 * pdf-html on small made-up pages: what a word processor's PDF does to a table (numbers wrapped in
 * narrow cells, header rows repeated on the next page, a number going on over the page break) is
 * read back as one table, and nothing else is joined. The corpus (word.pdf of each report) checks
 * the same on LibreOffice's real output.
 */
import { describe, expect, it } from 'vitest';
import { pdfPagesToHtml } from '../../src/import/pdf/pdf-html.ts';
import type { PdfPageData, PdfPiece, PdfRule } from '../../src/import/pdf/pdf-page.ts';

const SIZE = 11;
const DIGIT = 7;

/** Text centred in the column [left, right], on the baseline y (digits and hanzi alike 7 pt / 11 pt wide). */
function piece(text: string, left: number, right: number, y: number): PdfPiece {
  const width = [...text].reduce((w, ch) => w + (/\d/.test(ch) ? DIGIT : SIZE), 0);
  return { text, x: (left + right - width) / 2, y, width, size: SIZE };
}

/** The rules of a grid: every column edge from top to bottom, every row edge across. */
function grid(xs: number[], ys: number[]): PdfRule[] {
  const [top, bottom] = [ys[0]!, ys[ys.length - 1]!];
  return [
    ...xs.map((x) => ({ x1: x, y1: bottom, x2: x, y2: top })),
    ...ys.map((y) => ({ x1: xs[0]!, y1: y, x2: xs[xs.length - 1]!, y2: y })),
  ];
}

const page = (pieces: PdfPiece[], rules: PdfRule[]): PdfPageData => ({
  width: 595,
  height: 842,
  pieces,
  rules,
});

/** The rows of the HTML's tables, as cell texts («<br>» between lines of a cell). */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!),
  );
}

// A label column and two narrow value columns: a 30 pt cell holds two digits beside its padding.
const XS = [80, 200, 230, 260];

/** One line of the table on the baseline y: a label, then the values ('' for an empty cell). */
const row = (y: number, label: string, ...values: string[]): PdfPiece[] =>
  [piece(label, XS[0]!, XS[1]!, y), ...values.map((v, k) => piece(v, XS[k + 1]!, XS[k + 2]!, y))].filter(
    (p) => p.text,
  );

describe('pdfPagesToHtml: a word processor’s table', () => {
  it('joins a number wrapped inside its narrow cell (「12」 over 「6」 is 126)', () => {
    const pieces = [
      piece('本年新收', 80, 200, 700),
      piece('12', 230, 260, 706),
      piece('6', 230, 260, 693),
      piece('5', 200, 230, 700),
    ];
    const rows = tableRows(pdfPagesToHtml([page(pieces, grid(XS, [720, 680]))]));
    expect(rows).toEqual([['本年新收', '5', '126']]);
  });

  it('keeps apart two numbers in one cell that do not fill it (a rule missing between two rows)', () => {
    const wide = [80, 200, 260];
    const pieces = [piece('甲', 80, 200, 700), piece('5', 200, 260, 706), piece('7', 200, 260, 693)];
    const rows = tableRows(pdfPagesToHtml([page(pieces, grid(wide, [720, 680]))]));
    expect(rows).toEqual([['甲', '5<br>7']]);
  });

  it('does not join a number with words in the same cell', () => {
    const pieces = [piece('甲', 80, 200, 700), piece('22', 230, 260, 706), piece('件', 230, 260, 693)];
    const rows = tableRows(pdfPagesToHtml([page(pieces, grid(XS, [720, 680]))]));
    expect(rows[0]![2]).toBe('22<br>件');
  });

  it('drops the header rows repeated on the next page, and joins the rest of a label and of a number there', () => {
    const rules = grid(XS, [780, 740, 700, 660]);
    const first = page(
      [
        ...row(760, '项目', '甲', '乙'),
        ...row(720, '一、本年新收', '3', '4'),
        ...row(680, '二、上年结转政府信', '1', '12'),
      ],
      rules,
    );
    const second = page(
      [
        ...row(760, '项目', '甲', '乙'),
        ...row(720, '息公开申请数量', '', '6'),
        ...row(680, '三、结转下年度', '0', '2'),
      ],
      rules,
    );
    expect(tableRows(pdfPagesToHtml([first, second]))).toEqual([
      ['项目', '甲', '乙'],
      ['一、本年新收', '3', '4'],
      ['二、上年结转政府信<br>息公开申请数量', '1', '126'],
      ['三、结转下年度', '0', '2'],
    ]);
  });

  it('a heading between two tables: the second is a table of its own, not the first going on', () => {
    const first = page(row(720, '规章', '1', '2'), grid(XS, [740, 700]));
    first.pieces.push({ text: '三、收到和处理政府信息公开申请情况', x: 80, y: 120, width: 300, size: SIZE });
    const second = page(
      [...row(720, '项目', '甲', '乙'), ...row(680, '一、本年新收', '3', '4')],
      grid(XS, [740, 700, 660]),
    );
    const html = pdfPagesToHtml([first, second]);
    expect(tableRows(html)).toEqual([
      ['规章', '1', '2'],
      ['项目', '甲', '乙'],
      ['一、本年新收', '3', '4'],
    ]);
    expect(html).toContain('<p>三、收到和处理政府信息公开申请情况</p>');
  });

  it('a paragraph broken by the page is one paragraph; a new, indented one on the next page is not joined', () => {
    const line = (text: string, x: number, y: number, width = 400): PdfPiece => ({
      text,
      x,
      y,
      width,
      size: SIZE,
    });
    const pageNumber = (n: number) => line(`— ${n} —`, 270, 60, 40);
    const first = page(
      [
        line('一是加强网站建设，持续做好', 112, 700, 378),
        line('法定主动公开内容，做好科技', 90, 684),
        pageNumber(1),
      ],
      [],
    );
    const second = page(
      [line('厅网站专栏规范设置。', 90, 760, 120), line('二是做好政策解读。', 112, 744, 120), pageNumber(2)],
      [],
    );
    const third = page([line('三是加强平台建设。', 112, 760, 120), pageNumber(3)], []);
    const html = pdfPagesToHtml([first, second, third]);
    expect(html).toContain('<p>一是加强网站建设，持续做好法定主动公开内容，做好科技厅网站专栏规范设置。</p>');
    expect(html).toContain('<p>二是做好政策解读。</p>');
    expect(html).toContain('<p>三是加强平台建设。</p>');
    expect(html).toContain('<p>— 2 —</p>');
  });

  it('spaces between Chinese characters (a justified line spread out) are not words apart', () => {
    const pieces: PdfPiece[] = ['扩', '大公', ' ', '众参与，', '强化 主动'].map((text, k) => ({
      text,
      x: 90 + k * 40,
      y: 700,
      width: 22,
      size: SIZE,
    }));
    pieces.push({ text: 'PDF 文件', x: 300, y: 700, width: 50, size: SIZE });
    expect(pdfPagesToHtml([page(pieces, [])])).toContain('<p>扩大公众参与，强化主动 PDF 文件</p>');
  });
});
