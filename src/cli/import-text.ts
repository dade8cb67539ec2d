/**
 * `import-text <年报.pdf|.docx|.html|.txt>`: a published report (its PDF, the office's Word file, its
 * web page or its text) → a new draft, with
 * every cell the importer was unsure of or could not find listed. The draft is written as a draft
 * file (.nianbao.json, the envelope of src/files) or, for any other name, as plain report JSON.
 * Exit code: 0 all read; 1 written, but some cells are 不确定 or 未找到 and need checking; 2 nothing written.
 */

import { FILE_EXTENSION } from '../files/format.ts';
import { serializeDraft } from '../files/serialize.ts';
import { readReportFileNode } from '../import/files/read-file-node.ts';
import { type ImportIssue, importReport } from '../import/import-report.ts';
import { reportTitle } from '../report/template.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { readInput, refuseOverwrite } from './io-steps.ts';
import { checkedReport } from './read-report.ts';

const SNIPPET_CHARS = 50;

export function formatIssue(issue: ImportIssue): string {
  const source = issue.source
    ? `（原文${issue.line ? `第 ${issue.line} 行` : ''}：${issue.source.length > SNIPPET_CHARS ? `${issue.source.slice(0, SNIPPET_CHARS)}…` : issue.source}）`
    : issue.line
      ? `（原文第 ${issue.line} 行）`
      : '';
  return `  ${issue.severity}  ${issue.message}${source}`;
}

export const importTextCommand: Command = {
  name: 'import-text',
  summary: '导入已发布的年报（PDF、Word 的 .docx、网页 .html 或复制出的 .txt），生成新的草稿',
  help: [
    '用法：npm run cli -- import-text <年报.pdf|年报.docx|年报.html|年报.txt> [-o 输出文件] [--force]',
    '',
    '读入已发布的年度报告全文，识别标题中的机关名称和年度、前言、六个部分的文字和三张表的每一个数字，',
    'PDF 文件按页面上的位置重建表格，Word 文件按其表格的合并单元格读取；',
    '生成一份新的草稿。表格按官方的行名、列名对应（全角半角括号、空格、换行、“规范性文件”等写法都可识别）；',
    '空白、“/”“—”“-”按 0 读入并提示；“22（其中修订16件）”读作 22，括号内的文字存为注释。',
    '2019年试行格式的报告会被识别出来，能对应的部分导入，其余列为“未导入”。',
    '导入的数字按表格的勾稽关系（各总计、第一项加第二项等于第三项加第四项）核对，不符时涉及的单元格标为不确定。',
    '读不准（不确定）或找不到（未找到）的单元格逐一列出，请在工具中核对后再使用。',
    '',
    '选项：',
    `  -o, --output 文件名  写入这个文件：以 ${FILE_EXTENSION} 结尾时写成草稿文件（可在工具中打开），`,
    '                     否则写成年报数据 JSON（可用 check 审核）；不给时把 JSON 显示在屏幕上',
    '  --force            输出文件已存在时覆盖它',
    '',
    '文本文件可为 UTF-8、UTF-16 或 GBK 编码。旧版 Word 的 .doc 文件请先另存为 .docx。',
    '退出码：0 全部识别；1 已生成，但有不确定或未找到的内容需要核对；2 无法导入。',
    '',
    `例：npm run cli -- import-text 2021年报.txt -o 2021年报${FILE_EXTENSION}`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [{ name: 'output', short: 'o', value: '输出文件名' }, { name: 'force' }],
      'import-text',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) {
      io.err('请给出一个年报文件，例如：npm run cli -- import-text 2021年报.txt -o 2021年报.json');
      return EXIT.badInput;
    }
    const { output, force } = parsed.options;
    if (await refuseOverwrite(io, output, force)) return EXIT.badInput;

    const bytes = await readInput(io, file);
    if (!bytes) return EXIT.badInput;
    const read = await readReportFileNode(file, bytes);
    if (!read.ok) {
      io.err(`${file}：${read.message}`);
      return EXIT.badInput;
    }
    const result = importReport(read.input);
    if (!result.ok) {
      io.err(`${file}：${result.message}`);
      return EXIT.badInput;
    }

    const { report, issues, format, notImported } = result;
    const count = (severity: ImportIssue['severity']) => issues.filter((i) => i.severity === severity).length;
    const cellsRead = Object.values(report.cells).filter((v) => v !== null).length;
    io.err(
      [
        `${file}：《${reportTitle(report.agency || '（机关名称未识别）', report.year)}》，${format === '2019' ? '2019年试行格式' : '2021年格式'}，` +
          `读到 ${cellsRead} 个单元格；不确定 ${count('不确定')} 处，未找到 ${count('未找到')} 处，提示 ${count('提示')} 处` +
          `${result.failedChecks.length ? `；勾稽关系不符 ${result.failedChecks.length} 项（涉及的单元格已标为不确定）` : ''}。`,
        ...result.failedChecks.map((f) => `  勾稽关系不符  ${f}`),
        ...issues.map(formatIssue),
        ...(notImported.length ? ['未导入的内容：', ...notImported.map((n) => `  ${n}`)] : []),
      ].join('\n'),
    );

    // importReport already validated the report; checked again so a slip can only be a Chinese message.
    const checked = checkedReport(report);
    if (!checked.ok) {
      io.err(`${file}：${checked.message}`);
      return EXIT.badInput;
    }
    const plain = `${JSON.stringify(checked.report, null, 2)}\n`;
    if (typeof output !== 'string') {
      io.out(plain);
    } else {
      const data = output.endsWith(FILE_EXTENSION) ? (await serializeDraft(report)).text : plain;
      try {
        await io.writeFile(output, data);
      } catch (error) {
        io.err(`${output}：${messageOf(error)}`);
        return EXIT.badInput;
      }
      io.err(`已生成 ${output}。`);
    }
    return count('不确定') + count('未找到') > 0 ? EXIT.findings : EXIT.ok;
  },
};
