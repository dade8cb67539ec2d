// @vitest-environment node
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { asciiOnlyHtml, escapeCss, escapeJs } from '../../scripts/vite/ascii-html.ts';

const isAscii = (text: string) => !/[\u0080-\u{10ffff}]/u.test(text);

interface Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}
const walk = (node: Node, visit: (n: Node) => void) => {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
};

describe('the single file in ASCII only', () => {
  it('JS: strings, templates, regular expressions (with u), identifiers and comments mean the same', () => {
    const code =
      'const 名 = "政府信息公开"; // 注释\n' +
      `const t = \`第\${1}页，共\${2}页\`;\n` +
      'const r = /[一-龥]+𠀀/u.test("公开𠀀"); const s = "𠀀".length;\n' +
      'return [名, t, r, s];';
    const escaped = escapeJs(code);
    expect(isAscii(escaped)).toBe(true);
    const run = (source: string) => new Function(source)();
    expect(run(escaped)).toEqual(run(code));
    expect(run(escaped)).toEqual(['政府信息公开', '第1页，共2页', true, 2]);
  });

  it('CSS: six-digit escapes, so the next character cannot join the escape', () => {
    expect(escapeCss('.a::after { content: "宋a"; font-family: "宋体", serif; }')).toBe(
      '.a::after { content: "\\005b8ba"; font-family: "\\005b8b\\004f53", serif; }',
    );
  });

  it('HTML: text, titles and attributes read the same; script and style keep their own escapes', () => {
    const html =
      '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>信息公开年报填报工具</title>' +
      '<style>.x::before{content:"注"}</style></head><body><div id="app" aria-label="草稿列表">正文 & 标点，</div>' +
      '<script type="module">console.log("中文")</script></body></html>';
    const out = asciiOnlyHtml(html);
    expect(isAscii(out)).toBe(true);
    const texts = (doc: Node) => {
      const seen: string[] = [];
      walk(doc, (n) => {
        if (n.nodeName === '#text') seen.push(n.value ?? '');
        for (const a of n.attrs ?? []) seen.push(`${a.name}=${a.value}`);
      });
      return seen;
    };
    const before = texts(parse(html) as unknown as Node);
    const after = texts(parse(out) as unknown as Node);
    // Text and attributes are equal after parsing; script and style text carry JS and CSS escapes.
    const plain = (list: string[]) => list.filter((t) => !/console|content/.test(t));
    expect(plain(after)).toEqual(plain(before));
    expect(out).toContain('<script type="module">console.log("\\u4e2d\\u6587")</script>');
    expect(out).toContain('content:"\\006ce8"');
  });
});
