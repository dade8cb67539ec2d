/**
 * `pdf <report or draft file> -o out.pdf`: prints the report as the same PDF the app exports. Reads
 * plain report JSON and draft files (through src/files/open.ts). The fingerprint on every page is the
 * start of the SHA-256 of the canonical report (src/files/canonical.ts), as in the app.
 * Exit code: 0 written, clean (审核通过); 1 written as a draft, 错误 remain; 3 written as a draft, 提示
 * not confirmed (待确认); 2 not written.
 */
import { fileURLToPath } from 'node:url';
import { reportHash } from '../files/canonical.ts';
import { openDraftFile } from '../files/open.ts';
import { exportReportPdf } from '../pdf/export.ts';
import { FONT_URLS, unpackFont } from '../pdf/font-files.ts';
import { MissingGlyphsError } from '../pdf/missing-glyphs.ts';
import { reviewReport } from '../report/review-state.ts';
import { withTotals } from '../report/totals.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type CliIo, type Command, EXIT } from './command.ts';
import { readInput } from './io-steps.ts';
import { PROGRAM } from './program.ts';

/** Hex digits of the SHA-256 printed on each page: short enough to read aloud, long enough to be unique. */
export const FINGERPRINT_DIGITS = 16;

const HELP = [
  `用法：${PROGRAM} pdf <年报文件.json 或草稿文件> -o 输出文件.pdf [选项]`,
  '',
  '按国家格式排版（A4，GB/T 9704 版式），生成与填报工具“导出 PDF”相同的文件。',
  '每页页脚印有文件指纹（报告内容 SHA-256 的前 16 位）和保存时间，便于核对纸质稿与电子文件。',
  '审核仍有错误时照样生成，但每页加“草稿 · 审核未通过”水印，第一页列出未改正的错误和未确认的提示，退出码为 1；',
  '没有错误但有提示未确认（待确认）时，每页加“草稿 · 提示未确认”水印，第一页列出这些提示，退出码为 3；',
  '审核通过（没有错误，提示均已确认）时是正式稿，审签单上列出已确认的提示及说明，退出码为 0。',
  '',
  '选项：',
  '  -o, --output 文件名      输出的 PDF 文件（必填）',
  '  --approval before|after  在报告前（before）或后（after）加一页审签单',
  '  --saved-at 时间          页脚的保存时间，如 2022-01-20T10:30+08:00；',
  '                           默认取草稿文件记录的保存时间，没有记录时取当前时间',
  '  --mark-missing           字体里没有的字以编码（如〔U+20000〕）印出，而不是拒绝生成',
  '',
  `例：${PROGRAM} pdf examples/gx-kjt-2021.json -o 2021年报.pdf --approval after`,
].join('\n');

async function readFonts(io: CliIo) {
  const [serif, sans] = await Promise.all([
    io.readFile(fileURLToPath(FONT_URLS.serif)).then(unpackFont),
    io.readFile(fileURLToPath(FONT_URLS.sans)).then(unpackFont),
  ]);
  return { serif, sans };
}

function parseSavedAt(value: string | true | undefined, fromFile: string | null): Date | string {
  const text = typeof value === 'string' ? value : fromFile;
  if (text === null) return new Date();
  const date = new Date(text);
  return Number.isNaN(date.getTime())
    ? `保存时间“${text}”无法识别，请写成 2022-01-20T10:30+08:00 的形式。`
    : date;
}

export const pdfCommand: Command = {
  name: 'pdf',
  summary: '把年报排版成 PDF（A4，国家格式表格，页脚带文件指纹），与填报工具导出的相同',
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs(
      args,
      [
        { name: 'output', short: 'o', value: '输出文件名' },
        { name: 'approval', value: 'before 或 after' },
        { name: 'saved-at', value: '保存时间' },
        { name: 'mark-missing' },
      ],
      'pdf',
    );
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    const output = parsed.options.output;
    if (file === undefined || extra.length > 0 || typeof output !== 'string') {
      io.err(`请给出一个年报文件和输出文件，例如：${PROGRAM} pdf examples/gx-kjt-2021.json -o 年报.pdf`);
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
      io.err([opened.message, ...opened.details.map((d) => `  - ${d}`)].join('\n'));
      return EXIT.badInput;
    }
    // A plain report JSON is an 'early-format' draft to src/files; its conversion notes do not concern a PDF.
    if (opened.hashStatus !== 'early-format') for (const warning of opened.warnings) io.err(warning);
    const savedAt = parseSavedAt(parsed.options['saved-at'], opened.info.savedAt);
    if (typeof savedAt === 'string') {
      io.err(savedAt);
      return EXIT.badInput;
    }
    const report = withTotals(opened.report);
    let pdf: Uint8Array;
    try {
      pdf = await exportReportPdf(report, {
        fonts: await readFonts(io),
        fingerprint: (await reportHash(opened.report)).slice(0, FINGERPRINT_DIGITS),
        savedAt,
        approvalSheet: approval ?? null,
        missingGlyphs: parsed.options['mark-missing'] ? 'mark' : 'error',
      });
    } catch (error) {
      const list =
        error instanceof MissingGlyphsError
          ? error.missing.map((m) => `  ${m.char}  ${m.codePoint}  见：${m.places.join('、')}`)
          : [];
      io.err([`${file}：未生成 PDF——${messageOf(error)}`, ...list].join('\n'));
      return EXIT.badInput;
    }
    try {
      await io.writeFile(output, pdf);
    } catch (error) {
      io.err(`${output}：${messageOf(error)}`);
      return EXIT.badInput;
    }
    const review = reviewReport(report);
    const size = `${Math.round(pdf.length / 1024)} KB`;
    if (review.state === '有错误') {
      io.err(
        `已写入 ${output}（${size}），但审核尚有 ${review.errors.length} 处错误：这是草稿，每页带“草稿 · 审核未通过”水印。`,
      );
      return EXIT.findings;
    }
    if (review.state === '待确认') {
      io.err(
        `已写入 ${output}（${size}），但尚有 ${review.open.length} 条提示未确认：这是草稿，每页带“草稿 · 提示未确认”水印。`,
      );
      return EXIT.unconfirmed;
    }
    io.err(`已写入 ${output}（${size}）。`);
    return EXIT.ok;
  },
};
