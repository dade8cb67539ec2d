/**
 * The lines of a table's part of the source, cut into a stream of cells (tokens) for table-reader.
 *
 * Two layouts are recognised:
 * - cells marked by tabs, as a browser copies an HTML table (each cell on its own line after a tab,
 *   a blank line between rows) or as a spreadsheet copies one (a row per line, cells between tabs).
 *   A line without a tab right after a cell continues that cell: a label broken over lines
 *   (「商业」「企业」). Rows end at blank lines (and after a spreadsheet line).
 * - no tabs at all, as text copied out of a PDF: whitespace separates cells, a label broken by
 *   spaces or lines is joined again, and rows are not known (the reader anchors on labels).
 */
import { looksLikeValue } from './cell-value.ts';
import { isBlankLine, type SourceLine } from './source.ts';

export type TokenKind = 'label' | 'value' | 'blank' | 'break';

export interface Token {
  kind: TokenKind;
  /** The cell as written (for labels broken over lines, the parts joined). */
  text: string;
  line: number;
  /**
   * For a table row copied as one line of TAB-separated fields (Word, WPS, a spreadsheet): the
   * field's index and the line's number of fields. Word writes one field per grid column, an
   * empty one for each place a merged cell covers, so the index is the cell's grid column.
   */
  field?: number;
  fields?: number;
}

const OPENS_BRACKET = /^[（(［[【]/;

function cellToken(text: string, line: number): Token {
  if (!text.replace(/[\s\u00a0\u3000]/g, '')) return { kind: 'blank', text: '', line };
  return { kind: looksLikeValue(text) ? 'value' : 'label', text, line };
}

function pushBreak(tokens: Token[], line: number) {
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'break') tokens.push({ kind: 'break', text: '', line });
}

/** 「— 2 —」「- 3 -」「第 2 页」「第2页 共9页」「2 / 9」: a page's number, printed between a table's rows. */
const PAGE_NUMBER =
  /^(?:[-—–－‒―─]+\s*\d{1,4}\s*[-—–－‒―─]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})$/;

export const isPageNumberText = (text: string): boolean =>
  PAGE_NUMBER.test(text.replace(/[\s\u00a0\u3000]+/g, ' ').trim());

export const isPageNumberLine = (line: SourceLine): boolean => isPageNumberText(line.text);

function tabTokens(lines: readonly SourceLine[]): Token[] {
  const tokens: Token[] = [];
  let previousHadCells = false;
  for (const line of lines) {
    if (isPageNumberLine(line)) continue;
    if (isBlankLine(line)) {
      pushBreak(tokens, line.no);
      previousHadCells = false;
      continue;
    }
    if (!line.text.includes('\t')) {
      const last = tokens[tokens.length - 1];
      const continues =
        last?.kind === 'label' || (last?.kind === 'value' && OPENS_BRACKET.test(line.text.trim()));
      if (previousHadCells && last && continues) {
        // The rest of the cell above, broken over lines.
        tokens[tokens.length - 1] = { ...cellToken(`${last.text}${line.text.trim()}`, last.line) };
      } else {
        tokens.push(cellToken(line.text, line.no));
        pushBreak(tokens, line.no);
      }
      continue;
    }
    const cells = line.text.split('\t');
    // A leading tab before a single cell is the browser's mark of a cell, not an empty first cell;
    // before several, it is an empty first field of a row (Word's blank under a merged cell).
    const browser = line.text.startsWith('\t') && cells.length === 2;
    if (browser) cells.shift();
    cells.forEach((cell, field) => {
      const token = cellToken(cell, line.no);
      tokens.push(browser ? token : { ...token, field, fields: cells.length });
    });
    if (cells.length > 1) pushBreak(tokens, line.no);
    previousHadCells = true;
  }
  return tokens;
}

/** A bracketed remark, not a numbered row label such as 「（二）部分公开」. */
const isNote = (piece: string) =>
  OPENS_BRACKET.test(piece) && !/^[（(][一二三四五六七八九十]+[）)]/.test(piece);

function spaceTokens(lines: readonly SourceLine[]): Token[] {
  const tokens: Token[] = [];
  for (const line of lines) {
    if (isPageNumberLine(line)) continue;
    for (const piece of line.text.split(/[\s\u00a0\u3000]+/)) {
      if (!piece) continue;
      const token = cellToken(piece, line.no);
      const last = tokens[tokens.length - 1];
      if (last && token.kind === 'label' && last.kind === 'label') {
        last.text += piece;
      } else if (last?.kind === 'value' && last.line === line.no && isNote(piece)) {
        // 「22 （其中修订16件）」: a note after a number, on its line, belongs to it.
        last.text += piece;
      } else {
        tokens.push(token);
      }
    }
  }
  return tokens;
}

/** Whether the lines mark their cells (tabs), or only spaces separate them (text out of a PDF). */
export const marksCells = (lines: readonly SourceLine[]): boolean =>
  lines.some((line) => line.text.includes('\t'));

export function tableTokens(lines: readonly SourceLine[]): Token[] {
  return marksCells(lines) ? tabTokens(lines) : spaceTokens(lines);
}
