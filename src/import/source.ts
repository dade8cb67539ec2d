/**
 * The source as lines of text, numbered as the review screen shows them. Plain text is taken as it
 * is; HTML is first rendered to the same layout a browser copies as text/plain (html-text.ts).
 */
export interface SourceLine {
  /** 1-based. */
  no: number;
  text: string;
}

export function sourceLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ no: i + 1, text: line }));
}

/** A line with nothing but whitespace of any kind (a tab alone is an empty table cell, not a blank). */
export const isBlankLine = (line: SourceLine): boolean => !line.text.includes('\t') && !line.text.trim();
