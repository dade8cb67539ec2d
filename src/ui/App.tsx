import example from '../../examples/gx-kjt-2021.json';
import { blankReport, type Report, ReportSchema } from '../report/document.ts';
import { Editor } from './editor/Editor.tsx';
import { SeverityBadge } from './editor/FindingsPanel.tsx';
import { useEditor } from './editor/useEditor.ts';

/** The bundled sample report (广西科技厅 2021), offered as 示例 so a new user can explore a real report. */
export function exampleReport(): Report {
  return { ...ReportSchema.parse(example), id: `example-${Date.now().toString(36)}` };
}

export function App({ initial }: { initial?: () => Report }) {
  const editor = useEditor(initial ?? (() => blankReport()));
  return (
    <div class="app">
      <header class="topbar">
        <span class="app-name">信息公开年报填报工具</span>
        <SeverityBadge findings={editor.findings} />
        <nav class="actions" aria-label="操作">
          <button type="button" onClick={editor.undo} disabled={!editor.canUndo} title="Ctrl+Z">
            撤销
          </button>
          <button type="button" onClick={editor.redo} disabled={!editor.canRedo} title="Ctrl+Y">
            重做
          </button>
          <button type="button" onClick={() => editor.load(blankReport())}>
            新建
          </button>
          <button type="button" onClick={() => editor.load(exampleReport())}>
            示例
          </button>
        </nav>
      </header>
      <main>
        <Editor editor={editor} />
      </main>
    </div>
  );
}
