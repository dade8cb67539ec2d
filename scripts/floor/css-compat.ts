/**
 * What in a stylesheet is newer than the Chromium floor, according to MDN's browser-compat-data:
 * properties (field-sizing), keyword values with their own entry (overflow: clip), functions in values
 * (color-mix()), pseudo-classes and -elements (:has), at-rules (@container, @layer), media features
 * and range syntax, and nesting. A rule Chromium cannot parse is dropped whole, silently: on 86 the
 * print rules with :has() never applied, and nothing said so.
 *
 * `unsupported` fails the floor check (tests/e2e/floor-build.e2e.ts); `partial` are entries MDN marks
 * as partly implemented at the floor (e.g. break-after: avoid is parsed but not honoured when printing
 * before Chromium 108): reported, not failed, since the page still works.
 */
import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import postcss, { type AtRule, type Declaration, type Rule } from 'postcss';
import selectorParser from 'postcss-selector-parser';

export const FLOOR_CHROMIUM = 86;

interface SupportStatement {
  version_added: string | boolean | null;
  version_removed?: string | boolean | null;
  partial_implementation?: boolean;
  prefix?: string;
  alternative_name?: string;
  flags?: unknown[];
  notes?: string | string[];
}
interface CompatNode {
  __compat?: { support: { chrome?: SupportStatement | SupportStatement[] } };
  [sub: string]: unknown;
}

export interface CompatFinding {
  /** What was used, e.g. ":has()", "field-sizing", "overflow: clip", "@container". */
  feature: string;
  /** The BCD path, e.g. css.selectors.has. */
  path: string;
  /** First Chromium with full support, or null when none has it. */
  since: number | null;
  line: number | undefined;
  partial: boolean;
}

const version = (v: string | boolean | null | undefined): number | null =>
  typeof v === 'string' ? Number.parseFloat(v.replace(/^≤/, '')) : null;

/** Chromium's support of a BCD node at the floor: full, partial, or none (with the first full version). */
function chromeSupport(
  node: CompatNode | undefined,
): { ok: boolean; partial: boolean; since: number | null } | null {
  const support = node?.__compat?.support.chrome;
  if (!support) return null;
  const statements = (Array.isArray(support) ? support : [support]).filter(
    (s) => !s.flags && !s.prefix && !s.alternative_name,
  );
  const since = statements
    .filter((s) => !s.partial_implementation && version(s.version_added) !== null && !s.version_removed)
    .map((s) => version(s.version_added)!)
    .sort((a, b) => a - b)[0];
  if (since !== undefined && since <= FLOOR_CHROMIUM) return { ok: true, partial: false, since };
  const partial = statements.some(
    (s) =>
      s.partial_implementation &&
      (version(s.version_added) ?? Infinity) <= FLOOR_CHROMIUM &&
      (version(s.version_removed as string) ?? Infinity) > FLOOR_CHROMIUM,
  );
  return { ok: false, partial, since: since ?? null };
}

const css = bcd.css as unknown as Record<string, Record<string, CompatNode>>;

/** Every function of css.types, at the top level or one level down (color-mix is css.types.color.color-mix). */
const FUNCTIONS = (() => {
  const map = new Map<string, [string, CompatNode]>();
  for (const [type, node] of Object.entries(css.types!)) {
    if (node.__compat) map.set(type, [`css.types.${type}`, node]);
    for (const [sub, child] of Object.entries(node)) {
      if (sub !== '__compat' && (child as CompatNode).__compat && !map.has(sub))
        map.set(sub, [`css.types.${type}.${sub}`, child as CompatNode]);
    }
  }
  return map;
})();

export function cssCompat(source: string, from = 'style.css'): CompatFinding[] {
  const findings: CompatFinding[] = [];
  const seen = new Set<string>();
  const check = (feature: string, path: string, node: CompatNode | undefined, line: number | undefined) => {
    const support = chromeSupport(node);
    if (!support || (support.ok && !support.partial)) return;
    const key = `${path} ${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ feature, path, since: support.since, line, partial: support.partial });
  };

  const root = postcss.parse(source, { from });
  root.walkAtRules((rule: AtRule) => {
    const line = rule.source?.start?.line;
    const name = rule.name.toLowerCase();
    check(`@${name}`, `css.at-rules.${name}`, css['at-rules']![name], line);
    if (name === 'media') {
      const media = css['at-rules']!.media!;
      for (const [, feature] of rule.params.matchAll(/\(\s*([a-z-]+)\s*[:)<>=]/g))
        check(`@media (${feature})`, `css.at-rules.media.${feature}`, media[feature!] as CompatNode, line);
      if (/[<>]=?/.test(rule.params))
        check(
          '@media range syntax',
          'css.at-rules.media.range_syntax',
          media.range_syntax as CompatNode,
          line,
        );
    }
  });
  root.walkRules((rule: Rule) => {
    const line = rule.source?.start?.line;
    if (rule.parent?.type === 'rule')
      check('CSS nesting', 'css.selectors.nesting', css.selectors!.nesting, line);
    selectorParser((selectors) => {
      selectors.walk((node) => {
        if (node.type === 'nesting') check('&', 'css.selectors.nesting', css.selectors!.nesting, line);
        if (node.type !== 'pseudo') return;
        const name = node.value.replace(/^::?/, '').toLowerCase();
        check(
          `${node.value}${node.nodes.length ? '()' : ''}`,
          `css.selectors.${name}`,
          css.selectors![name],
          line,
        );
      });
    }).processSync(rule.selector);
  });
  root.walkDecls((decl: Declaration) => {
    const line = decl.source?.start?.line;
    const prop = decl.prop.toLowerCase();
    if (prop.startsWith('--')) return;
    // Inside @page, `size` and `margin` are the at-rule's descriptors, not properties.
    const inPage = decl.parent?.type === 'atrule' && (decl.parent as AtRule).name.toLowerCase() === 'page';
    const page = css['at-rules']!.page!;
    const property = inPage && page[prop] ? (page[prop] as CompatNode) : css.properties![prop];
    check(
      prop,
      inPage && page[prop] ? `css.at-rules.page.${prop}` : `css.properties.${prop}`,
      property,
      line,
    );
    for (const [, word] of decl.value.toLowerCase().matchAll(/(?<![\w-])([a-z][a-z-]*)(?![\w-])/g)) {
      if (property && word !== '__compat' && (property[word!] as CompatNode | undefined)?.__compat)
        check(`${prop}: ${word}`, `css.properties.${prop}.${word}`, property[word!] as CompatNode, line);
    }
    for (const [, fn] of decl.value.toLowerCase().matchAll(/([a-z][a-z-]*)\(/g)) {
      // clip: rect(…) is the old clip property's own syntax, not the basic shape rect() of Chromium 119.
      if (prop === 'clip' && fn === 'rect') continue;
      const found = FUNCTIONS.get(fn!);
      if (found) check(`${fn}()`, found[0], found[1], line);
    }
  });
  return findings;
}

export function describeFinding(f: CompatFinding): string {
  const needs = f.since === null ? 'no Chromium supports it fully' : `needs Chromium ${f.since}`;
  return `line ${f.line ?? '?'}: ${f.feature} ${f.partial ? `only partly supported on ${FLOOR_CHROMIUM}, ` : ''}${needs} (${f.path})`;
}
