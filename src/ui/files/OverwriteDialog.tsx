import type { ReportChange } from '../../files/diff.ts';
import type { Report } from '../../report/document.ts';
import { reportTitle } from '../../report/template.ts';
import { ChoiceDialog } from './ChoiceDialog.tsx';
import { DiffList } from './DiffList.tsx';

export type OverwriteChoice = 'overwrite' | 'new' | 'cancel';

export interface OverwriteDialogProps {
  fileName: string;
  existing: Report;
  diff: readonly ReportChange[];
  onChoose(choice: OverwriteChoice): void;
}

const CHOICES = [
  {
    value: 'overwrite',
    label: '覆盖',
    hint: '用文件的内容替换浏览器中的草稿；替换前的内容先保存为一个历史版本，可以恢复。',
  },
  { value: 'new', label: '另存为新草稿', hint: '文件作为另一份草稿打开，浏览器中的草稿保持不变。' },
  { value: 'cancel', label: '取消', hint: '不打开文件，什么也不改变。' },
] as const;

/** The file holds a draft that is already in the browser, with different content: ask, never overwrite silently. */
export function OverwriteDialog({ fileName, existing, diff, onChoose }: OverwriteDialogProps) {
  const title = reportTitle(existing.agency, existing.year);
  return (
    <ChoiceDialog title="浏览器中已有这份草稿" choices={CHOICES} cancel="cancel" onChoose={onChoose}>
      <p>
        文件「{fileName}」与浏览器中的草稿「{title}」是同一份草稿，但内容有 {diff.length} 处不同：
      </p>
      <DiffList changes={diff} />
    </ChoiceDialog>
  );
}
