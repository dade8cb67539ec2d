import { useEffect, useState } from 'preact/hooks';
import type { ReportHtml } from '../../export/html/index.ts';
import type { Report } from '../../report/document.ts';
import { copyHtml } from './clipboard.ts';
import { downloadFile, exportFileName } from './export-files.ts';

type HtmlModule = typeof import('../../export/html/index.ts');

export interface WebPanelProps {
  report: Report;
  onClose(): void;
}

type Outcome = { kind: 'copied' | 'downloaded'; text: string } | { kind: 'failed'; text: string } | null;

/**
 * 导出网页: the report as HTML for the website (a complete page, or the fragment for a CMS's source
 * view), or 复制网页内容 to paste into its rich-text editor with the tables. The writer is loaded when
 * this panel opens, so a copy happens within the click (browsers allow copying only then).
 */
export function WebPanel({ report, onClose }: WebPanelProps) {
  const [writer, setWriter] = useState<HtmlModule | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('../../export/html/index.ts').then(
      (module) => live && setWriter(module),
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const html = (): ReportHtml | null => (writer ? writer.exportReportHtml(report) : null);
  const download = (kind: 'html' | 'fragment') => {
    const out = html();
    if (!out) return;
    const name = exportFileName(report, out.draft, kind);
    downloadFile(kind === 'html' ? out.page : out.fragment, name, kind);
    setOutcome({ kind: 'downloaded', text: `已开始下载「${name}」。` });
  };
  const copy = async () => {
    const out = html();
    if (!out) return;
    const ok = await copyHtml(out.fragment, out.text);
    setOutcome(
      ok
        ? {
            kind: 'copied',
            text: `已复制网页内容（含三张表格）。请在网站后台的编辑器中粘贴（Ctrl+V）。${out.draft ? '注意：这是草稿，顶部写有“草稿”字样，请不要发布。' : ''}`,
          }
        : {
            kind: 'failed',
            text: '浏览器不允许复制到剪贴板。请改用“下载网页片段”，在网站后台的“源代码”模式中粘贴文件内容。',
          },
    );
  };

  return (
    <>
      <p>
        网页（HTML）用于在政府网站发布：标题、正文和三张表格（合并表头与官方表格一致），只带少量样式，不含脚本和外部资源，
        粘贴到网站后台的编辑器中会保留表格。审核未通过或提示未确认时，顶部写明“草稿”。
      </p>
      <div class="export-progress" role="status" aria-live="polite">
        {!writer && !loadFailed ? '正在准备网页内容…' : null}
        {outcome && outcome.kind !== 'failed' ? outcome.text : null}
      </div>
      {loadFailed || outcome?.kind === 'failed' ? (
        <p class="export-failed" role="alert">
          {loadFailed ? '无法加载网页导出组件。请刷新页面后重试；草稿已保存，不会丢失。' : outcome?.text}
        </p>
      ) : null}
      <div class="export-buttons">
        <button type="button" class="primary" disabled={!writer} onClick={() => void copy()}>
          复制网页内容
        </button>
        <button type="button" disabled={!writer} onClick={() => download('html')}>
          下载网页文件
        </button>
        <button type="button" disabled={!writer} onClick={() => download('fragment')}>
          下载网页片段
        </button>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </>
  );
}
