/**
 * Labels as published reports write them, brought to one form for comparison with the template:
 * full-width and half-width forms alike (NFKC), no spaces or line breaks anywhere, no quotation
 * marks, 规范性文件 for 行政规范性文件 (the 2019 wording, still common), 「1、」 as 「1.」.
 * Only for matching: what is stored and shown keeps the text as written.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]/g, '')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/行政规范性文件/g, '规范性文件')
    .replace(/(\d)[、,](?=\D)/g, '$1.')
    .replace(/[。.;:,、]+$/, '');
}

/** Whitespace of every kind published text carries (tabs, U+00A0 after numbers, U+3000 indents). */
export const ANY_SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** A line of running text: trimmed of indentation and trailing spaces of every kind. */
export const trimLine = (text: string): string =>
  text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/g, '');
