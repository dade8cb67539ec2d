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

export function OpenFileMessages({ notice, onDismiss }: { notice: FileNotice | null; onDismiss(): void }) {
  if (!notice) return null;
  const details = notice.details ?? [];
  const warnings = notice.warnings ?? [];
  return (
    <section
      class={`file-notice file-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      aria-label="文件消息"
    >
      <p class="file-notice-message">{notice.message}</p>
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
