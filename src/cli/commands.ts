/**
 * Every sub-command, in the order `--help` lists them. To add one, import its Command from its own
 * file and append it to the array: nothing else (main, help, tests of the list) needs to change.
 */
import { checkCommand } from './check.ts';
import type { Command } from './command.ts';
import { csvCommand } from './csv.ts';
import { docxCommand } from './docx.ts';
import { fromTablesCommand } from './from-tables.ts';
import { htmlCommand } from './html.ts';
import { importTextCommand } from './import-text.ts';
import { pdfCommand } from './pdf.ts';
import { sumCommand } from './sum.ts';
import { tablesCommand } from './tables.ts';

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
