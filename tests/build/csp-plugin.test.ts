// @vitest-environment node
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  inlineContents,
  inlineProblems,
  withCsp,
} from '../../scripts/vite/csp-plugin.ts';

/** The hash the browser computes, through Web Crypto rather than the plugin's node:crypto. */
async function browserHash(text: string): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${Buffer.from(digest).toString('base64')}'`;
}

const page = (head: string, body = '') =>
  `<!doctype html><html><head><meta charset="UTF-8" /><title>t</title>${head}</head><body>${body}</body></html>`;

describe('inline code found for hashing', () => {
  it('takes inline scripts and styles, not scripts with src or data blocks', () => {
    const html = page(
      '<script type="module">run("中")</script><script src="./a.js"></script><style>p{color:red}</style>',
      '<script type="text/plain" id="w">not run</script><script>classic()</script>',
    );
    expect(inlineContents(html, 'script')).toEqual(['run("中")', 'classic()']);
    expect(inlineContents(html, 'style')).toEqual(['p{color:red}']);
  });

  it('reads a "<style>" written inside a script as script text, as a browser does', () => {
    const html = page(
      '<script>const page = "<style>" + css + "</style>";</script><style>p{margin:0}</style>',
    );
    expect(inlineContents(html, 'style')).toEqual(['p{margin:0}']);
    expect(inlineContents(html, 'script')).toEqual(['const page = "<style>" + css + "</style>";']);
  });
});

describe('the policy', () => {
  it('forbids every connection and allows inline code only by the hash of its exact bytes', async () => {
    const script = 'document.title = "年报"';
    const style = 'body { margin: 0 }';
    const policy = contentSecurityPolicy(
      page(`<script type="module">${script}</script><style>${style}</style>`),
    );
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", await browserHash(script)]);
    expect(directives.get('style-src')).toEqual(["'self'", await browserHash(style)]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toMatch(/https?:/);
  });

  it('changes when one byte of the inline script changes', () => {
    const a = contentSecurityPolicy(page('<script type="module">a()</script>'));
    const b = contentSecurityPolicy(page('<script type="module">b()</script>'));
    expect(a).not.toEqual(b);
  });

  it('sits right after <meta charset>, before every script', () => {
    const html = withCsp(page('<script type="module">x()</script>'));
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(meta).toBeLessThan(html.indexOf('<script'));
  });

  it('refuses a page without <meta charset>', () => {
    expect(() => withCsp('<html><head></head></html>')).toThrow(/charset/);
  });

  it('names what a hash cannot allow: inline handlers, style attributes, remote scripts', () => {
    expect(inlineProblems(page('', '<button onclick="x()">b</button>'))).toHaveLength(1);
    expect(inlineProblems(page('', '<p style="color:red">p</p>'))).toHaveLength(1);
    expect(inlineProblems(page('<script src="https://cdn.example/x.js"></script>'))).toHaveLength(1);
    expect(inlineProblems(page('<script type="module">ok()</script>', '<p class="a">p</p>'))).toEqual([]);
  });
});
