import type { ReportChange } from '../../files/diff.ts';
import { ChoiceDialog } from './ChoiceDialog.tsx';
import { DiffList } from './DiffList.tsx';

export type HashMismatchChoice = 'new' | 'cancel';

export interface HashMismatchDialogProps {
  fileName: string;
  /** Against the stored draft of the same id; null when this browser does not have it. */
  diff: readonly ReportChange[] | null;
  /** The file's other warnings (encoding, old format), shown as well; not the hash one. */
  warnings?: readonly string[];
  onChoose(choice: HashMismatchChoice): void;
}

const CHOICES = [
  {
    value: 'new',
    label: '作为新草稿打开',
    hint: '文件作为另一份草稿打开，浏览器中的草稿保持不变；请核对内容。',
  },
  { value: 'cancel', label: '取消', hint: '不打开文件，什么也不改变。' },
] as const;

function Differences({ diff }: { diff: readonly ReportChange[] | null }) {
  if (diff === null) return <p>浏览器中没有这份草稿，无法列出具体改动；打开后请仔细核对各项内容。</p>;
  if (diff.length === 0) {
    return <p>与浏览器中的同一份草稿相比，内容没有差异（可能只改动了排版或校验值）。</p>;
  }
  return (
    <>
      <p>与浏览器中的同一份草稿相比，文件中有 {diff.length} 处不同：</p>
      <DiffList changes={diff} />
    </>
  );
}

/** The file's content does not match its hash: it was edited outside the tool. */
export function HashMismatchDialog({ fileName, diff, warnings = [], onChoose }: HashMismatchDialogProps) {
  return (
    <ChoiceDialog title="文件在本工具之外被改动过" choices={CHOICES} cancel="cancel" onChoose={onChoose}>
      <p>
        文件「{fileName}」的内容与保存时记录的校验值不一致，说明它在本工具之外被改动过（例如用记事本编辑）。
        为免误覆盖浏览器中的草稿，只能作为新草稿打开。
      </p>
      <Differences diff={diff} />
      {warnings.length > 0 && (
        <ul class="file-notice-warnings" aria-label="请注意">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </ChoiceDialog>
  );
}
