/**
 * `tables <report.json>`: the three tables as TSV (see src/report/tsv.ts for the layout), to paste
 * into Excel/WPS or to feed `from-tables`.
 */
import { reportToTsv } from '../report/tsv.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { readInput } from './io-steps.ts';
import { PROGRAM } from './program.ts';
import { readReportFile } from './read-report.ts';

export const tablesCommand: Command = {
  name: 'tables',
  summary: '把表二、表三、表四输出为制表符分隔的文本（TSV），可粘贴到 Excel/WPS',
  help: [
    `用法：${PROGRAM} tables <年报文件.json> [--no-headers] [-o 输出文件.tsv]`,
    '',
    '按国家格式的行列顺序输出三张表，每张表一段，段与段之间空一行：',
    '  先是表名行和表头行（与正式表格相同，合并的表头只写在第一格），',
    '  然后每行一个数据行：行名在前，随后是各列数字，用制表符（Tab）分隔；',
    '  空白单元格输出为空，金额保留小数。表四没有行名，数据行以“件数”开头。',
    '输出可以用 from-tables 读回，生成新的年报文件。',
    '',
    '选项：',
    '  --no-headers        只输出数据行（共 32 行），不输出表名和表头',
    '  -o, --output 文件名  写入文件（UTF-8 编码），不显示在屏幕上',
    '',
    `例：${PROGRAM} tables examples/gx-kjt-2021.json -o 2021表格.tsv`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [{ name: 'no-headers' }, { name: 'output', short: 'o', value: '输出文件名' }],
      'tables',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) {
      io.err(`请给出一个年报文件，例如：${PROGRAM} tables examples/gx-kjt-2021.json`);
      return EXIT.badInput;
    }
    const bytes = await readInput(io, file);
    if (!bytes) return EXIT.badInput;
    const read = await readReportFile(bytes, file);
    if (!read.ok) {
      io.err(`${file}：${read.message}`);
      return EXIT.badInput;
    }
    const tsv = reportToTsv(read.report, { headers: !parsed.options['no-headers'] });
    const output = parsed.options.output;
    if (typeof output !== 'string') {
      io.out(tsv.replace(/\n$/, ''));
      return EXIT.ok;
    }
    try {
      await io.writeFile(output, tsv);
    } catch (error) {
      io.err(`${output}：${messageOf(error)}`);
      return EXIT.badInput;
    }
    io.err(`已写入 ${output}。`);
    return EXIT.ok;
  },
};
