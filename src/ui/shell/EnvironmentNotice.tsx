import { useMemo, useState } from 'preact/hooks';
import { type Advice, detectEnvironment, type Environment } from '../../platform/environment.ts';

/** Where this browser remembers which warnings the clerk has read (the same for every draft). */
const DISMISSED_KEY = 'nianbao.environment-notice.dismissed';

function readDismissed(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function remember(texts: readonly string[]) {
  try {
    localStorage.setItem(DISMISSED_KEY, JSON.stringify([...new Set([...readDismissed(), ...texts])]));
  } catch {
    // No localStorage (a policy): the notice simply comes back next time.
  }
}

/**
 * What this browser refuses here (opened from a file, no browser storage, IE 兼容模式, too old) and what
 * to do instead, on the start page: nothing fails silently. Info-level advice stays in the 关于 panel.
 * A warning read once (知道了) is not shown again in this browser — the 存储 and 关于 panels still say
 * it — unless its text changes; what blocks the tool is shown every time.
 */
export function EnvironmentNotice({ environment }: { environment?: Environment }) {
  const env = useMemo(() => environment ?? detectEnvironment(), [environment]);
  const [dismissed, setDismissed] = useState(false);
  const read = useMemo(() => new Set(readDismissed()), []);
  const shown = env.advice.filter(
    (a: Advice) => a.level === 'blocker' || (a.level === 'warning' && !read.has(a.text)),
  );
  if (dismissed || shown.length === 0) return null;
  const blocking = shown.some((a) => a.level === 'blocker');
  return (
    <div
      class={`environment-notice ${blocking ? 'environment-blocker' : ''}`}
      role={blocking ? 'alert' : 'status'}
    >
      <ul>
        {shown.map((a) => (
          <li key={a.text}>{a.text}</li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => {
          remember(shown.filter((a) => a.level === 'warning').map((a) => a.text));
          setDismissed(true);
        }}
      >
        {blocking ? '知道了' : '知道了，不再提示'}
      </button>
    </div>
  );
}
