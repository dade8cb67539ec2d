import { useRef, useState } from 'preact/hooks';
import type { FileInput } from '../../import/files/report-file.ts';
import { withinLimits } from '../../import/limits.ts';
import { useFileDrop } from '../files/useFileDrop.ts';

export interface PastedSource {
  text?: string;
  html?: string;
  /** Where it came from, for the review screen: 「粘贴的内容」 or the file name. */
  origin: string;
}

export interface SourceInputProps {
  onSource(source: PastedSource): void;
  /** Reads a dropped or chosen file (default: the browser's reader, which loads pdf.js / mammoth on first use). */
  readFile?: (file: File) => Promise<FileInput>;
  /** A message to show (a file that cannot be read, nothing recognised). */
  message: string | null;
  onMessage(message: string | null): void;
}

const ACCEPTED =
  '.pdf,.docx,.txt,.text,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/html';

/** The file reader, loaded with the importer's chunk on first use. */
const readFileLater = async (file: File) =>
  (await import('../../import/files/read-file-browser.ts')).readReportFile(file);

/** 「（PDF，表格按页面位置重建）」: how the review's source was made from the file. */
function originOf(name: string): string {
  if (/\.pdf$/i.test(name)) return `${name}，PDF 的文字，表格按页面上的位置重建`;
  if (/\.docx$/i.test(name)) return `${name}，Word 文件的文字`;
  return name;
}

/**
 * The import box: paste (Ctrl+V) takes what the clipboard offers, HTML (a web page's real tables)
 * and plain text; a .txt/.html file can be dropped on it or chosen; text typed or pasted by other
 * means is read with 识别.
 */
export function SourceInput({
  onSource,
  message,
  onMessage,
  readFile: read = readFileLater,
}: SourceInputProps) {
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onPaste = (e: ClipboardEvent) => {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const plain = data.getData('text/plain');
    if (!html && !plain) return;
    e.preventDefault();
    // Far larger than any report: refused at once, before the box has to show it.
    const limited = withinLimits({ html, text: plain });
    if (!limited.ok) {
      onMessage(limited.message);
      return;
    }
    setText(limited.input.text ?? '');
    onSource({ ...limited.input, origin: '粘贴的内容' });
  };

  const readFile = async (file: File) => {
    if (reading) return;
    onMessage(null);
    setReading(file.name);
    let result: FileInput;
    try {
      result = await read(file);
    } catch {
      result = { ok: false, message: '读取这个文件时出现意外问题。请刷新页面后重试。' };
    } finally {
      setReading(null);
    }
    if (!result.ok) {
      onMessage(`${file.name}：${result.message}`);
      return;
    }
    onSource({ ...result.input, origin: originOf(file.name) });
  };

  // A report dropped anywhere on this screen, not only on the box, is the one to import.
  const { dragging: overWindow } = useFileDrop((dropped) => {
    if ('error' in dropped) onMessage('一次只能导入一个文件：请只拖入上一年度的那一份年报。');
    else void readFile(dropped.file);
  });

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    // The file is for the importer, not a draft file for the window's own drop handler.
    e.stopPropagation();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) void readFile(file);
  };

  return (
    <section
      class={`import-input ${dragging ? 'import-dragging' : ''}`}
      aria-labelledby="import-input-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {overWindow && !dragging ? (
        <div class="file-drop-overlay" aria-hidden="true">
          <p>松开鼠标，导入这份年报</p>
        </div>
      ) : null}
      <h2 id="import-input-title">导入往年报告</h2>
      <p id="import-input-help" class="import-help">
        把上一年度的年报文件（PDF、Word 的 .docx、网页 .html 或 .txt）拖到这里，或点“打开文件”；也可以在
        网页、Word 或 PDF 阅读器中全选并复制，再在下面的框中粘贴（Ctrl+V）。导入后先核对，确认后才会成为草稿。
      </p>
      <label for="import-paste" class="import-label">
        粘贴年报全文
      </label>
      <textarea
        id="import-paste"
        class="import-paste"
        rows={10}
        aria-describedby="import-input-help"
        placeholder="在此粘贴（Ctrl+V）：从标题到“六、其他需要报告的事项”"
        value={text}
        onPaste={onPaste}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      {reading ? (
        <p class="import-reading" role="status">
          正在读取“{reading}”…（第一次打开 PDF 或 Word 文件需要几秒钟）
        </p>
      ) : null}
      {message ? (
        <p class="import-message" role="alert">
          {message}
        </p>
      ) : null}
      <div class="import-buttons">
        <button
          type="button"
          class="primary"
          disabled={!text.trim()}
          onClick={() => {
            const limited = withinLimits({ text });
            if (limited.ok) onSource({ text, origin: '粘贴的内容' });
            else onMessage(limited.message);
          }}
        >
          识别
        </button>
        <button type="button" disabled={reading !== null} onClick={() => fileInput.current?.click()}>
          打开文件…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPTED}
          class="visually-hidden"
          tabIndex={-1}
          aria-label="选择年报文件（.pdf、.docx、.html 或 .txt）"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = ''; // the same file may be chosen again
            if (file) void readFile(file);
          }}
        />
      </div>
    </section>
  );
}
