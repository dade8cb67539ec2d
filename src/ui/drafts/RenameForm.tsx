import { useId, useState } from 'preact/hooks';
import type { DraftSummary } from '../../storage/repository.ts';
import { useFocusOnMount } from './useFocusOnMount.ts';

export interface RenameFormProps {
  draft: DraftSummary;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/** Inline renaming in the list: Enter saves, Esc cancels, empty goes back to the default name. */
export function RenameForm({ draft, onSubmit, onCancel }: RenameFormProps) {
  const [name, setName] = useState(draft.customName ?? draft.name);
  const inputId = useId();
  const hintId = useId();
  const input = useFocusOnMount<HTMLInputElement>();
  return (
    <form
      class="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(name);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label for={inputId}>新名称</label>
      <input
        id={inputId}
        type="text"
        value={name}
        maxLength={100}
        ref={input}
        aria-describedby={hintId}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit">确定</button>
      <button type="button" onClick={onCancel}>
        取消
      </button>
      <span id={hintId} class="rename-hint">
        名称只用于草稿列表，不改变报告中的机关名称；留空则恢复为“机关名称＋年度”。
      </span>
    </form>
  );
}
