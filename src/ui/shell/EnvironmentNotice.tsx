import { useMemo, useState } from 'preact/hooks';
import { detectEnvironment, type Environment } from '../../platform/environment.ts';

/**
 * What this browser refuses here (opened from a file, no IndexedDB, IE 兼容模式, too old) and what to do
 * instead, on the start page: nothing fails silently. Info-level advice stays in the 关于 panel.
 */
export function EnvironmentNotice({ environment }: { environment?: Environment }) {
  const env = useMemo(() => environment ?? detectEnvironment(), [environment]);
  const [dismissed, setDismissed] = useState(false);
  const shown = env.advice.filter((a) => a.level !== 'info');
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
      <button type="button" onClick={() => setDismissed(true)}>
        知道了
      </button>
    </div>
  );
}
