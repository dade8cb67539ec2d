/**
 * `sum <files…> -o 汇总.nianbao.json`: the combined report (汇总) of many units' files, cell by cell
 * (src/aggregate/sum.ts says what is summed and what is not). Which units count is decided as in the
 * app's 汇总 screen (src/aggregate/selection.ts), with options for the rest; everything left out is
 * said on stderr. Also the shared part of `csv`, which reads and selects units the same way.
 * Exit code: 0 written; 1 written, but units with 错误 were counted or the combined tables have 错误;
 * 2 nothing written.
 */
import { type DuplicateGroup, describeDuplicate, duplicateSubject } from '../aggregate/duplicates.ts';
import { mapInOrder } from '../aggregate/in-order.ts';
import { defaultSelection, readyUnits } from '../aggregate/selection.ts';
import { beyondLimits, sumUnits } from '../aggregate/sum.ts';
import { failedUnit, loadUnit, type ReadyUnit, type Unit } from '../aggregate/units.ts';
import { FILE_EXTENSION } from '../files/format.ts';
import { serializeDraft } from '../files/serialize.ts';
import type { Report } from '../report/document.ts';
import { countBySeverity, evaluate } from '../report/rules.ts';
import { reportTitle } from '../report/template.ts';
import { messageOf, type OptionSpec, parseCommandArgs } from './args.ts';
import { type CliIo, type Command, EXIT } from './command.ts';
import { refuseOverwrite } from './io-steps.ts';
import { PROGRAM } from './program.ts';
import { checkedReport } from './read-report.ts';

/** Beyond these, the duplicate notice counts instead of listing (1 000 paths on one line help nobody). */
export const DUPLICATES_SHOWN = 3;
export const DUPLICATE_GROUPS_SHOWN = 10;

/** Options that decide which units count, shared by sum and csv. */
export const SELECTION_OPTIONS: readonly OptionSpec[] = [
  { name: 'skip-errors' },
  { name: 'skip-unreadable' },
  { name: 'keep-duplicates' },
  { name: 'list-duplicates' },
];

export const SELECTION_HELP = [
  '  --skip-errors      不计入审核有错误的文件（默认计入，并逐个列出）',
  '  --skip-unreadable  跳过无法读取的文件继续汇总（默认：有文件无法读取时不生成，以免漏掉单位）',
  '  --keep-duplicates  同一机关、同一年度的多个文件全部计入（默认只计入保存时间最新的一份）',
  `  --list-duplicates  逐个列出全部重复的文件（默认每组只举前 ${DUPLICATES_SHOWN} 个，最多列 ${DUPLICATE_GROUPS_SHOWN} 组）`,
];

/**
 * The duplicate notice, one line a group: every file when there are few (or --list-duplicates), else
 * the count, the first few and the file counted, and where the full list is.
 */
export function duplicateLines(
  groups: readonly { group: DuplicateGroup; names: string[]; kept: string }[],
  options: Record<string, string | true>,
): string[] {
  const all = Boolean(options['list-duplicates']);
  const rule = options['keep-duplicates']
    ? '按 --keep-duplicates 全部计入。'
    : (kept: string) => `只计入保存时间最新的 ${kept}（要全部计入请加 --keep-duplicates）。`;
  const counted = (kept: string) => (typeof rule === 'string' ? rule : rule(kept));
  const shown = all ? groups : groups.slice(0, DUPLICATE_GROUPS_SHOWN);
  const lines = shown.map(({ group, names, kept }) =>
    all || names.length <= DUPLICATES_SHOWN
      ? `重复：${describeDuplicate(group, names)}；${counted(kept)}`
      : `重复：${duplicateSubject(group)}共 ${names.length} 个文件（${names.slice(0, DUPLICATES_SHOWN).join('、')} 等）；${counted(kept)}`,
  );
  const cut = groups.length - shown.length;
  const truncated = cut > 0 || (!all && groups.some((g) => g.names.length > DUPLICATES_SHOWN));
  if (cut > 0) lines.push(`另有 ${cut} 组重复未列出（共 ${groups.length} 组）。`);
  if (truncated) lines.push('要逐个列出全部重复的文件，请加 --list-duplicates 再运行一次。');
  return lines;
}

/** Every file read and checked, in the order given; a file that cannot be read is a failed unit. */
export function readUnits(paths: readonly string[], io: CliIo): Promise<Unit[]> {
  return mapInOrder(paths, async (path, i) => {
    const key = String(i);
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (error) {
      return failedUnit({ key, origin: 'file', name: path }, messageOf(error));
    }
    return loadUnit({ name: path, bytes }, key);
  });
}

export interface CliSelection {
  counted: ReadyUnit[];
  /** What was read, left out or doubtful, one line each, for stderr. */
  lines: string[];
  /** Why nothing should be written, or null. */
  refusal: string | null;
}

const titleOf = (u: ReadyUnit) => `《${reportTitle(u.report.agency, u.report.year)}》`;

export function selectUnits(units: readonly Unit[], options: Record<string, string | true>): CliSelection {
  const lines: string[] = [];
  const failed = units.filter((u) => !u.ok);
  for (const u of failed) lines.push(`${u.name}：无法读取——${u.reason}`, ...u.details.map((d) => `  - ${d}`));

  const ready = readyUnits(units);
  const { included, duplicates, supersededBy } = defaultSelection(units);
  const nameOf = new Map(units.map((u) => [u.key, u.name]));
  const groups = duplicates.map((group) => ({
    group,
    names: group.keys.map((k) => nameOf.get(k)!),
    kept: nameOf.get(group.keys.find((k) => !supersededBy.has(k))!)!,
  }));
  lines.push(...duplicateLines(groups, options));
  const skipErrors = Boolean(options['skip-errors']);
  for (const u of ready.filter((r) => r.errors > 0)) {
    const first = u.findings[0]!.message;
    lines.push(`${u.name} ${titleOf(u)}：${u.errors} 个错误${skipErrors ? '，未计入' : ''}（如：${first}）`);
  }
  for (const u of ready) for (const w of u.warnings) lines.push(`${u.name}：注意——${w}`);

  const counted = ready.filter(
    (u) =>
      (included.has(u.key) || (options['keep-duplicates'] && supersededBy.has(u.key))) &&
      !(skipErrors && u.errors > 0),
  );
  const years = [...new Set(counted.flatMap((u) => (u.report.year === null ? [] : [u.report.year])))];
  let refusal: string | null = null;
  if (failed.length > 0 && !options['skip-unreadable']) {
    refusal = `有 ${failed.length} 个文件无法读取（见上），为免漏掉单位，未生成。请修复或移走这些文件，或加 --skip-unreadable 跳过它们。`;
  } else if (years.length > 1) {
    const byYear = years
      .sort((a, b) => b - a)
      .map((y) => `${y} 年度 ${counted.filter((u) => u.report.year === y).length} 个`);
    refusal = `所计入的报告年度不一致（${byYear.join('，')}），未生成。请只汇总同一年度的报告。`;
  } else if (counted.length === 0) {
    refusal = '没有可以计入的单位，未生成。';
  }
  return { counted, lines, refusal };
}

/** 「计入 98 个单位（共 100 个文件：1 个重复未计入，1 个无法读取）」 */
export function countedText(units: readonly Unit[], counted: readonly ReadyUnit[]): string {
  const left = units.length - counted.length;
  return `计入 ${counted.length} 个单位${left ? `（共 ${units.length} 个文件，${left} 个未计入）` : ''}`;
}

/** The combined report as the file to write: a draft file for *.nianbao.json, else report JSON. */
async function fileText(report: Report, output: string | undefined): Promise<string> {
  if (output?.endsWith(FILE_EXTENSION)) return (await serializeDraft(report)).text;
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const sumCommand: Command = {
  name: 'sum',
  summary: '汇总多个单位的年报文件，逐格相加，生成汇总报告',
  help: [
    `用法：${PROGRAM} sum <文件…> -o 汇总.nianbao.json [--agency 机关名称] [选项]`,
    '',
    '把各单位的年报文件（草稿文件 .nianbao.json 或年报数据 .json）的三张表逐格相加，生成一份汇总报告：',
    '  各分项逐格相加（空白按 0 计；所有单位都空白的格仍为空白），总计按相加后的分项自动计算；',
    '  正文、联系方式、单元格备注不相加，汇总报告的正文需另行撰写；',
    '  年度取各单位的年度（年度不一致时不生成），统计期限为该年全年；',
    '  上年数据只在所有单位都有同一年度的上年数据时相加。',
    '先逐个审核各文件：有错误的文件、重复的文件（同一机关、同一年度）、无法读取的文件都逐个列出。',
    '',
    '选项：',
    `  -o, --output 文件名  写入这个文件：以 ${FILE_EXTENSION} 结尾时写成草稿文件（可在工具中打开），`,
    '                     否则写成年报数据 JSON；不给时把 JSON 显示在屏幕上',
    '  --agency 机关名称    汇总报告的机关名称（如“某市人民政府”），也可以之后在工具中填写',
    '  --force            输出文件已存在时覆盖它',
    ...SELECTION_HELP,
    '',
    '退出码：0 已生成；1 已生成，但计入了有错误的文件，或汇总后的表格有错误；2 未生成。',
    '',
    `例：${PROGRAM} sum 各单位/*${FILE_EXTENSION} -o 2021全市汇总${FILE_EXTENSION} --agency 某市人民政府`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [
        { name: 'output', short: 'o', value: '输出文件名' },
        { name: 'agency', value: '机关名称' },
        { name: 'force' },
        ...SELECTION_OPTIONS,
      ],
      'sum',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    if (parsed.positionals.length === 0) {
      io.err(`请给出要汇总的文件，例如：${PROGRAM} sum 各单位/*${FILE_EXTENSION} -o 汇总${FILE_EXTENSION}`);
      return EXIT.badInput;
    }
    const { output, agency, force } = parsed.options;
    const target = typeof output === 'string' ? output : undefined;
    if (await refuseOverwrite(io, target, force)) return EXIT.badInput;

    const units = await readUnits(parsed.positionals, io);
    const { counted, lines, refusal } = selectUnits(units, parsed.options);
    if (lines.length) io.err(lines.join('\n'));
    if (refusal) {
      io.err(refusal);
      return EXIT.badInput;
    }
    const report = sumUnits(
      counted.map((u) => u.report),
      typeof agency === 'string' ? { agency } : {},
    );
    const beyond = beyondLimits(report);
    if (beyond) {
      io.err(`${beyond}未生成。`);
      return EXIT.badInput;
    }
    const checked = checkedReport(report);
    if (!checked.ok) {
      io.err(checked.message);
      return EXIT.badInput;
    }
    const text = await fileText(checked.report, target);
    if (target) {
      try {
        await io.writeFile(target, text);
      } catch (error) {
        io.err(`${target}：${messageOf(error)}`);
        return EXIT.badInput;
      }
    } else io.out(text.replace(/\n$/, ''));

    const tableErrors = countBySeverity(evaluate(report).filter((f) => f.table !== null)).errors;
    const unitsWithErrors = counted.filter((u) => u.errors > 0).length;
    io.err(
      [
        `已汇总：${countedText(units, counted)}，${report.year} 年度${target ? `，写入 ${target}` : ''}。`,
        tableErrors ? `汇总后的表格有 ${tableErrors} 个错误，请用 check 查看。` : '汇总后的表格审核无错误。',
        `汇总报告的${report.agency ? '' : '机关名称、'}正文尚待填写，请在工具中打开后补充。`,
      ].join('\n'),
    );
    return tableErrors + unitsWithErrors > 0 ? EXIT.findings : EXIT.ok;
  },
};
