import { useEffect, useState } from 'preact/hooks';
import type { StoredDraft } from '../../aggregate/units.ts';
import { useFocusOnMount } from '../drafts/useFocusOnMount.ts';

export interface StoredDraftPickerProps {
  list: () => Promise<StoredDraft[]>;
  /** Unit keys already in the 汇总 (store:<id>). */
  added: ReadonlySet<string>;
  onAdd(drafts: StoredDraft[]): void;
  onCancel(): void;
}

type Listing = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; drafts: StoredDraft[] };

/** Tick the browser's drafts to add to the 汇总; drafts already added are shown ticked and fixed. */
export function StoredDraftPicker({ list, added, onAdd, onCancel }: StoredDraftPickerProps) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const heading = useFocusOnMount<HTMLLegendElement>();

  useEffect(() => {
    let live = true;
    list().then(
      (drafts) => live && setListing({ state: 'ready', drafts }),
      () => live && setListing({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [list]);

  const isAdded = (d: StoredDraft) => added.has(`store:${d.id}`);
  const toggle = (id: string, on: boolean) =>
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const drafts = listing.state === 'ready' ? listing.drafts : [];
  const addable = drafts.filter((d) => !isAdded(d));
  return (
    <fieldset class="aggregate-stored">
      <legend tabIndex={-1} ref={heading}>
        浏览器中的草稿
      </legend>
      {listing.state === 'loading' ? <p role="status">正在读取草稿列表…</p> : null}
      {listing.state === 'failed' ? (
        <p role="alert">读取浏览器中的草稿时出错，请关闭后重试；也可以先把草稿保存到文件，再选择文件。</p>
      ) : null}
      {listing.state === 'ready' && drafts.length === 0 ? <p>浏览器中还没有草稿。</p> : null}
      {drafts.length > 0 ? (
        <ul class="aggregate-stored-list">
          {drafts.map((d) => (
            <li key={d.id}>
              <label>
                <input
                  type="checkbox"
                  checked={isAdded(d) || picked.has(d.id)}
                  disabled={isAdded(d)}
                  onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                />{' '}
                {d.name}
                {isAdded(d) ? '（已加入）' : ''}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="aggregate-buttons">
        <button
          type="button"
          class="primary"
          disabled={picked.size === 0}
          onClick={() => onAdd(addable.filter((d) => picked.has(d.id)))}
        >
          加入所选（{picked.size}）
        </button>
        <button type="button" disabled={addable.length === 0} onClick={() => onAdd(addable)}>
          全部加入
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </fieldset>
  );
}
