import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Report } from '../../report/document.ts';
import { reviewReport } from '../../report/review-state.ts';
import type { Finding } from '../../report/rules.ts';
import { formatBytes } from '../../storage/persistence.ts';
import { DocxPanel } from './DocxPanel.tsx';
import { downloadPdf, openPdfForPrint, pdfFileName } from './pdf-file.ts';
import { type ApprovalPlace, usePdfExport } from './usePdfExport.ts';
import { WebPanel } from './WebPanel.tsx';
import './export.css';

export type ExportFormat = 'pdf' | 'docx' | 'html';

const FORMATS: readonly [ExportFormat, string][] = [
  ['pdf', 'PDF（打印、归档）'],
  ['docx', 'Word（.docx，公文流转）'],
  ['html', '网页（发布到网站）'],
];

export interface ExportDialogProps {
  report: Report;
  findings: readonly Finding[];
  /** When the report on screen was saved (printed with the fingerprint); may save pending edits first. */
  savedAt: () => Promise<Date>;
  /** 'print' opens the finished PDF in the browser's viewer; 'download' saves it. */
  intent: 'download' | 'print';
  onClose(): void;
  /** Test seam: the worker to export with. */
  makeWorker?: () => Worker;
  /** Test seam: loads the Word export worker. */
  loadDocxWorker?: () => Promise<() => Worker>;
}

/**
 * 导出 (PDF, Word or 网页, side by side) / 打印 (PDF only): options (审签单 for PDF and Word); for the
 * PDF the glyph check, progress, then download or the viewer; Word and 网页 in their own panels.
 */
export function ExportDialog(props: ExportDialogProps) {
  const { report, findings, savedAt, intent, onClose, makeWorker } = props;
  const { state, start, reset } = usePdfExport(makeWorker);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [docxBusy, setDocxBusy] = useState(false);
  const [approval, setApproval] = useState<ApprovalPlace>(null);
  const [blocked, setBlocked] = useState(false);
  const review = reviewReport(report, findings);
  const name = pdfFileName(report, review.state !== '审核通过');
  const ids = { title: useId(), approval: useId(), format: useId() };
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => first.current?.focus(), []);

  // The finished PDF goes where the clerk asked, once.
  const delivered = useRef<Uint8Array | null>(null);
  useEffect(() => {
    if (state.phase !== 'done' || delivered.current === state.pdf) return;
    delivered.current = state.pdf;
    if (intent === 'download') downloadPdf(state.pdf, name);
    else setBlocked(!openPdfForPrint(state.pdf));
  }, [state, intent, name]);

  const run = async (markMissing: boolean) =>
    start({ report, savedAt: await savedAt(), approvalSheet: approval, markMissing });
  const working = state.phase === 'checking' || state.phase === 'exporting' || docxBusy;
  const heading = intent === 'print' ? '打印报告' : '导出 PDF · Word · 网页';
  // Escape closes (not while a file is being made) wherever the focus is: the button clicked is
  // replaced by the result once the file is made, and the focus falls to the page.
  const closeOnEscape = useRef(() => {});
  closeOnEscape.current = () => !working && onClose();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      closeOnEscape.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section class="export-dialog" role="dialog" aria-modal="true" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{heading}</h2>
      {review.state === '有错误' ? (
        <p class="export-warning" role="alert">
          {`审核还有 ${review.errors.length} 个错误${review.open.length ? `、${review.open.length} 条提示未确认` : ''}：`}
          {'导出的每一页都会带「草稿 · 审核未通过」水印，PDF 首页列出未解决的问题。'}
          改正全部错误、确认全部提示后导出的才是正式版本。
        </p>
      ) : review.state === '待确认' ? (
        <p class="export-warning" role="alert">
          {`审核没有错误，但还有 ${review.open.length} 条提示未确认：`}
          {'导出的每一页都会带「草稿 · 提示未确认」水印，PDF 首页列出这些提示。'}
          请在审核结果中逐条核实，改正或点“确认无误”写明说明后，导出的才是正式版本。
        </p>
      ) : (
        <p>
          审核通过，导出的是正式版本（无水印）
          {review.confirmed.length ? `；已确认的 ${review.confirmed.length} 条提示及其说明列在审签单上` : ''}
          。每页页脚印有文件指纹和保存时间，用于核对纸质件与文件。
        </p>
      )}
      {intent === 'download' ? (
        <fieldset class="export-options export-formats" disabled={working}>
          <legend>格式</legend>
          {FORMATS.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={ids.format}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset class="export-options" disabled={working} hidden={format === 'html'}>
        <legend id={ids.approval}>审签单（起草人、审核人、签发人、日期）</legend>
        {(
          [
            [null, '不加'],
            ['before', '加在报告前'],
            ['after', '加在报告后'],
          ] as const
        ).map(([value, label]) => (
          <label key={label}>
            <input
              type="radio"
              name={ids.approval}
              checked={approval === value}
              onChange={() => setApproval(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>

      {format === 'pdf' ? (
        <>
          <div class="export-progress" role="status" aria-live="polite">
            {state.phase === 'checking' ? '正在检查字形…' : null}
            {state.phase === 'exporting' ? (
              <>
                <progress max={1} value={state.progress?.fraction ?? 0} aria-label="导出进度" />{' '}
                {state.progress?.label ?? '正在准备导出（首次导出需加载字体）…'}
              </>
            ) : null}
            {state.phase === 'done' ? (
              <span>
                已生成「{name}」（{formatBytes(state.pdf.byteLength)}，文件指纹 {state.fingerprint}）。
                {intent === 'download' ? '已开始下载。' : blocked ? '' : '已在新标签页中打开，请在其中打印。'}
              </span>
            ) : null}
          </div>

          {state.phase === 'missing' ? (
            <div class="export-missing" role="alert">
              <p>以下 {state.missing.length} 个字符在 PDF 字体中没有字形，直接打印会变成空白或方块：</p>
              <ul>
                {state.missing.map((m) => (
                  <li key={m.codePoint}>
                    「{m.char}」（{m.codePoint}）出现在：{m.places.join('、')}
                  </li>
                ))}
              </ul>
              <p>
                可以返回修改这些文字（例如改用常用字），或者在 PDF
                中用编码标出它们（如〔U+20000〕），打印后手写补上。
              </p>
              <div class="export-buttons">
                <button type="button" onClick={onClose}>
                  返回修改
                </button>
                <button type="button" class="primary" onClick={() => void run(true)}>
                  用编码标出并继续
                </button>
              </div>
            </div>
          ) : null}
          {state.phase === 'failed' ? (
            <p class="export-failed" role="alert">
              {state.message}
            </p>
          ) : null}

          <div class="export-buttons">
            {state.phase === 'done' ? (
              <>
                <button type="button" onClick={() => downloadPdf(state.pdf, name)}>
                  再次下载
                </button>
                <button type="button" onClick={() => setBlocked(!openPdfForPrint(state.pdf))}>
                  在新标签页中打开（打印）
                </button>
                <button type="button" onClick={reset}>
                  重新生成
                </button>
              </>
            ) : state.phase !== 'missing' ? (
              <button
                type="button"
                class="primary"
                ref={first}
                disabled={working}
                onClick={() => void run(false)}
              >
                {intent === 'print' ? '生成并打开' : '生成并下载'}
              </button>
            ) : null}
            <button type="button" onClick={onClose} disabled={working}>
              关闭
            </button>
          </div>
          {blocked ? (
            <p class="export-warning" role="alert">
              浏览器阻止了新标签页。请点击“在新标签页中打开（打印）”。
            </p>
          ) : null}
        </>
      ) : format === 'docx' ? (
        <DocxPanel
          report={report}
          savedAt={savedAt}
          approval={approval}
          onBusy={setDocxBusy}
          onClose={onClose}
          loadWorker={props.loadDocxWorker}
        />
      ) : (
        <WebPanel report={report} onClose={onClose} />
      )}
    </section>
  );
}
