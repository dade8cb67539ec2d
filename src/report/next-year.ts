/**
 * 新建下一年度: next year's report started from this year's. Pure: the same report always gives
 * the same result apart from the new id.
 *
 * - 报告年度 + 1 and its statistics period; the preamble's 「统计期限为…」 moves with it.
 * - 二、上年结转 of table 3 ← this year's 四、结转下年度继续办理, column by column.
 * - Every other cell starts empty: they are this year's figures, still to be counted.
 * - lastYear keeps all of this year's cells (the baseline of the 提示 rules: T3-E for 上年结转,
 *   T2-A for 现行有效件数, and any later year-on-year view) and its section texts.
 * - Section texts are copied as a starting point and listed in staleSections (需更新) until edited.
 * - Notes on cells are dropped: they explain this year's figures; so are confirmed 提示 (their 说明
 *   are about this year's report) and typed entries that were not values (the cells start empty).
 */
import { CELL_IDS, cellId } from './cells.ts';
import { blankCells, newReportId, periodOfYear, type Report, type TextSectionKey } from './document.ts';
import { TABLE3 } from './template.ts';
import { withTotals } from './totals.ts';

const T3_COLUMNS = TABLE3.blocks[0]!.columns.map((c) => c.key);

/** 「统计期限为2021年1月1日至2021年12月31日」: the two years in it. */
const PERIOD_IN_PREAMBLE =
  /(统计期限为?\s*)(\d{4})(\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*[至到—-]+\s*)(\d{4})(\s*年)/g;

function movePreamble(preamble: string, year: number | null): string {
  if (year === null) return preamble;
  return preamble.replace(PERIOD_IN_PREAMBLE, (_, a, _y1, b, _y2, c) => `${a}${year}${b}${year}${c}`);
}

export function nextYearReport(last: Report): Report {
  const year = last.year === null ? null : last.year + 1;
  const cells = blankCells();
  for (const column of T3_COLUMNS) {
    cells[cellId('t3', 'carriedIn', column)] = last.cells[cellId('t3', 'carriedOut', column)] ?? null;
  }
  const staleSections = (Object.keys(last.sections) as TextSectionKey[]).filter((key) =>
    last.sections[key].trim(),
  );
  const lastYearCells = Object.fromEntries(CELL_IDS.map((id) => [id, last.cells[id] ?? null]));
  return withTotals({
    ...last,
    id: newReportId(),
    year,
    period: year === null ? { start: '', end: '' } : periodOfYear(year),
    preamble: movePreamble(last.preamble, year),
    sections: { ...last.sections },
    cells,
    notes: {},
    confirmations: [],
    invalidEntries: {},
    lastYear:
      last.year === null ? null : { year: last.year, cells: lastYearCells, sections: { ...last.sections } },
    staleSections,
  });
}
