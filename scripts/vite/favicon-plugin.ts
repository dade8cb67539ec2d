/**
 * Single-file build: the favicon (public/favicon.svg, which the intranet build serves as a file) goes
 * into the page as a data: URL, so opening the file makes no request at all (img-src allows data:).
 * Percent-encoded: the page stays ASCII. Place before the ASCII and CSP plugins.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { htmlTransformPlugin } from './shared.ts';

export const FAVICON = join(import.meta.dirname, '../../public/favicon.svg');
const ICON_LINK = /<link rel="icon"[^>]*href="[^"]*favicon\.svg"[^>]*>/;

export function faviconDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
}

export function withInlineFavicon(html: string, svg: string): string {
  if (!ICON_LINK.test(html)) throw new Error('index.html 缺少 <link rel="icon" href="/favicon.svg">');
  return html.replace(
    ICON_LINK,
    () => `<link rel="icon" type="image/svg+xml" href="${faviconDataUrl(svg)}" />`,
  );
}

export const inlineFaviconPlugin = (): Plugin =>
  htmlTransformPlugin('nianbao:inline-favicon', (html) =>
    withInlineFavicon(html, readFileSync(FAVICON, 'utf8')),
  );
