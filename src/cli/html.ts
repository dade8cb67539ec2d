/**
 * `html <report or draft file> -o out.html [--fragment]`: the report as the web page the app's
 * 导出网页 writes (src/export/html): a complete page, or with --fragment only the <div> to paste into a
 * CMS. Exit code: 0 written; 1 written, but as a draft (not 审核通过); 2 not written.
 */
import { exportReportHtml } from '../export/html/index.ts';
import { exportDocument } from '../export/report-model.ts';
import { openDraftFile } from '../files/open.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { readInput } from './io-steps.ts';
import { PROGRAM } from './program.ts';

const HELP = [
  `用法：${PROGRAM} html <年报文件.json 或草稿文件> -o 输出文件.html [--fragment]`,
  '',
  '生成与填报工具“导出网页”相同的 HTML（UTF-8）：标题、正文和三张表格（合并表头与官方表格一致），',
  '只带少量内联样式，不含脚本和外部资源，可直接上传到网站或粘贴到网站后台的“源代码”模式。',
  '审核未通过或提示未确认时照样生成，但顶部写明“草稿”，退出码为 1（有错误）或 3（提示未确认）。',
  '',
  '选项：',
  '  -o, --output 文件名  输出的 HTML 文件（必填）',
  '  --fragment           只输出正文片段（一个 <div>），不带 <html>、<head>',
  '',
  `例：${PROGRAM} html examples/gx-kjt-2021.json -o 2021年报.html`,
].join('\n');

export const htmlCommand: Command = {
  name: 'html',
  summary: '生成网页（HTML，可发布到网站；--fragment 只要正文片段），与填报工具导出的相同',
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [{ name: 'output', short: 'o', value: '输出文件名' }, { name: 'fragment' }],
      'html',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    const output = parsed.options.output;
    if (file === undefined || extra.length > 0 || typeof output !== 'string') {
      io.err(`请给出一个年报文件和输出文件，例如：${PROGRAM} html examples/gx-kjt-2021.json -o 年报.html`);
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
    const html = exportReportHtml(opened.report);
    try {
      await io.writeFile(output, parsed.options.fragment ? `${html.fragment}\n` : html.page);
    } catch (error) {
      io.err(`${output}：${messageOf(error)}`);
      return EXIT.badInput;
    }
    const draft = exportDocument(opened.report).draft;
    if (draft) {
      io.err(`已写入 ${output}。这是草稿（${draft.reason}），顶部写有“${draft.short}”，请不要发布。`);
      return draft.state === '待确认' ? EXIT.unconfirmed : EXIT.findings;
    }
    io.err(`已写入 ${output}。`);
    return EXIT.ok;
  },
};
