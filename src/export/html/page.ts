/**
 * The web page variant: the fragment in a complete HTML document (UTF-8, zh-CN, title and author
 * from the report) that opens on its own in any browser or can be uploaded as it is. Its policy
 * forbids scripts and every external resource, so even a pasted-in surprise stays inert.
 */
import type { ExportDocument } from '../report-model.ts';
import { GENERATOR } from '../report-model.ts';
import { escapeHtml } from './escape.ts';
import { reportFragment } from './fragment.ts';

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const PAGE_STYLE =
  'body{max-width:46em;margin:2em auto;padding:0 1em;font-family:"仿宋_GB2312","仿宋",FangSong,"宋体",SimSun,serif;' +
  'font-size:16px;line-height:1.8;color:#000;background:#fff}' +
  'h1{font-family:"方正小标宋简体","宋体",SimSun,serif;font-size:1.6em;font-weight:normal;line-height:1.5}' +
  'h2{font-family:"黑体",SimHei,sans-serif;font-weight:normal}' +
  'table{font-size:14px;line-height:1.4}';

export function reportPage(doc: ExportDocument): string {
  const meta = (name: string, content: string) => `<meta name="${name}" content="${escapeHtml(content)}">`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.properties.title)}</title>`,
    meta('author', doc.properties.author),
    meta('description', doc.properties.subject),
    meta('keywords', doc.properties.keywords.join(',')),
    meta('generator', GENERATOR),
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    reportFragment(doc),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
