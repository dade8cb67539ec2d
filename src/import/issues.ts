/** What the importer could not read for certain, in the clerk's words. */
import type { CellId } from '../report/cells.ts';
import type { Report } from '../report/document.ts';
import type { FieldKey } from '../report/rules.ts';
import type { TableDef } from '../report/template.ts';

/**
 * 不确定: read, but the reading is a guess to confirm (a label not quite official, a header column not
 * found, extra numbers in a row). 未找到: nothing to read (cell stays empty). 提示: read by a rule of
 * the format that the clerk should know about (「/」 read as 0, a note split off a number).
 */
export type ImportSeverity = '不确定' | '未找到' | '提示';

export interface ImportIssue {
  cell?: CellId;
  field?: FieldKey;
  /** For issues about a table or its section (heading not found, rows under no known label). */
  table?: TableDef['id'];
  /** The issue concerns every cell of `table` (the table is not in the source at all). */
  wholeTable?: boolean;
  severity: ImportSeverity;
  /** Chinese, naming the place and what was done. */
  message: string;
  /** The source text the issue is about, as written. */
  source?: string;
  /** 1-based line of the source text (as shown on the review screen) where that text starts. */
  line?: number;
}

export type ReportFormat = '2021' | '2019';

export type ImportResult =
  | {
      ok: true;
      report: Report;
      issues: ImportIssue[];
      format: ReportFormat;
      notImported: string[];
      /** Cells left empty because that part of the source is not imported (2019 format): never guessed. */
      notImportedCells: CellId[];
      sourceText: string;
      /**
       * Checks of the format (总计 rows and columns, T3-A) that the imported numbers fail, in
       * Chinese; every cell they involve is 不确定.
       */
      failedChecks: string[];
    }
  | { ok: false; message: string };
