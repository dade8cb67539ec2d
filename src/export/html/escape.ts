/** HTML escaping: every text the page prints goes through one of these, so no text can become markup. */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For element content and attribute values alike (quotes too, so a value cannot end its attribute). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => TEXT[c]!);

/**
 * An element with attributes given as data. Attribute names are fixed by the callers; values are
 * escaped. The content is HTML the caller built (escaped text or other elements).
 */
export function element(
  tag: string,
  attributes: Record<string, string | number | undefined>,
  content: string,
): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<${tag}${attrs}>${content}</${tag}>`;
}
