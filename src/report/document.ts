/**
 * The report document: its zod schema (the one definition; the TypeScript type is inferred from it)
 * and a blank report made from the template.
 */
import { z } from 'zod';
import { cellValueProblem } from './cell-input.ts';
import { CELL_IDS, CELLS, type CellDef, type CellId } from './cells.ts';
import { SECTIONS, type TextSectionKey } from './template.ts';

/** Version of the document schema. Bump it with a migration in src/files when the shape changes. */
export const REPORT_FORMAT_VERSION = 2;

/** Longest text kept as an invalid cell entry (more is cut: no real number is that long). */
export const MAX_INVALID_ENTRY = 40;
/** Years a report (and last year's figures) may be of. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2200;
export const MAX_CONFIRMATION_NOTE = 500;
export const MAX_CONFIRMATIONS = 1000;

/**
 * Built on first use, not at start-up: zod sets up every part of it (the 200 cell schemas among
 * them), which took ~35 ms of the single file's start-up, before the draft list needed none of it.
 */
function buildReportSchema() {
  const MAX_TEXT = 200_000;
  const text = z.string().max(MAX_TEXT);

  /**
   * A cell holds null (empty) or a value its kind allows (cell-input.ts: the one definition shared
   * with typing, paste, import and the CLI); the message names what is wrong with the number.
   */
  const cellValue = (def: CellDef) =>
    z
      .number()
      .nullable()
      .refine((v) => v === null || cellValueProblem(v, def.kind, def.isTotal) === null, {
        error: (issue) =>
          typeof issue.input === 'number'
            ? (cellValueProblem(issue.input, def.kind, def.isTotal) ?? '')
            : '不是数字',
      });
  type CellSchema = ReturnType<typeof cellValue>;

  const cellsSchema = z.strictObject(
    Object.fromEntries(CELLS.map((def) => [def.id, cellValue(def)])) as Record<CellId, CellSchema>,
  );
  /** Last year's figures: any of the cells, each held to the same definition as this year's. */
  const lastYearCellsSchema = z.strictObject(
    Object.fromEntries(CELLS.map((def) => [def.id, cellValue(def).optional()])) as Record<
      CellId,
      z.ZodOptional<CellSchema>
    >,
  );
  const yearSchema = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

  const cellIdSchema = z.enum(CELL_IDS as [CellId, ...CellId[]]);
  const textSectionKeys = SECTIONS.flatMap((s) => (s.kind === 'text' ? [s.key] : [])) as [
    TextSectionKey,
    ...TextSectionKey[],
  ];
  const sectionKeySchema = z.enum(textSectionKeys);

  const isoDate = z.union([z.literal(''), z.iso.date()]);

  const report = z.strictObject({
    formatVersion: z.literal(REPORT_FORMAT_VERSION),
    id: z.string().min(1).max(100),
    agency: z.string().max(200),
    year: yearSchema.nullable(),
    period: z.strictObject({ start: isoDate, end: isoDate }),
    contact: z.strictObject({
      address: text,
      postcode: text,
      phone: text,
      email: text,
      website: text,
    }),
    preamble: text,
    sections: z.strictObject(
      Object.fromEntries(textSectionKeys.map((k) => [k, text])) as Record<TextSectionKey, typeof text>,
    ),
    cells: cellsSchema,
    notes: z.partialRecord(cellIdSchema, z.string().max(2000)),
    /** false: 总计 cells are computed (自动合计); true: the clerk types them (手工填写) and rules check them. */
    manualTotals: z.boolean(),
    /** Last year's figures, when known: baseline of the 提示 rules T3-E and 现行有效件数. */
    lastYear: z
      .strictObject({
        year: yearSchema,
        cells: lastYearCellsSchema,
        /** Last year's section texts, to flag text copied unchanged (内容雷同). */
        sections: z.partialRecord(sectionKeySchema, text),
      })
      .nullable(),
    /** Text sections copied from last year and not yet revised (需更新). */
    staleSections: z.array(sectionKeySchema).max(textSectionKeys.length),
    /**
     * What the clerk typed into a cell that is not a value the cell may hold (「1.5」 in a count cell).
     * The typed text is kept and shown, the cell's value is null meanwhile, and it is an 错误 until
     * corrected: a wrong entry is never silently turned into another number.
     */
    invalidEntries: z.partialRecord(cellIdSchema, z.string().min(1).max(MAX_INVALID_ENTRY)),
    /**
     * 提示 the clerk confirmed with a written 说明 (核实性审核). `key` names the finding (rule and the
     * cells or fields it involves); `basis` fingerprints what was confirmed (the values and texts it
     * involved): when they change the confirmation lapses and the 提示 comes back.
     */
    confirmations: z
      .array(
        z.strictObject({
          key: z.string().min(1).max(300),
          basis: z.string().max(300),
          note: z.string().trim().min(1).max(MAX_CONFIRMATION_NOTE),
          at: z.string().max(40),
        }),
      )
      .max(MAX_CONFIRMATIONS),
  });
  // A cell shows either its number or what was typed instead, never both (the grid would show the
  // text while sums and the PDF used the number).
  return report.superRefine((r, context) => {
    for (const [id, text] of Object.entries(r.invalidEntries)) {
      const value = r.cells[id];
      if (value === null || value === undefined) continue;
      context.addIssue({
        code: 'custom',
        path: ['invalidEntries', id],
        input: text,
        message: `与该格的数字 ${value} 同时存在（一格只能有数字，或未能识别的输入）`,
      });
    }
  });
}

let built: ReturnType<typeof buildReportSchema> | null = null;

/** The schema of a report (built once, on the first call). */
export function reportSchema() {
  built ??= buildReportSchema();
  return built;
}

export type Report = z.infer<ReturnType<typeof buildReportSchema>>;
export type Cells = Report['cells'];
export type { TextSectionKey };

export function blankCells(): Cells {
  return Object.fromEntries(CELLS.map((c) => [c.id, null])) as Cells;
}

export function newReportId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function periodOfYear(year: number): Report['period'] {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Reports are due by 31 January for the year before, so the year being reported is last year. */
export function defaultReportYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

export function blankReport(options: { agency?: string; year?: number; id?: string } = {}): Report {
  const year = options.year ?? defaultReportYear();
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    id: options.id ?? newReportId(),
    agency: options.agency ?? '',
    year,
    period: periodOfYear(year),
    contact: { address: '', postcode: '', phone: '', email: '', website: '' },
    preamble: '',
    sections: { overview: '', problems: '', other: '' },
    cells: blankCells(),
    notes: {},
    manualTotals: false,
    lastYear: null,
    staleSections: [],
    invalidEntries: {},
    confirmations: [],
  };
}
