/**
 * Column widths of the three tables within the text width (portrait, as agencies print them).
 * Value columns are equal; they are as wide as the widest number needs, between a floor that lets
 * header labels wrap into 2–3 lines and a ceiling that leaves the stub (row labels) readable.
 * Table 3 (3 stub columns + 7 values) fits at 10.5 pt this way; wider numbers shrink in their cell.
 */
import type { TableDef } from '../../report/template.ts';
import { STYLE, TEXT_WIDTH } from './page.ts';

export const CELL_PADDING_X = 3;
/** Numbers are centred: a narrow side padding leaves them the most room. */
export const VALUE_PADDING_X = 1.5;
export const CELL_PADDING_Y = 3.5;

const EM = STYLE.table.size;

interface ColumnPlan {
  /** Share of the stub width for each stub column. */
  stubShares: readonly number[];
  minValue: number;
  /** Width the stub keeps at least. */
  minStub: number;
}

const PLANS: Record<TableDef['id'], ColumnPlan> = {
  t2: { stubShares: [1], minValue: 6 * EM, minStub: 8 * EM },
  t3: { stubShares: [0.14, 0.27, 0.59], minValue: 3 * EM + 2 * CELL_PADDING_X, minStub: 15 * EM },
  t4: { stubShares: [], minValue: 2 * EM + 2 * CELL_PADDING_X, minStub: 0 },
};

/** Widths of the grid columns (stub columns first), adding up to the text width. */
export function columnWidths(table: TableDef, widestNumber: number): number[] {
  const plan = PLANS[table.id];
  const values = table.valueUnits;
  if (table.stubDepth === 0) return Array.from({ length: values }, () => TEXT_WIDTH / values);
  const ceiling = (TEXT_WIDTH - plan.minStub) / values;
  const preferred = table.id === 't2' ? (TEXT_WIDTH * 0.68) / values : widestNumber + 2 * CELL_PADDING_X;
  const value = Math.min(ceiling, Math.max(plan.minValue, preferred));
  const stub = TEXT_WIDTH - value * values;
  return [...plan.stubShares.map((share) => stub * share), ...Array.from({ length: values }, () => value)];
}
