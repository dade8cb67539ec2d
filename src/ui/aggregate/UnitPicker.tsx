import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredDraft } from '../../aggregate/units.ts';
import { StoredDraftPicker } from './StoredDraftPicker.tsx';

export interface UnitPickerProps {
  busy: boolean;
  onFiles(files: File[]): void;
  listStoredDrafts?: () => Promise<StoredDraft[]>;
  onStored(drafts: StoredDraft[]): void;
  /** Keys of units already listed (store:<id>), so a draft is not added twice. */
  added: ReadonlySet<string>;
}

/** Whether this browser lets a file input pick a whole folder (Chromium, Firefox, Safari do). */
const folderPickSupported = () =>
  typeof HTMLInputElement !== 'undefined' && 'webkitdirectory' in HTMLInputElement.prototype;

const filesOf = (input: HTMLInputElement) => {
  const files = [...(input.files ?? [])];
  input.value = ''; // picking the same files again must fire change again
  return files;
};

/**
 * Where units come from: many files at once, a whole folder, files dropped here, or the browser's own
 * drafts. The file inputs are real `<input type="file">` elements (labelled, so a test can set their
 * files); the buttons in front of them are what the keyboard reaches.
 */
export function UnitPicker({ busy, onFiles, listStoredDrafts, onStored, added }: UnitPickerProps) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [choosingStored, setChoosingStored] = useState(false);
  const withFolder = folderPickSupported();

  useEffect(() => {
    // Preact has no JSX name for these attributes; set them as the DOM knows them.
    folder.current?.setAttribute('webkitdirectory', '');
    folder.current?.setAttribute('directory', '');
  }, [withFolder]);

  return (
    <section
      class={`aggregate-picker ${dragging ? 'aggregate-dragging' : ''}`}
      aria-labelledby="aggregate-picker-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const dropped = [...(e.dataTransfer?.files ?? [])];
        if (dropped.length) onFiles(dropped);
      }}
    >
      <h3 id="aggregate-picker-title">添加各单位的报告</h3>
      <p class="aggregate-help">
        选择各单位报送的草稿文件（.nianbao.json）或年报数据文件（.json），可以一次选择多个，也可以把文件拖到这里
        {withFolder ? '，或选择存放这些文件的整个文件夹' : ''}
        {listStoredDrafts ? '；也可以加入本浏览器中的草稿' : ''}。文件只在本机读取，不会上传。
      </p>
      <div class="aggregate-buttons">
        <button type="button" class="primary" disabled={busy} onClick={() => files.current?.click()}>
          选择文件…
        </button>
        <input
          ref={files}
          type="file"
          multiple
          accept=".json,application/json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label="选择各单位的年报文件（可多选）"
          onChange={(e) => onFiles(filesOf(e.currentTarget))}
        />
        {withFolder ? (
          <>
            <button type="button" disabled={busy} onClick={() => folder.current?.click()}>
              选择文件夹…
            </button>
            <input
              ref={folder}
              type="file"
              multiple
              class="visually-hidden"
              tabIndex={-1}
              aria-label="选择存放各单位年报文件的文件夹"
              onChange={(e) => onFiles(filesOf(e.currentTarget))}
            />
          </>
        ) : null}
        {listStoredDrafts ? (
          <button
            type="button"
            disabled={busy || choosingStored}
            aria-expanded={choosingStored}
            onClick={() => setChoosingStored(true)}
          >
            加入浏览器中的草稿…
          </button>
        ) : null}
      </div>
      {choosingStored && listStoredDrafts ? (
        <StoredDraftPicker
          list={listStoredDrafts}
          added={added}
          onAdd={(drafts) => {
            setChoosingStored(false);
            onStored(drafts);
          }}
          onCancel={() => setChoosingStored(false)}
        />
      ) : null}
    </section>
  );
}
