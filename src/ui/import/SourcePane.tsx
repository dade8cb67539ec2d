import type { ImportSeverity } from '../../import/issues.ts';
import { severityClass, sourceLineId } from './review-marks.ts';

export interface SourcePaneProps {
  text: string;
  origin: string;
  /** Lines issues point to, marked like their cells. */
  lines: ReadonlyMap<number, ImportSeverity>;
}

/** The source as the importer read it, numbered, with the lines issues point to marked. */
export function SourcePane({ text, origin, lines }: SourcePaneProps) {
  return (
    <section class="import-source" aria-labelledby="import-source-title">
      <h3 id="import-source-title">原文（{origin}）</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to be scrolled by keyboard */}
      <ol class="import-source-lines" tabIndex={0} aria-label="原文，逐行">
        {text.split('\n').map((line, i) => {
          const no = i + 1;
          const severity = lines.get(no);
          return (
            <li
              key={no}
              id={sourceLineId(no)}
              class={severity ? `source-line ${severityClass(severity)}` : 'source-line'}
              tabIndex={-1}
            >
              {line.replace(/\t/g, '⇥ ') || '\u00a0'}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
