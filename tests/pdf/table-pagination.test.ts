// @vitest-environment node
/**
 * Tables over pages: rows are never split, every continued page repeats the block's head rows, every
 * body row is drawn exactly once, and a merged stub cell across a break keeps room for its label.
 */
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/pdf/export.ts';
import { loadFaces } from '../../src/pdf/fonts.ts';
import { TEXT_HEIGHT } from '../../src/pdf/layout/page.ts';
import { buildTableGrid, textHeight } from '../../src/pdf/layout/table-grid.ts';
import { bodyHeights, headHeight, paginateTable } from '../../src/pdf/layout/table-paginate.ts';
import { tableLayout } from '../../src/report/layout.ts';
import { TABLE2, TABLE3, TABLE4, TABLES } from '../../src/report/template.ts';
import { bundledFonts, longReport, SETTINGS, sampleReport } from './fixtures.ts';

const faces = loadFaces(bundledFonts());
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('table grid', () => {
  it('draws the merged cells of tableLayout() for every table, with every value cell once', () => {
    for (const table of TABLES) {
      const grid = buildTableGrid(table, sampleReport(), faces);
      const layout = tableLayout(table);
      grid.blocks.forEach((block, b) => {
        const source = layout.blocks[b]!;
        const expected = [...(source.title ? [source.title] : []), ...source.header, ...source.body].flatMap(
          (r) => r.cells,
        );
        expect(block.cells.map((c) => [c.col, c.colSpan, c.rowSpan])).toEqual(
          expected.map((c) => [c.col, c.colSpan, c.rowSpan]),
        );
        expect(block.cells.filter((c) => c.role !== 'value').map((c) => c.text)).toEqual(
          expected.filter((c) => c.role !== 'value').map((c) => c.text),
        );
      });
      expect(sum(grid.columns)).toBeCloseTo(442.2, 0);
    }
  });

  it('fits table 3 (3 stub columns + 7 values) in the text width at 10.5 pt', () => {
    const grid = buildTableGrid(TABLE3, sampleReport(), faces);
    expect(grid.columns).toHaveLength(10);
    const sizes = new Set(grid.blocks.flatMap((b) => b.cells.map((c) => c.size)));
    expect([...sizes]).toEqual([10.5]);
  });

  it('prints every number of a table in one size, smaller only when the widest needs it', () => {
    const grid = buildTableGrid(TABLE4, longReport(), faces);
    const sizes = new Set(
      grid.blocks.flatMap((b) => b.cells.filter((c) => c.role === 'value').map((c) => c.size)),
    );
    expect(sizes.size).toBe(1);
    expect([...sizes][0]).toBeLessThan(10.5);
    for (const cell of grid.blocks[0]!.cells.filter((c) => c.role === 'value'))
      expect(cell.lines).toHaveLength(1);
  });

  it('numbers cell notes ① ② … in reading order and keeps the official label', () => {
    const report = longReport();
    const grid = buildTableGrid(TABLE3, report, faces);
    expect(grid.footnotes.length).toBeGreaterThan(10);
    expect(grid.footnotes[0]!.marker).toBe('①');
    expect(grid.footnotes[0]!.label).toMatch(/^一、本年新收政府信息公开申请数量·/);
    const markers = grid.blocks.flatMap((b) => b.cells.flatMap((c) => (c.marker ? [c.marker] : [])));
    expect(markers).toEqual(grid.footnotes.map((f) => f.marker));
  });

  it('makes every row tall enough for its cells, merged ones included', () => {
    const grid = buildTableGrid(TABLE3, longReport(), faces);
    for (const block of grid.blocks) {
      for (const cell of block.cells) {
        const height = sum(block.heights.slice(cell.row, cell.row + cell.rowSpan));
        expect(height).toBeGreaterThanOrEqual(textHeight(cell) - 0.01);
      }
    }
  });
});

describe('table pagination', () => {
  const grid = buildTableGrid(TABLE3, longReport(), faces);
  const block = grid.blocks[0]!;

  for (const room of [220, 300, 420, TEXT_HEIGHT]) {
    it(`splits table 3 between rows on pages of ${Math.round(room)} pt, head repeated, each row once`, () => {
      const pages = paginateTable(grid, room, room, 20);
      const rows = pages.flatMap((p) =>
        p.slices.flatMap((s) => Array.from({ length: s.rows[1] - s.rows[0] }, (_, i) => s.rows[0] + i)),
      );
      expect(rows).toEqual(Array.from({ length: bodyHeights(block).length }, (_, i) => i));
      pages.forEach((page, i) => {
        expect(page.continued).toBe(i > 0);
        for (const slice of page.slices) {
          const height = headHeight(block) + sum(bodyHeights(block).slice(slice.rows[0], slice.rows[1]));
          if (slice.rows[1] - slice.rows[0] > 1) expect(height + 20).toBeLessThanOrEqual(room + 0.01);
        }
      });
      if (room < 600) expect(pages.length).toBeGreaterThan(1);
    });
  }

  it('starts on a new page when not even the head and one row fit', () => {
    const pages = paginateTable(grid, 60, TEXT_HEIGHT, 20);
    expect(pages[0]!.slices).toEqual([]);
    expect(pages[1]!.continued).toBe(false);
  });

  it('does not break where a merged stub cell could not show its label on both sides', () => {
    const spanning = block.cells.filter((c) => c.rowSpan > 1 && c.row >= block.headRows);
    for (const room of [220, 300, 420]) {
      const pages = paginateTable(grid, room, room, 20);
      const breaks = pages.flatMap((p) => p.slices.map((s) => s.rows[1])).slice(0, -1);
      for (const at of breaks) {
        for (const cell of spanning) {
          const first = cell.row - block.headRows;
          const last = first + cell.rowSpan;
          if (!(first < at && at < last)) continue;
          const below = sum(bodyHeights(block).slice(at, last));
          // The part after the break starts a page: it gets the label's height unless the span is too short.
          expect(
            below >= textHeight(cell) - 0.01 ||
              sum(bodyHeights(block).slice(first, last)) < 2 * textHeight(cell),
          ).toBe(true);
        }
      }
    }
  });

  it('keeps small tables (table 2, table 4) whole on a full page', () => {
    for (const table of [TABLE2, TABLE4]) {
      const pages = paginateTable(buildTableGrid(table, sampleReport(), faces), TEXT_HEIGHT, TEXT_HEIGHT, 20);
      expect(pages).toHaveLength(1);
    }
  });
});

describe('tables in the laid-out report', () => {
  it('repeats the header rows at the top of every page a table continues on, never splitting a row', () => {
    const { pages } = prepareDocument(longReport(), { fonts: bundledFonts(), ...SETTINGS });
    const parts = pages.flatMap((p) => p.tables);
    expect(parts.filter((p) => p.table === 't3').length).toBeGreaterThan(1);
    for (const part of parts) {
      const headRows = part.cells.filter((c) => c.row < part.headRows);
      expect(new Set(headRows.map((c) => c.row)).size).toBe(part.headRows);
      const top = Math.min(...part.cells.map((c) => c.rect.y));
      expect(Math.min(...headRows.map((c) => c.rect.y))).toBeCloseTo(top, 3);
      for (const cell of part.cells) expect(cell.rect.y + cell.rect.height).toBeLessThanOrEqual(842 - 99);
    }
    const t3 = parts.filter((p) => p.table === 't3');
    expect(t3.map((p) => p.bodyRows)).toEqual(
      t3.map((_, i) => [i === 0 ? 0 : t3[i - 1]!.bodyRows[1], t3[i]!.bodyRows[1]]),
    );
    expect(t3[t3.length - 1]!.bodyRows[1]).toBe(25);
  });
});
