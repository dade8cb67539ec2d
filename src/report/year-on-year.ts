/**
 * 同比: this year's report beside last year's figures and texts (report.lastYear), cell by cell in
 * table order, and section by section with the passages that repeat last year's. Pure and DOM-free;
 * the view (src/ui/compare) only lays this out.
 *
 * An empty cell this year counts as 0, as everywhere in the 审核; an unknown figure last year
 * (no lastYear, or the cell absent or empty in it) gives no change at all rather than a guess.
 */
import { CELLS, type CellDef, type CellId, cellDef } from './cells.ts';
import type { Report, TextSectionKey } from './document.ts';
import { compareTexts, isSimilarSection, type SectionSimilarity } from './similarity.ts';
import { SECTIONS, TABLES, type TableDef } from './template.ts';

export interface CellChange {
  cell: CellId;
  /** 「三（七）总计·自然人」 */
  label: string;
  thisYear: number | null;
  lastYear: number | null;
  /** thisYear − lastYear (empty this year as 0); null when last year's figure is unknown. */
  change: number | null;
  /** change ÷ lastYear; null when last year's figure is unknown or 0. */
  changeRatio: number | null;
}

export interface SectionComparison {
  key: TextSectionKey;
  heading: string;
  thisYear: string;
  /** Last year's text of this section; null when unknown. */
  lastYear: string | null;
  /** null when either text is missing or blank. */
  similarity: SectionSimilarity | null;
  /** 内容雷同, by the same test as the TEXT-SIMILAR 提示. */
  similar: boolean;
}

export interface TableChanges {
  table: TableDef;
  changes: CellChange[];
}

export interface YearOnYear {
  year: number | null;
  /** null when the report carries no last-year figures. */
  lastYear: number | null;
  tables: TableChanges[];
  sections: SectionComparison[];
}

/** Rounded like formatNumber, so 0.3 − 0.1 is 0.2 and not 0.19999999999999998. */
const tidy = (n: number) => Math.round(n * 1e4) / 1e4;

export function cellChange(report: Report, c: CellDef): CellChange {
  const thisYear = report.cells[c.id] ?? null;
  const lastYear = report.lastYear?.cells[c.id] ?? null;
  const change = lastYear === null ? null : tidy((thisYear ?? 0) - lastYear);
  const changeRatio = change === null || lastYear === 0 ? null : change / lastYear!;
  return { cell: c.id, label: c.label, thisYear, lastYear, change, changeRatio };
}

/** Every value cell of the template, in table order (CELLS). */
export function cellChanges(report: Report): CellChange[] {
  return CELLS.map((c) => cellChange(report, c));
}

/** Each text section of the template against last year's, with its similar passages. */
export function sectionComparisons(report: Report): SectionComparison[] {
  return SECTIONS.flatMap((section) => {
    if (section.kind !== 'text') return [];
    const key = section.key as TextSectionKey;
    const thisYear = report.sections[key];
    const lastYear = report.lastYear?.sections[key] ?? null;
    const similarity = lastYear?.trim() && thisYear.trim() ? compareTexts(thisYear, lastYear) : null;
    return [
      {
        key,
        heading: section.heading,
        thisYear,
        lastYear,
        similarity,
        similar: similarity !== null && isSimilarSection(similarity),
      },
    ];
  });
}

export function yearOnYear(report: Report): YearOnYear {
  const changes = cellChanges(report);
  return {
    year: report.year,
    lastYear: report.lastYear?.year ?? null,
    tables: TABLES.map((table) => ({
      table,
      changes: changes.filter((c) => c.cell.startsWith(`${table.id}.`)),
    })),
    sections: sectionComparisons(report),
  };
}

/** A change worth a second look: half again or half less, or from nothing to something. */
export const BIG_CHANGE_RATIO = 0.5;
/** Counts that move by fewer than this many are never big (2 → 3 is +50% but ordinary). */
export const BIG_CHANGE_MIN_COUNT = 5;

export function isBigChange(c: CellChange): boolean {
  if (c.change === null || c.change === 0) return false;
  if (cellDef(c.cell).kind === 'count' && Math.abs(c.change) < BIG_CHANGE_MIN_COUNT) return false;
  return c.changeRatio === null || Math.abs(c.changeRatio) >= BIG_CHANGE_RATIO;
}
