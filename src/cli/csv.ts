/**
 * `csv <files…> -o 各单位.csv`: the per-unit figures as a CSV table for Excel/WPS (UTF-8 with BOM, one
 * row per counted unit, one column per cell with its official label, and a last row 合计).
 * Units are read and selected exactly as `sum` does (src/cli/sum.ts), so the 合计 row is the sum.
 * Exit code: 0 written; 1 written, but units with 错误 were counted; 2 nothing written.
 */
import { sumUnits } from '../aggregate/sum.ts';
import { csvBytes, unitsToCsv } from '../aggregate/unit-csv.ts';
import { FILE_EXTENSION } from '../files/format.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { refuseOverwrite } from './io-steps.ts';
import { PROGRAM } from './program.ts';
import { countedText, readUnits, SELECTION_HELP, SELECTION_OPTIONS, selectUnits } from './sum.ts';

export const csvCommand: Command = {
  name: 'csv',
  summary: '把多个单位的表格数字导出为 CSV（每个单位一行，可用 Excel/WPS 打开）',
  help: [
    `用法：${PROGRAM} csv <文件…> -o 各单位.csv [选项]`,
    '',
    '把各单位年报文件（草稿文件 .nianbao.json 或年报数据 .json）的三张表导出为一个 CSV 表格：',
    '  每个单位一行：来源文件、机关名称、年度、审核错误数、审核提示数，然后是三张表的 200 个单元格，',
    '  每列以单元格的正式名称为题（如“三（七）总计·自然人”）；空白单元格为空；',
    '  最后一行“合计”是计入的各单位之和，与 sum 生成的汇总报告相同。',
    '文件为带 BOM 的 UTF-8 编码，Excel 和 WPS 可直接打开，中文不乱码。',
    '计入哪些单位与 sum 相同：有错误、重复、无法读取的文件都逐个列出。',
    '',
    '选项：',
    '  -o, --output 文件名  写入这个 CSV 文件（必填）',
    '  --no-total         不写最后的“合计”行',
    '  --force            输出文件已存在时覆盖它',
    ...SELECTION_HELP,
    '',
    '退出码：0 已生成；1 已生成，但计入了有错误的文件；2 未生成。',
    '',
    `例：${PROGRAM} csv 各单位/*${FILE_EXTENSION} -o 2021各单位数据.csv`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [
        { name: 'output', short: 'o', value: '输出文件名' },
        { name: 'no-total' },
        { name: 'force' },
        ...SELECTION_OPTIONS,
      ],
      'csv',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const { output, force } = parsed.options;
    if (parsed.positionals.length === 0 || typeof output !== 'string') {
      io.err(`请给出要导出的文件和输出文件，例如：${PROGRAM} csv 各单位/*${FILE_EXTENSION} -o 各单位.csv`);
      return EXIT.badInput;
    }
    if (await refuseOverwrite(io, output, force)) return EXIT.badInput;

    const units = await readUnits(parsed.positionals, io);
    const { counted, lines, refusal } = selectUnits(units, parsed.options);
    if (lines.length) io.err(lines.join('\n'));
    if (refusal) {
      io.err(refusal);
      return EXIT.badInput;
    }
    const total = parsed.options['no-total'] ? undefined : sumUnits(counted.map((u) => u.report));
    const csv = unitsToCsv(counted, total ? { total } : {});
    try {
      await io.writeFile(output, csvBytes(csv));
    } catch (error) {
      io.err(`${output}：${messageOf(error)}`);
      return EXIT.badInput;
    }
    io.err(`已导出：${countedText(units, counted)}，写入 ${output}。`);
    return counted.some((u) => u.errors > 0) ? EXIT.findings : EXIT.ok;
  },
};
