/**
 * What happened to a file: refused (with one line per problem), opened with warnings, or a plain
 * confirmation. Everything from the file is shown as text; nothing is ever interpreted as markup.
 */

export interface FileNotice {
  tone: 'error' | 'warning' | 'info';
  message: string;
  /** Problems, one per line (a refused file). */
  details?: readonly string[];
  /** Things to know about a file that did open (encoding, old format, outside edits). */
  warnings?: readonly string[];
}

/**
 * What is rendered at most, whatever a caller passes: src/files already bounds its messages (a
 * 4 MB key name is shown by its first characters), and a long line in a wrapped list item costs
 * layout time that grows faster than its length, so this is the last guard.
 */
const MAX_LINES = 30;
const MAX_CHARS = 600;

const cut = (line: string) => (line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line);

function bounded(lines: readonly string[]): string[] {
  const shown = lines.slice(0, MAX_LINES).map(cut);
  if (lines.length > MAX_LINES) shown.push(`……另有 ${lines.length - MAX_LINES} 条未列出。`);
  return shown;
}

export function OpenFileMessages({ notice, onDismiss }: { notice: FileNotice | null; onDismiss(): void }) {
  if (!notice) return null;
  const details = bounded(notice.details ?? []);
  const warnings = bounded(notice.warnings ?? []);
  return (
    <section
      class={`file-notice file-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      aria-label="文件消息"
    >
      <p class="file-notice-message">{cut(notice.message)}</p>
      {details.length > 0 && (
        <ul class="file-notice-details">
          {details.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul class="file-notice-warnings" aria-label="请注意">
          {warnings.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" class="file-notice-close" onClick={onDismiss}>
        关闭
      </button>
    </section>
  );
}
