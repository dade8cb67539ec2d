/**
 * Free text as the clerk typed it → paragraphs ready for layout: invisible characters dropped, one
 * paragraph per line, the clerk's own indentation removed (the layout indents), and a paragraph that
 * starts with （一） marked as a level-2 heading (up to its first 。, or whole if short).
 */

export type RunKind = 'subhead' | 'body';

export interface ParagraphText {
  runs: { text: string; kind: RunKind }[];
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SUBHEAD = /^[（(][一二三四五六七八九十]+[）)]/;
/** A sub-heading longer than this is not a heading but a paragraph that happens to start with （一）. */
const MAX_SUBHEAD = 40;

export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[\t\u00A0]/g, ' ');
}

function splitSubhead(paragraph: string): ParagraphText {
  if (!SUBHEAD.test(paragraph)) return { runs: [{ text: paragraph, kind: 'body' }] };
  const chars = Array.from(paragraph);
  if (chars.length <= MAX_SUBHEAD) return { runs: [{ text: paragraph, kind: 'subhead' }] };
  const stop = chars.indexOf('。');
  if (stop < 0 || stop >= MAX_SUBHEAD) return { runs: [{ text: paragraph, kind: 'body' }] };
  return {
    runs: [
      { text: chars.slice(0, stop + 1).join(''), kind: 'subhead' },
      { text: chars.slice(stop + 1).join(''), kind: 'body' },
    ],
  };
}

export function paragraphsOf(text: string): ParagraphText[] {
  return normalizeText(text)
    .split('\n')
    .map((line) => line.trim().replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '')
    .map(splitSubhead);
}
