/**
 * The merged grid of each table against the spec: header and stub spans as in the official
 * template, and every grid position covered exactly once (no hole, no overlap) so the editor and
 * the PDF can draw it as a plain table.
 */
import { describe, expect, it } from 'vitest';
import { tableMatrix } from '../../src/report/cells.ts';
import { type LayoutCell, type LayoutRow, tableLayout } from '../../src/report/layout.ts';
import { TABLE2, TABLE3, TABLE4, TABLES } from '../../src/report/template.ts';

type Span = Pick<LayoutCell, 'role' | 'text' | 'col' | 'colSpan' | 'rowSpan'>;
const spans = (row: LayoutRow): Span[] =>
  row.cells
    .filter((c) => c.role !== 'value')
    .map(({ role, text, col, colSpan, rowSpan }) => ({ role, text, col, colSpan, rowSpan }));

const header = (text: string, col: number, colSpan: number, rowSpan: number): Span => ({
  role: 'columnHeader',
  text,
  col,
  colSpan,
  rowSpan,
});
const stub = (text: string, col: number, colSpan: number, rowSpan: number): Span => ({
  role: 'rowHeader',
  text,
  col,
  colSpan,
  rowSpan,
});

/** Paints every cell's rectangle onto the grid; returns the positions covered 0 or ≥ 2 times, or outside it. */
function coverageFaults(rows: readonly LayoutRow[], width: number): string[] {
  const faults: string[] = [];
  const count = rows.map(() => new Array<number>(width).fill(0));
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const [y, x] = [r + dr, cell.col + dc];
          if (y >= rows.length || x >= width)
            faults.push(`${cell.text ?? cell.cell} spills to row ${y} col ${x}`);
          else count[y]![x]! += 1;
        }
      }
    }
  });
  count.forEach((line, r) => {
    line.forEach((n, c) => {
      if (n !== 1) faults.push(`row ${r} col ${c} covered ${n} times`);
    });
  });
  return faults;
}

describe('every table layout', () => {
  it.each(TABLES.map((t) => [t.id, t] as const))('%s covers its grid exactly once', (_id, table) => {
    const layout = tableLayout(table);
    expect(layout.width).toBe(table.stubDepth + table.valueUnits);
    for (const block of layout.blocks) {
      const rows = [...(block.title ? [block.title] : []), ...block.header, ...block.body];
      expect(coverageFaults(rows, layout.width)).toEqual([]);
    }
  });

  it.each(TABLES.map((t) => [t.id, t] as const))(
    '%s places each value cell once, in reading order',
    (_id, table) => {
      const layout = tableLayout(table);
      const placed = layout.blocks.flatMap((b) =>
        b.body.flatMap((row) => row.cells.filter((c) => c.role === 'value').map((c) => c.cell)),
      );
      expect(placed).toEqual(tableMatrix(table).flat());
    },
  );
});

describe('table 3 layout', () => {
  const layout = tableLayout(TABLE3);
  const block = layout.blocks[0]!;

  it('is 3 stub columns + 7 value columns wide, 3 header rows and 25 body rows high', () => {
    expect(layout.width).toBe(10);
    expect(layout.blocks).toHaveLength(1);
    expect(block.title).toBeNull();
    expect(block.header).toHaveLength(3);
    expect(block.body).toHaveLength(25);
  });

  it('has the header of the official template', () => {
    expect(block.header.map(spans)).toEqual([
      [
        {
          role: 'corner',
          text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
          col: 0,
          colSpan: 3,
          rowSpan: 3,
        },
        header('申请人情况', 3, 7, 1),
      ],
      [header('自然人', 3, 1, 2), header('法人或其他组织', 4, 5, 1), header('总计', 9, 1, 2)],
      [
        header('商业企业', 4, 1, 1),
        header('科研机构', 5, 1, 1),
        header('社会公益组织', 6, 1, 1),
        header('法律服务机构', 7, 1, 1),
        header('其他', 8, 1, 1),
      ],
    ]);
  });

  it('has the stub of the official template', () => {
    const merged = block.body.map(spans);
    expect(merged[0]).toEqual([stub('一、本年新收政府信息公开申请数量', 0, 3, 1)]);
    expect(merged[1]).toEqual([stub('二、上年结转政府信息公开申请数量', 0, 3, 1)]);
    expect(merged[2]).toEqual([stub('三、本年度办理结果', 0, 1, 22), stub('（一）予以公开', 1, 2, 1)]);
    expect(merged[3]).toEqual([stub('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 1, 2, 1)]);
    expect(merged[4]).toEqual([stub('（三）不予公开', 1, 1, 8), stub('1.属于国家秘密', 2, 1, 1)]);
    expect(merged[5]).toEqual([stub('2.其他法律行政法规禁止公开', 2, 1, 1)]);
    expect(merged[12]).toEqual([
      stub('（四）无法提供', 1, 1, 3),
      stub('1.本机关不掌握相关政府信息', 2, 1, 1),
    ]);
    expect(merged[15]).toEqual([stub('（五）不予处理', 1, 1, 5), stub('1.信访举报投诉类申请', 2, 1, 1)]);
    expect(merged[20]).toEqual([
      stub('（六）其他处理', 1, 1, 3),
      stub('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2, 1, 1),
    ]);
    expect(merged[22]).toEqual([stub('3.其他', 2, 1, 1)]);
    expect(merged[23]).toEqual([stub('（七）总计', 1, 2, 1)]);
    expect(merged[24]).toEqual([stub('四、结转下年度继续办理', 0, 3, 1)]);
  });

  it('puts the 7 values of each row in columns 3 to 9 and tags rows with their key', () => {
    const row = block.body[23]!;
    expect(row.rowKey).toBe('total');
    expect(row.cells.filter((c) => c.role === 'value').map((c) => [c.cell, c.col, c.colSpan])).toEqual([
      ['t3.total.natural', 3, 1],
      ['t3.total.business', 4, 1],
      ['t3.total.research', 5, 1],
      ['t3.total.nonprofit', 6, 1],
      ['t3.total.legal', 7, 1],
      ['t3.total.otherOrg', 8, 1],
      ['t3.total.total', 9, 1],
    ]);
  });
});

describe('table 4 layout', () => {
  const layout = tableLayout(TABLE4);
  const block = layout.blocks[0]!;

  it('has 行政复议 over 5 columns, 行政诉讼 over 10 split 5 + 5, 行政复议’s results 2 rows high', () => {
    expect(layout.width).toBe(15);
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(block.header.map(spans)).toEqual([
      [header('行政复议', 0, 5, 1), header('行政诉讼', 5, 10, 1)],
      [
        ...results.map((r, i) => header(r, i, 1, 2)),
        header('未经复议直接起诉', 5, 5, 1),
        header('复议后起诉', 10, 5, 1),
      ],
      [...results.map((r, i) => header(r, 5 + i, 1, 1)), ...results.map((r, i) => header(r, 10 + i, 1, 1))],
    ]);
  });

  it('has one body row of 15 values and no stub', () => {
    expect(block.body).toHaveLength(1);
    const cells = block.body[0]!.cells;
    expect(cells.every((c) => c.role === 'value' && c.colSpan === 1 && c.rowSpan === 1)).toBe(true);
    expect(cells.map((c) => c.col)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });
});

describe('table 2 layout', () => {
  const layout = tableLayout(TABLE2);

  it('heads each band with a full-width title row', () => {
    expect(layout.width).toBe(4);
    expect(layout.blocks.map((b) => b.title && spans(b.title))).toEqual(
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'].map((text) => [
        { role: 'title', text, col: 0, colSpan: 4, rowSpan: 1 },
      ]),
    );
  });

  it('has one header row per band: 信息内容 and the value headers', () => {
    const corner = { role: 'corner', text: '信息内容', col: 0, colSpan: 1, rowSpan: 1 };
    expect(layout.blocks.map((b) => b.header.map(spans))).toEqual([
      [
        [
          corner,
          header('本年制发件数', 1, 1, 1),
          header('本年废止件数', 2, 1, 1),
          header('现行有效件数', 3, 1, 1),
        ],
      ],
      [[corner, header('本年处理决定数量', 1, 3, 1)]],
      [[corner, header('本年处理决定数量', 1, 3, 1)]],
      [[corner, header('本年收费金额（单位：万元）', 1, 3, 1)]],
    ]);
  });

  it('spans the single value of a band over the 3 value units', () => {
    const values = layout.blocks.map((b) =>
      b.body.map((row) => row.cells.filter((c) => c.role === 'value').map((c) => [c.cell, c.col, c.colSpan])),
    );
    expect(values).toEqual([
      [
        [
          ['t2.rules.issued', 1, 1],
          ['t2.rules.repealed', 2, 1],
          ['t2.rules.valid', 3, 1],
        ],
        [
          ['t2.normative.issued', 1, 1],
          ['t2.normative.repealed', 2, 1],
          ['t2.normative.valid', 3, 1],
        ],
      ],
      [[['t2.license.decisions', 1, 3]]],
      [[['t2.penalty.decisions', 1, 3]], [['t2.enforcement.decisions', 1, 3]]],
      [[['t2.fees.amount', 1, 3]]],
    ]);
    expect(layout.blocks.flatMap((b) => b.body.map(spans))).toEqual(
      ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'].map((text) => [
        stub(text, 0, 1, 1),
      ]),
    );
  });
});
