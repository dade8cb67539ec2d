import { useRef, useState } from 'preact/hooks';
import { decodeReportBytes, isHtmlFileName } from '../../import/decode-text.ts';
import { fileTooLargeMessage, MAX_TEXT_FILE_BYTES, withinLimits } from '../../import/limits.ts';

export interface PastedSource {
  text?: string;
  html?: string;
  /** Where it came from, for the review screen: 「粘贴的内容」 or the file name. */
  origin: string;
}

export interface SourceInputProps {
  onSource(source: PastedSource): void;
  /** A message to show (a file that cannot be read, nothing recognised). */
  message: string | null;
  onMessage(message: string | null): void;
}

const ACCEPTED = '.txt,.text,.html,.htm,text/plain,text/html';

/**
 * The import box: paste (Ctrl+V) takes what the clipboard offers, HTML (a web page's real tables)
 * and plain text; a .txt/.html file can be dropped on it or chosen; text typed or pasted by other
 * means is read with 识别.
 */
export function SourceInput({ onSource, message, onMessage }: SourceInputProps) {
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
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
    if (file.size > MAX_TEXT_FILE_BYTES) {
      onMessage(`${file.name}：${fileTooLargeMessage(file.size, MAX_TEXT_FILE_BYTES)}`);
      return;
    }
    const decoded = decodeReportBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      onMessage(`${file.name}：${decoded.message}`);
      return;
    }
    const html = isHtmlFileName(file.name);
    onSource({ ...(html ? { html: decoded.text } : { text: decoded.text }), origin: file.name });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
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
      <h2 id="import-input-title">导入往年报告</h2>
      <p id="import-input-help" class="import-help">
        打开上一年度已发布的年报（网页、Word 或 PDF），全选并复制，再在下面的框中粘贴（Ctrl+V）； 也可以把
        .txt 或 .html 文件拖到这里，或点“选择文件”。导入后先核对，确认后才会成为草稿。
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
        <button type="button" onClick={() => fileInput.current?.click()}>
          选择文件…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPTED}
          class="visually-hidden"
          tabIndex={-1}
          aria-label="选择年报文件（.txt 或 .html）"
          onChange={(e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void readFile(file);
          }}
        />
      </div>
    </section>
  );
}
