/**
 * How much the importer takes, checked before anything is parsed: a report is ~30 000 characters of
 * text (a web page or Word's HTML of it a few hundred thousand), so far larger input is something
 * else, and reading it would only freeze the tab.
 */

/** Text: far more than any report (~30 000 characters). */
export const MAX_SOURCE_CHARS = 500_000;
/** HTML: Word's clipboard HTML of a long report, with a style on every cell, is under 1 MB. */
export const MAX_HTML_CHARS = 2_000_000;
/** A .txt / .html file (bytes; up to 3 per character in UTF-8). */
export const MAX_TEXT_FILE_BYTES = 3 * MAX_HTML_CHARS;
/** A .pdf (a report with images of seals and signatures is a few MB). */
export const MAX_PDF_BYTES = 60_000_000;
/** A .docx (a zip; what is inside is checked again when unpacked). */
export const MAX_DOCX_BYTES = 30_000_000;
/** Pages of a PDF that are read (a report has 5–20). */
export const MAX_PDF_PAGES = 100;

const tenThousands = (n: number) => Math.max(1, Math.round(n / 10_000));

/** Chinese, for input over a limit: how big it is, and what to do. */
export function tooLongMessage(chars: number): string {
  return `内容过长（约 ${tenThousands(chars)} 万字），不像是一份年度报告（通常不到 5 万字）。请只粘贴或拖入一份报告的全文。`;
}

export function fileTooLargeMessage(bytes: number, limit: number): string {
  const mb = (n: number) => `${Math.max(1, Math.round(n / 1_000_000))} MB`;
  return `文件过大（${mb(bytes)}），超过 ${mb(limit)}，不像是一份年度报告。请确认选择的是上一年度的年报文件。`;
}

export interface SourceInputText {
  text?: string;
  html?: string;
}

/**
 * What of a paste can be read: the HTML when within its limit, else the text when within its own;
 * null with the message when neither is. Costs nothing but the lengths.
 */
export function withinLimits(
  input: SourceInputText,
): { ok: true; input: SourceInputText } | { ok: false; message: string } {
  const html = input.html && input.html.length <= MAX_HTML_CHARS ? input.html : undefined;
  const text = input.text && input.text.length <= MAX_SOURCE_CHARS ? input.text : undefined;
  const tooLong = (input.html?.length ?? 0) > MAX_HTML_CHARS || (input.text?.length ?? 0) > MAX_SOURCE_CHARS;
  if (tooLong && !html && !text) {
    return { ok: false, message: tooLongMessage(Math.max(input.text?.length ?? 0, input.html?.length ?? 0)) };
  }
  return { ok: true, input: { ...(html ? { html } : {}), ...(text ? { text } : {}) } };
}
