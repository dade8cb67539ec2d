import { useState } from 'preact/hooks';
import { importReport } from '../../import/import-report.ts';
import type { ImportResult } from '../../import/issues.ts';
import { type ImportedDraft, ImportReview } from './ImportReview.tsx';
import { type PastedSource, SourceInput } from './SourceInput.tsx';
import './import.css';

export type { ImportedDraft } from './ImportReview.tsx';

export interface ImportScreenProps {
  /** The clerk confirmed the review: store it as a new draft (the caller keeps a revision). */
  onConfirm(draft: ImportedDraft): void;
  onCancel(): void;
  /** The importer (tests may pass their own); default importReport. */
  importer?: (input: { text?: string; html?: string }) => ImportResult;
}

type Stage =
  | { stage: 'input' }
  | { stage: 'review'; result: Extract<ImportResult, { ok: true }>; origin: string };

/** 导入往年报告: paste or drop a published report, then review it side by side before it counts. */
export function ImportScreen({ onConfirm, onCancel, importer = importReport }: ImportScreenProps) {
  const [state, setState] = useState<Stage>({ stage: 'input' });
  const [message, setMessage] = useState<string | null>(null);

  const onSource = (source: PastedSource) => {
    const result = importer({
      ...(source.text ? { text: source.text } : {}),
      ...(source.html ? { html: source.html } : {}),
    });
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(null);
    setState({ stage: 'review', result, origin: source.origin });
  };

  if (state.stage === 'input') {
    return (
      <div class="import-screen">
        <SourceInput onSource={onSource} message={message} onMessage={setMessage} />
        <div class="import-buttons">
          <button type="button" onClick={onCancel}>
            取消
          </button>
        </div>
      </div>
    );
  }
  const { result, origin } = state;
  return (
    <div class="import-screen">
      <ImportReview
        report={result.report}
        issues={result.issues}
        format={result.format}
        notImported={result.notImported}
        notImportedCells={result.notImportedCells}
        sourceText={result.sourceText}
        origin={origin}
        onConfirm={() =>
          onConfirm({
            report: result.report,
            issues: result.issues,
            format: result.format,
            notImported: result.notImported,
          })
        }
        onBack={() => setState({ stage: 'input' })}
        onCancel={onCancel}
      />
    </div>
  );
}
