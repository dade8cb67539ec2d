/**
 * `from-tables <tables.tsv>`: the inverse of `tables`. Reads the three tables from TSV (with or
 * without header lines) into a new blank report and writes it as JSON.
 *
 * Totals: if every 总计 given in the TSV equals the sum of its parts (or is left empty), totals are
 * automatic (manualTotals: false) and computed. If any given 总计 disagrees, the TSV's numbers are
 * kept exactly and manualTotals is true, so `check` shows the mismatch instead of it being silently
 * overwritten: a number the clerk typed is never changed behind their back.
 */
import { type CellId, cellDef } from '../report/cells.ts';
import { blankReport, type Report } from '../report/document.ts';
import { formatNumber } from '../report/rules.ts';
import { TABLES } from '../report/template.ts';
import { computeTotals } from '../report/totals.ts';
import { TSV_ROWS, type TsvRow, tsvToCells } from '../report/tsv.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { readInput, refuseOverwrite } from './io-steps.ts';
import { PROGRAM } from './program.ts';
import { checkedReport } from './read-report.ts';

/** Mismatches listed before 「……」. */
const MAX_LISTED = 6;
/** Unreadable lines listed before 「……」: enough to see the pattern, never pages of them. */
const MAX_PROBLEMS = 20;

export interface TotalMismatch {
  cell: CellId;
  given: number;
  computed: number;
}

/** The cells read from TSV laid onto `base`, with the totals decision described above. */
export function reportWithTableCells(
  base: Report,
  cells: Readonly<Record<CellId, number | null>>,
): { report: Report; mismatches: TotalMismatch[] } {
  const given = { ...base.cells, ...cells };
  const computed = computeTotals(given);
  const mismatches: TotalMismatch[] = [];
  for (const [id, value] of Object.entries(given)) {
    if (value !== null && cellDef(id).isTotal && value !== computed[id]) {
      mismatches.push({ cell: id, given: value, computed: computed[id] ?? 0 });
    }
  }
  const manualTotals = mismatches.length > 0;
  return { report: { ...base, cells: manualTotals ? given : computed, manualTotals }, mismatches };
}

/**
 * Text as spreadsheets save it on Chinese Windows: UTF-8 (with or without BOM), “Unicode text”
 * (UTF-16 with BOM) or the ANSI code page (GBK, read as its superset GB18030).
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function parseYear(text: string | true | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  return typeof text === 'string' && /^\d{4}$/.test(text) && year >= 1990 && year <= 2200 ? year : null;
}

function describeMismatches(mismatches: readonly TotalMismatch[]): string {
  const listed = mismatches
    .slice(0, MAX_LISTED)
    .map(
      (m) =>
        `  ${cellDef(m.cell).label}：表中为 ${formatNumber(m.given)}，分项之和为 ${formatNumber(m.computed)}`,
    );
  if (mismatches.length > MAX_LISTED) listed.push(`  ……另有 ${mismatches.length - MAX_LISTED} 处`);
  return (
    `注意：${mismatches.length} 个总计与分项之和不一致，已按表中数字保留，并设为“手工填写合计”，` +
    `请用 check 审核后改正：\n${listed.join('\n')}`
  );
}

/** 「表三全部 25 行」, or the short labels of a few rows: 「表三的三（三）1.属于国家秘密、四、结转下年度继续办理」. */
function describeMissing(missing: readonly TsvRow[]): string {
  return TABLES.flatMap((table) => {
    const rows = missing.filter((r) => r.table === table);
    const all = TSV_ROWS.filter((r) => r.table === table).length;
    const short = table.name.split('（')[0]!;
    if (rows.length === 0) return [];
    if (rows.length === all && all > 1) return [`${short}全部 ${all} 行`];
    const names = rows.map((r) => cellDef(r.cells[0]!).rowLabel || r.label);
    return [
      `${short}的${names.slice(0, MAX_LISTED).join('，')}${names.length > MAX_LISTED ? ` 等 ${names.length} 行` : ''}`,
    ];
  }).join('；');
}

export const fromTablesCommand: Command = {
  name: 'from-tables',
  summary: '从 TSV 文本读入三张表，生成新的年报文件（tables 的逆操作）',
  help: [
    `用法：${PROGRAM} from-tables <表格.tsv> [-o 年报文件.json] [--force] [--agency 机关名称] [--year 年度]`,
    '',
    '读入 tables 命令输出的文本，或从 Excel/WPS 复制、另存的制表符分隔文本，生成一个新的年报文件。',
    '  表名行、表头行可有可无；每个数据行以行名开头（完整行名、简称如“三（三）1.属于国家秘密”，',
    '  或最内一级行名均可），没有行名的行按顺序接在上一行之后；空白单元格保持空白；',
    '  “/”“—”“-”“无”按 0 读入。文件可为 UTF-8、UTF-16 或 GBK 编码。',
    '  合计：表中的总计都等于分项之和（或留空）时，改为自动合计；',
    '  有总计与分项之和不一致时，保留表中数字并设为手工填写合计，check 会指出不一致之处。',
    '  有任何一行读不懂时，不生成文件，并逐行说明原因。',
    '',
    '选项：',
    '  -o, --output 文件名  写入这个文件（不给时显示在屏幕上）',
    '  --force            输出文件已存在时覆盖它',
    '  --agency 机关名称    填入机关名称',
    '  --year 年度          填入报告年度（不给时为上一年），统计期限随之设为全年',
    '',
    `例：${PROGRAM} from-tables 2021表格.tsv -o 2021年报.json --agency 自治区科技厅 --year 2021`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [
        { name: 'output', short: 'o', value: '输出文件名' },
        { name: 'force' },
        { name: 'agency', value: '机关名称' },
        { name: 'year', value: '年度' },
      ],
      'from-tables',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) {
      io.err(`请给出一个表格文件，例如：${PROGRAM} from-tables 2021表格.tsv -o 2021年报.json`);
      return EXIT.badInput;
    }
    const { output, force, agency } = parsed.options;
    const year = parseYear(parsed.options.year);
    if (year === null) {
      io.err(`--year 应为四位数的年度，如 2021，现为“${parsed.options.year}”。`);
      return EXIT.badInput;
    }
    if (await refuseOverwrite(io, output, force)) return EXIT.badInput;

    const bytes = await readInput(io, file);
    if (!bytes) return EXIT.badInput;
    const { cells, problems } = tsvToCells(decodeTextFile(bytes));
    if (problems.length > 0) {
      const listed = problems.slice(0, MAX_PROBLEMS).map((p) => `  ${p.message}`);
      if (problems.length > MAX_PROBLEMS) listed.push(`  ……另有 ${problems.length - MAX_PROBLEMS} 处`);
      io.err([`${file}：有 ${problems.length} 处读不懂，未生成年报文件。`, ...listed].join('\n'));
      return EXIT.badInput;
    }

    const base = blankReport({
      ...(year ? { year } : {}),
      ...(typeof agency === 'string' ? { agency } : {}),
    });
    const { report, mismatches } = reportWithTableCells(base, cells);
    const checked = checkedReport(report);
    if (!checked.ok) {
      io.err(`${file}：${checked.message}`);
      return EXIT.badInput;
    }
    const json = JSON.stringify(checked.report, null, 2);
    const missing = TSV_ROWS.filter((row) => !(row.cells[0]! in cells));
    if (missing.length > 0)
      io.err(`注意：${missing.length} 行没有读到，保持空白：${describeMissing(missing)}。`);
    if (mismatches.length > 0) io.err(describeMismatches(mismatches));

    if (typeof output !== 'string') {
      io.out(json);
      return EXIT.ok;
    }
    try {
      await io.writeFile(output, `${json}\n`);
    } catch (error) {
      io.err(`${output}：${messageOf(error)}`);
      return EXIT.badInput;
    }
    io.err(`已生成 ${output}（读入 ${TSV_ROWS.length - missing.length} 行）。`);
    return EXIT.ok;
  },
};
