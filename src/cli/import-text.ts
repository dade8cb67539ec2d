/**
 * `import-text <年报.txt|年报.html>`: a published report (its text or its web page) → a new draft, with
 * every cell the importer was unsure of or could not find listed. The draft is written as a draft
 * file (.nianbao.json, the envelope of src/files) or, for any other name, as plain report JSON.
 * Exit code: 0 all read; 1 written, but some cells are 不确定 or 未找到 and need checking; 2 nothing written.
 */

import { FILE_EXTENSION } from '../files/format.ts';
import { serializeDraft } from '../files/serialize.ts';
import { decodeReportBytes, isHtmlFileName } from '../import/decode-text.ts';
import { type ImportIssue, importReport } from '../import/import-report.ts';
import { reportSchema } from '../report/document.ts';
import { reportTitle } from '../report/template.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { readInput, refuseOverwrite } from './io-steps.ts';

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
  summary: '导入已发布的年报（网页另存的 .html 或复制出的 .txt），生成新的草稿',
  help: [
    '用法：npm run cli -- import-text <年报.txt|年报.html> [-o 输出文件] [--force]',
    '',
    '读入已发布的年度报告全文，识别标题中的机关名称和年度、前言、六个部分的文字和三张表的每一个数字，',
    '生成一份新的草稿。表格按官方的行名、列名对应（全角半角括号、空格、换行、“规范性文件”等写法都可识别）；',
    '空白、“/”“—”“-”按 0 读入并提示；“22（其中修订16件）”读作 22，括号内的文字存为注释。',
    '2019年试行格式的报告会被识别出来，能对应的部分导入，其余列为“未导入”。',
    '读不准（不确定）或找不到（未找到）的单元格逐一列出，请在工具中核对后再使用。',
    '',
    '选项：',
    `  -o, --output 文件名  写入这个文件：以 ${FILE_EXTENSION} 结尾时写成草稿文件（可在工具中打开），`,
    '                     否则写成年报数据 JSON（可用 check 审核）；不给时把 JSON 显示在屏幕上',
    '  --force            输出文件已存在时覆盖它',
    '',
    '文件可为 UTF-8、UTF-16 或 GBK 编码。PDF 和 Word 文件请先另存为 .txt 或 .html。',
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
    const decoded = decodeReportBytes(bytes);
    if (!decoded.ok) {
      io.err(`${file}：${decoded.message}`);
      return EXIT.badInput;
    }
    const result = importReport(isHtmlFileName(file) ? { html: decoded.text } : { text: decoded.text });
    if (!result.ok) {
      io.err(`${file}：${result.message}`);
      return EXIT.badInput;
    }

    const { report, issues, format, notImported } = result;
    const count = (severity: ImportIssue['severity']) => issues.filter((i) => i.severity === severity).length;
    const read = Object.values(report.cells).filter((v) => v !== null).length;
    io.err(
      [
        `${file}：《${reportTitle(report.agency || '（机关名称未识别）', report.year)}》，${format === '2019' ? '2019年试行格式' : '2021年格式'}，` +
          `读到 ${read} 个单元格；不确定 ${count('不确定')} 处，未找到 ${count('未找到')} 处，提示 ${count('提示')} 处。`,
        ...issues.map(formatIssue),
        ...(notImported.length ? ['未导入的内容：', ...notImported.map((n) => `  ${n}`)] : []),
      ].join('\n'),
    );

    const plain = `${JSON.stringify(reportSchema().parse(report), null, 2)}\n`;
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
