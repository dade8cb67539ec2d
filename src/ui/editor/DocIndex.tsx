import { useEffect } from 'preact/hooks';
import { SECTIONS } from '../../report/template.ts';
import { fieldDomId } from '../findings-index.ts';

interface Entry {
  /** On the button: 「基本信息」「前言」「一」…「六」. */
  short: string;
  heading: string;
  /** Alt+<key> from anywhere in the editor. */
  key?: string;
  /** Where the section starts (scrolled to the top, under the toolbar). */
  section(): HTMLElement | null;
  /** Where typing starts: a text box, or the table's first cell that can be typed in. */
  field(): HTMLElement | null;
}

const byId = (id: string) => () => document.getElementById(id);

const ENTRIES: readonly Entry[] = [
  {
    short: '基本信息',
    heading: '报告基本信息',
    key: '0',
    section: () => document.querySelector<HTMLElement>('.meta'),
    field: byId(fieldDomId('agency')),
  },
  {
    short: '前言',
    heading: '前言',
    section: byId(`${fieldDomId('preamble')}-heading`),
    field: byId(fieldDomId('preamble')),
  },
  ...SECTIONS.map(
    (s, i): Entry =>
      s.kind === 'text'
        ? {
            short: s.no,
            heading: s.heading,
            key: String(i + 1),
            section: byId(`${fieldDomId(s.key)}-heading`),
            field: byId(fieldDomId(s.key)),
          }
        : {
            short: s.no,
            heading: s.heading,
            key: String(i + 1),
            section: byId(`heading-${s.table}`),
            field: () =>
              document.querySelector<HTMLElement>(`.grid-${s.table} input[data-cell]:not([readonly])`),
          },
  ),
];

function jump(entry: Entry) {
  const section = entry.section();
  // The page's scroll-padding keeps the heading clear of the toolbar.
  section?.scrollIntoView({ block: 'start' });
  const field = entry.field();
  if (field) {
    field.focus({ preventScroll: true });
    if (field instanceof HTMLInputElement) field.select();
  }
}

/**
 * 目录: the report's parts, one button each, to jump there with the cursor in its first field —
 * instead of ~200 Tab presses through the tables. Each numbered part also has a key, Alt+1 … Alt+6
 * (Alt+0 for 基本信息), handled here rather than as access keys, which differ between browsers.
 */
export function DocIndex({ vertical = false }: { vertical?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // e.code: with an IME or another layout e.key is not always the digit.
      const digit = /^Digit(\d)$/.exec(e.code)?.[1] ?? (/^\d$/.test(e.key) ? e.key : null);
      const entry = digit === null ? undefined : ENTRIES.find((x) => x.key === digit);
      if (!entry) return;
      e.preventDefault();
      jump(entry);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <nav class={`doc-index ${vertical ? 'doc-index-vertical' : ''}`} aria-label="报告目录">
      <span class="doc-index-title">目录</span>
      {ENTRIES.map((entry) => (
        <button
          key={entry.heading}
          type="button"
          aria-keyshortcuts={entry.key ? `Alt+${entry.key}` : undefined}
          title={entry.key ? `${entry.heading}（Alt+${entry.key}）` : entry.heading}
          aria-label={entry.heading}
          onClick={() => jump(entry)}
        >
          {entry.short}
        </button>
      ))}
    </nav>
  );
}
