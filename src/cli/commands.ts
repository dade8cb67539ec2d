/**
 * Every sub-command, in the order `--help` lists them. To add one, import its Command from its own
 * file and append it to the array: nothing else (main, help, tests of the list) needs to change.
 * A command that needs a large library (pdf-lib and fontkit, parse5) is registered with `lazy`: its
 * module is imported when it runs or shows its help, so every other command starts without reading
 * it (the built CLI, dist-cli/, keeps each in its own chunk). Its summary is repeated here, and
 * tests/cli/lazy-commands.test.ts checks it against the module's.
 */
import { checkCommand } from './check.ts';
import type { Command } from './command.ts';
import { csvCommand } from './csv.ts';
import { fromTablesCommand } from './from-tables.ts';
import { htmlCommand } from './html.ts';
import { sumCommand } from './sum.ts';
import { tablesCommand } from './tables.ts';

export function lazy(name: string, summary: string, load: () => Promise<Command>): Command {
  let loaded: Promise<Command> | null = null;
  const get = () => {
    loaded ??= load();
    return loaded;
  };
  return { name, summary, help: '', load: get, run: async (args, io) => (await get()).run(args, io) };
}

const pdfCommand = lazy(
  'pdf',
  '把年报排版成 PDF（A4，国家格式表格，页脚带文件指纹），与填报工具导出的相同',
  () => import('./pdf.ts').then((m) => m.pdfCommand),
);
const importTextCommand = lazy(
  'import-text',
  '导入已发布的年报（PDF、Word 的 .docx、网页 .html 或复制出的 .txt），生成新的草稿',
  () => import('./import-text.ts').then((m) => m.importTextCommand),
);
const docxCommand = lazy(
  'docx',
  '生成 Word 文件（.docx，国家格式表格，页码，草稿带水印），与填报工具导出的相同',
  () => import('./docx.ts').then((m) => m.docxCommand),
);

export const COMMANDS: readonly Command[] = [
  checkCommand,
  tablesCommand,
  fromTablesCommand,
  pdfCommand,
  docxCommand,
  htmlCommand,
  importTextCommand,
  sumCommand,
  csvCommand,
];
