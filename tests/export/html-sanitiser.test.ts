// @vitest-environment node
/**
 * The fragment passes through an allow-list sanitiser unchanged: the kind a CMS's rich-text editor
 * runs on pasted or uploaded HTML (keep these tags, these attributes, these style properties; drop
 * everything else, and a disallowed element with its content). Serialised before and after by parse5,
 * the same text means nothing was removed. (DOMPurify is run on it in real Chromium, in the e2e test:
 * under happy-dom it drops a leading <div> of any input.)
 */
import { type DefaultTreeAdapterMap, parseFragment, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { exportReportHtml } from '../../src/export/html/index.ts';
import type { Report } from '../../src/report/document.ts';
import { sample } from './fixtures.ts';

type Node = DefaultTreeAdapterMap['node'];
type Parent = DefaultTreeAdapterMap['parentNode'];

const TAGS = new Set([
  'div',
  'h1',
  'h2',
  'h3',
  'p',
  'br',
  'strong',
  'b',
  'em',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ATTRIBUTES = new Set([
  'style',
  'colspan',
  'rowspan',
  'scope',
  'border',
  'cellspacing',
  'cellpadding',
  'width',
  'align',
]);
const STYLE = new Set([
  'text-align',
  'text-indent',
  'vertical-align',
  'font-weight',
  'font-size',
  'color',
  'border',
  'border-collapse',
  'width',
  'margin',
  'margin-bottom',
  'padding',
]);

function cleanStyle(style: string): string {
  return style
    .split(';')
    .filter((d) => STYLE.has(d.split(':')[0]!.trim()) && !/url\(|expression|javascript:/i.test(d))
    .join(';');
}

/** Removes what the allow-list does not name, in place. */
function sanitise(node: Parent): void {
  node.childNodes = node.childNodes.filter(
    (child: Node) => child.nodeName === '#text' || ('tagName' in child && TAGS.has(child.tagName)),
  );
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    child.attrs = child.attrs
      .filter((a) => ATTRIBUTES.has(a.name))
      .map((a) => (a.name === 'style' ? { ...a, value: cleanStyle(a.value) } : a))
      .filter((a) => a.value !== '' || a.name !== 'style');
    sanitise(child);
  }
}

describe('the fragment through an allow-list sanitiser', () => {
  const reports: [string, Report][] = [
    ['the sample', sample()],
    [
      'a draft with hostile text',
      {
        ...sample(),
        agency: '某局<script>alert(1)</script><img src=x onerror=alert(1)>',
        preamble: '<a href="javascript:alert(2)">链接</a><style>body{display:none}</style>',
        cells: { ...sample().cells, 't3.new.natural': 5 },
        notes: { 't3.new.total': '<span style="background:url(x)">注</span>' },
      },
    ],
  ];
  for (const [name, report] of reports) {
    it(`${name}: nothing is removed`, () => {
      const { fragment } = exportReportHtml(report);
      const before = serialize(parseFragment(fragment));
      const tree = parseFragment(fragment);
      sanitise(tree);
      expect(serialize(tree)).toBe(before);
    });
  }

  it('the sanitiser does remove what it does not allow (it is not a no-op)', () => {
    const tree = parseFragment(
      '<div onclick="x()"><script>alert(1)</script><p style="background:url(x);text-align:center">a</p></div>',
    );
    sanitise(tree);
    expect(serialize(tree)).toBe('<div><p style="text-align:center">a</p></div>');
  });
});
