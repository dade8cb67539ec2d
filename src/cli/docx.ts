/**
 * `docx <report or draft file> -o out.docx`: the report as the same Word file the app's 导出Word
 * writes (src/export/docx). Reads plain report JSON and draft files (through src/files/open.ts).
 * Exit code: 0 written; 1 written, but as a draft (not 审核通过); 2 not written.
 */
import { exportReportDocx } from '../export/docx/export.ts';
import { exportDocument } from '../export/report-model.ts';
import { reportHash } from '../files/canonical.ts';
import { openDraftFile } from '../files/open.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { readInput } from './io-steps.ts';
import { FINGERPRINT_DIGITS } from './pdf.ts';
import { PROGRAM } from './program.ts';

const HELP = [
  `用法：${PROGRAM} docx <年报文件.json 或草稿文件> -o 输出文件.docx [选项]`,
  '',
  '生成与填报工具“导出 Word”相同的 Word 文件（.docx）：A4，页边距和字体与 PDF 相同',
  '（标题方正小标宋简体，一级标题黑体，正文仿宋_GB2312），三张表格带官方合并表头，跨页时重复表头，',
  '页脚页码“— 1 —”，文件属性中的作者为机关名称。',
  '审核未通过或提示未确认时照样生成，但每页页眉写明“草稿”并带水印，退出码为 1（有错误）或 3（提示未确认）。',
  '',
  '选项：',
  '  -o, --output 文件名      输出的 Word 文件（必填）',
  '  --approval before|after  在报告前（before）或后（after）加一页审签单',
  '  --saved-at 时间          审签单上的保存时间，如 2022-01-20T10:30+08:00；',
  '                           默认取草稿文件记录的保存时间，没有记录时取当前时间',
  '',
  `例：${PROGRAM} docx examples/gx-kjt-2021.json -o 2021年报.docx --approval after`,
].join('\n');

function parseSavedAt(value: string | true | undefined, fromFile: string | null): Date | string {
  const text = typeof value === 'string' ? value : fromFile;
  if (text === null) return new Date();
  const date = new Date(text);
  return Number.isNaN(date.getTime())
    ? `保存时间“${text}”无法识别，请写成 2022-01-20T10:30+08:00 的形式。`
    : date;
}

export const docxCommand: Command = {
  name: 'docx',
  summary: '生成 Word 文件（.docx，国家格式表格，页码，草稿带水印），与填报工具导出的相同',
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [
        { name: 'output', short: 'o', value: '输出文件名' },
        { name: 'approval', value: 'before 或 after' },
        { name: 'saved-at', value: '保存时间' },
      ],
      'docx',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    const output = parsed.options.output;
    if (file === undefined || extra.length > 0 || typeof output !== 'string') {
      io.err(`请给出一个年报文件和输出文件，例如：${PROGRAM} docx examples/gx-kjt-2021.json -o 年报.docx`);
      return EXIT.badInput;
    }
    const approval = parsed.options.approval;
    if (approval !== undefined && approval !== 'before' && approval !== 'after') {
      io.err('选项 --approval 只能是 before（审签单在报告前）或 after（在报告后）。');
      return EXIT.badInput;
    }
    const bytes = await readInput(io, file);
    if (!bytes) return EXIT.badInput;
    const opened = await openDraftFile(bytes, file);
    if (!opened.ok) {
      io.err([`${file}：${opened.message}`, ...opened.details.map((d) => `  - ${d}`)].join('\n'));
      return EXIT.badInput;
    }
    if (opened.hashStatus !== 'early-format') for (const warning of opened.warnings) io.err(warning);
    const savedAt = parseSavedAt(parsed.options['saved-at'], opened.info.savedAt);
    if (typeof savedAt === 'string') {
      io.err(savedAt);
      return EXIT.badInput;
    }
    const docx = await exportReportDocx(opened.report, {
      fingerprint: (await reportHash(opened.report)).slice(0, FINGERPRINT_DIGITS),
      savedAt,
      approvalSheet: approval ?? null,
    });
    try {
      await io.writeFile(output, docx);
    } catch (error) {
      io.err(`${output}：${messageOf(error)}`);
      return EXIT.badInput;
    }
    const size = `${Math.round(docx.length / 1024)} KB`;
    const draft = exportDocument(opened.report).draft;
    if (draft) {
      io.err(
        `已写入 ${output}（${size}）。这是草稿（${draft.reason}），每页带“${draft.short}”标记，不得作为正式文本。`,
      );
      return draft.state === '待确认' ? EXIT.unconfirmed : EXIT.findings;
    }
    io.err(`已写入 ${output}（${size}）。`);
    return EXIT.ok;
  },
};
