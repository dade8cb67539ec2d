/**
 * Writes the Content-Security-Policy into every built HTML page, as the first element after
 * <meta charset>, with a sha256 hash for each inline <script> and <style> of the final HTML (the
 * single file inlines its module script and stylesheet). Build only: the dev server injects its own
 * inline scripts and must keep working.
 *
 * Place it after vite-plugin-singlefile in `plugins`: both run in generateBundle (post), in order.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { htmlTransformPlugin } from './shared.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline code of every element `tag` without a src attribute (the bytes the browser hashes). */
export function inlineContents(html: string, tag: 'script' | 'style'): string[] {
  // Both raw-text elements are matched in one left-to-right scan, as an HTML parser reads them: a
  // "<style>" written inside a script's code (the web page export's template) is script text, not a
  // style element.
  const pattern = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
  const out: string[] = [];
  for (const match of html.matchAll(pattern)) {
    if (match[1]!.toLowerCase() !== tag) continue;
    const attributes = match[2] ?? '';
    if (tag === 'script' && /\bsrc\s*=/.test(attributes)) continue;
    // Data blocks (type="application/json" …) are never run, so CSP does not look at them.
    const type = /\btype\s*=\s*"([^"]*)"/i.exec(attributes)?.[1];
    if (tag === 'script' && type && type !== 'module' && !/javascript/i.test(type)) continue;
    out.push(match[3] ?? '');
  }
  return out;
}

/** The policy for one page, given its final HTML. */
export function contentSecurityPolicy(html: string): string {
  const scripts = [...new Set(inlineContents(html, 'script').map(sha256))];
  const styles = [...new Set(inlineContents(html, 'style').map(sha256))];
  return [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The PDF worker is a blob: URL made from code in the page (see src/platform/lazy-worker.ts).
    "worker-src 'self' blob:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

/** Things in the HTML that a CSP without 'unsafe-inline' would silently block. */
export function inlineProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push('内联事件处理属性（on…=）');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push('内联 style 属性');
  if (/<script\b[^>]*\bsrc\s*=\s*"(https?:)?\/\//i.test(html)) problems.push('外部脚本');
  return problems;
}

export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}" />`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (!charset) throw new Error('index.html 缺少 <meta charset>：CSP 必须放在它后面、任何脚本之前');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

export const cspPlugin = (): Plugin =>
  htmlTransformPlugin('nianbao:csp', (html, fileName) => {
    const problems = inlineProblems(html);
    if (problems.length > 0) throw new Error(`${fileName}：CSP 会阻止 ${problems.join('、')}`);
    return withCsp(html);
  });
