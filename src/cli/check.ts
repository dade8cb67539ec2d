/**
 * `check <files…>`: runs the rules (审核) on each report or draft file and prints the findings in
 * Chinese. Files are checked a few at a time and printed in order; an unreadable file is reported and
 * the others are still checked. Reports are checked as the app shows them (totals computed unless typed by hand), and
 * units of the same agency and year among the files are named at the end (they would be counted
 * twice in a 汇总). Each report's state is printed (有错误 / 待确认 / 审核通过), its open findings, and
 * apart from them the 提示 confirmed with their 说明.
 * Exit code: 2 if any file could not be read, else 1 if any has a 错误, else 3 if any has a 提示 not
 * confirmed (待确认), else 0 (every file 审核通过).
 */
import { describeDuplicate, detectDuplicates } from '../aggregate/duplicates.ts';
import { inOrder } from '../aggregate/in-order.ts';
import type { Report } from '../report/document.ts';
import { formatConfirmedAt, type Review, reviewReport } from '../report/review-state.ts';
import { evaluate, type Finding } from '../report/rules.ts';
import { reportTitle, tableById } from '../report/template.ts';
import { withTotals } from '../report/totals.ts';
import { messageOf, parseCommandArgs } from './args.ts';
import { type CliIo, type Command, EXIT } from './command.ts';
import { PROGRAM } from './program.ts';
import { readReportFile } from './read-report.ts';

type FileResult =
  | { file: string; readable: false; message: string }
  | { file: string; readable: true; report: Report; findings: Finding[]; review: Review; warnings: string[] };

async function checkFile(file: string, io: CliIo): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    return { file, readable: false, message: messageOf(error) };
  }
  const read = await readReportFile(bytes, file);
  if (!read.ok) return { file, readable: false, message: read.message };
  const report = withTotals(read.report);
  const findings = evaluate(report);
  return {
    file,
    readable: true,
    report,
    findings,
    review: reviewReport(report, findings),
    warnings: read.warnings,
  };
}

/** 「表三」 from 「表三（收到和处理政府信息公开申请情况）」; 「全文」 for whole-report rules. */
const tableTag = (f: Finding) => (f.table ? tableById(f.table).name.split('（')[0]! : '全文');

export function formatFinding(f: Finding): string {
  return `  ${f.severity}  ${tableTag(f)}  ${f.ruleId}  ${f.message}`;
}

function printResult(result: FileResult, io: CliIo, errorsOnly: boolean): void {
  if (!result.readable) {
    io.err(`${result.file}：无法审核——${result.message}`);
    return;
  }
  const title = `${result.file} 《${reportTitle(result.report.agency, result.report.year)}》`;
  const notes = result.warnings.map((w) => `  注意  ${w}`);
  const { review } = result;
  const confirmed = review.confirmed.map(
    (c) =>
      `  已确认  ${tableTag(c.finding)}  ${c.finding.ruleId}  ${c.finding.message}\n          说明：${c.note}（${formatConfirmedAt(c.at)} 确认）`,
  );
  if (result.findings.length === 0) {
    io.out([`${title}：审核通过，没有发现问题。`, ...notes].join('\n'));
    return;
  }
  const open = [...review.errors, ...review.open];
  const shown = errorsOnly ? review.errors : open;
  const hidden = open.length - shown.length;
  const counts =
    `${review.errors.length} 个错误，${review.open.length} 个提示未确认` +
    `${review.confirmed.length ? `，${review.confirmed.length} 个提示已确认` : ''}`;
  io.out(
    [
      `${title}：${review.state}（${counts}）${hidden ? '（未确认的提示未列出，去掉 --errors-only 可查看）' : ''}`,
      ...notes,
      ...shown.map(formatFinding),
      ...(confirmed.length && !errorsOnly ? ['  以下提示已确认（附说明）：', ...confirmed] : []),
    ].join('\n'),
  );
}

function asJson(result: FileResult) {
  if (!result.readable) return { file: result.file, readable: false, message: result.message };
  const { report, review } = result;
  const plain = (f: Finding) => ({ ...f, cells: [...f.cells], fields: [...f.fields] });
  return {
    file: result.file,
    readable: true,
    title: reportTitle(report.agency, report.year),
    state: review.state,
    errors: review.errors.length,
    hints: review.open.length,
    confirmed: review.confirmed.length,
    warnings: result.warnings,
    // Open findings (错误 first); confirmed ones apart, each with its 说明.
    findings: [...review.errors, ...review.open].map(plain),
    confirmedFindings: review.confirmed.map((c) => ({ ...plain(c.finding), note: c.note, at: c.at })),
  };
}

function summary(results: readonly FileResult[]): string {
  const unreadable = results.filter((r) => !r.readable).length;
  const inState = (state: Review['state']) =>
    results.filter((r) => r.readable && r.review.state === state).length;
  const parts = [
    `${inState('审核通过')} 个审核通过`,
    `${inState('待确认')} 个待确认`,
    `${inState('有错误')} 个有错误`,
    ...(unreadable ? [`${unreadable} 个无法读取`] : []),
  ];
  return `共检查 ${results.length} 个文件：${parts.join('，')}。`;
}

/** 「重复：a.json、b.json 同为「某局」2021 年度。」, one line per group. */
function duplicateLines(results: readonly FileResult[]): string[] {
  const readable = results.flatMap((r, i) => (r.readable ? [{ key: String(i), report: r.report }] : []));
  return detectDuplicates(readable).map(
    (g) =>
      `重复：${describeDuplicate(
        g,
        g.keys.map((k) => results[Number(k)]!.file),
      )}，汇总时只应计入其中一份。`,
  );
}

export function exitCodeOf(results: readonly FileResult[]): number {
  if (results.some((r) => !r.readable)) return EXIT.badInput;
  if (results.some((r) => r.readable && r.review.state === '有错误')) return EXIT.findings;
  if (results.some((r) => r.readable && r.review.state === '待确认')) return EXIT.unconfirmed;
  return EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: '审核年报文件（可一次审核多个），列出错误和提示',
  help: [
    `用法：${PROGRAM} check <文件…> [--errors-only] [--json]`,
    '',
    '审核一个或多个年报文件（本工具保存的草稿文件 .nianbao.json 或年报数据 .json），按文件逐个列出审核结果：',
    '  错误  必须改正（如合计与分项之和不符、表三各列不平衡、正文还是上年的文字“需更新”）；',
    '  提示  请核实（如单元格未填写、与上年数据不衔接、总体情况所写数字与表格不符）：有误的改正，',
    '        没有问题的在填报工具中“确认无误”并写明说明。已确认的提示连同说明另行列出。',
    '每个文件给出审核状态：有错误；待确认（没有错误，但有提示未确认）；审核通过（没有错误，提示均已确认）。',
    '某个文件无法读取时，会说明原因并继续审核其余文件。',
    '草稿文件在本工具之外被改动过、或按其他编码读取时，以“注意”列出。',
    '有多个文件属于同一机关、同一年度时，在总结之前列出（汇总时只应计入其中一份）。',
    '',
    '选项：',
    '  --errors-only  只列出错误，不列出提示（数量照常统计）',
    '  --json         以 JSON 输出结果（state 为审核状态；findings 为未解决的错误和提示，',
    '                 confirmedFindings 为已确认的提示及其说明），供其他程序使用',
    '',
    '退出码：0 全部审核通过；1 有文件存在错误；3 没有错误，但有文件的提示未全部确认（待确认）；',
    '        2 有文件无法读取或内容无效（优先于 1 和 3；1 优先于 3）。',
    '',
    `例：${PROGRAM} check examples/gx-kjt-2021.json`,
    `    ${PROGRAM} check 各单位/*.nianbao.json --errors-only`,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseCommandArgs(args, [{ name: 'errors-only' }, { name: 'json' }], 'check');
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    if (parsed.positionals.length === 0) {
      io.err(`请给出要审核的文件，例如：${PROGRAM} check examples/gx-kjt-2021.json`);
      return EXIT.badInput;
    }
    const results: FileResult[] = [];
    for await (const result of inOrder(parsed.positionals, (file) => checkFile(file, io))) {
      results.push(result);
      if (!parsed.options.json) printResult(result, io, Boolean(parsed.options['errors-only']));
    }
    if (parsed.options.json) io.out(JSON.stringify(results.map(asJson), null, 2));
    else if (results.length > 1) io.out([...duplicateLines(results), summary(results)].join('\n'));
    return exitCodeOf(results);
  },
};
