import { useState } from 'preact/hooks';
import type { ImportResult } from '../../import/issues.ts';
import { useFileDrop } from '../files/useFileDrop.ts';
import { type ImportedDraft, ImportReview } from './ImportReview.tsx';
import { type PastedSource, SourceInput, type SourceInputProps } from './SourceInput.tsx';
import './import.css';

export type { ImportedDraft } from './ImportReview.tsx';

export interface ImportScreenProps {
  /** The clerk confirmed the review: store it as a new draft (the caller keeps a revision). */
  onConfirm(draft: ImportedDraft): void;
  onCancel(): void;
  /** The importer (tests may pass their own); default importReport. */
  importer?: (input: { text?: string; html?: string }) => ImportResult | Promise<ImportResult>;
  /** The file reader (tests may pass their own); default: .pdf / .docx in a worker loaded on first use. */
  readFile?: SourceInputProps['readFile'];
}

/**
 * importReport, loaded on first use: it brings the HTML parser (parse5, a quarter of the app's
 * code), which the draft list does not need at start-up.
 */
const importReportLater = async (input: { text?: string; html?: string }) =>
  (await import('../../import/import-report.ts')).importReport(input);

type Stage =
  | { stage: 'input' }
  | { stage: 'review'; result: Extract<ImportResult, { ok: true }>; origin: string };

/** 导入往年报告: paste or drop a published report, then review it side by side before it counts. */
export function ImportScreen({
  onConfirm,
  onCancel,
  importer = importReportLater,
  readFile,
}: ImportScreenProps) {
  const [state, setState] = useState<Stage>({ stage: 'input' });
  const [message, setMessage] = useState<string | null>(null);
  const [dropRefused, setDropRefused] = useState(false);
  // While a result is reviewed, a file dropped on the window is not taken (nor opened as a draft).
  useFileDrop(() => setDropRefused(true), state.stage === 'review');

  const onSource = async (source: PastedSource) => {
    let result: ImportResult;
    try {
      result = await importer({
        ...(source.text ? { text: source.text } : {}),
        ...(source.html ? { html: source.html } : {}),
      });
    } catch {
      setMessage('读取这份内容时出现意外问题。请刷新页面后重试；草稿不受影响。');
      return;
    }
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
        <SourceInput
          onSource={onSource}
          message={message}
          onMessage={setMessage}
          {...(readFile ? { readFile } : {})}
        />
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
      {dropRefused ? (
        <p class="import-message" role="alert">
          正在核对上面这份导入结果：要改为导入另一份文件，请先点“重新粘贴”，再把文件拖进来。
        </p>
      ) : null}
      <ImportReview
        report={result.report}
        issues={result.issues}
        format={result.format}
        notImported={result.notImported}
        notImportedCells={result.notImportedCells}
        failedChecks={result.failedChecks}
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
        onBack={() => {
          setDropRefused(false);
          setState({ stage: 'input' });
        }}
        onCancel={onCancel}
      />
    </div>
  );
}
