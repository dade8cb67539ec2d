/**
 * The last saves of drafts being closed. Leaving the editor for the draft list saves what was typed
 * last while the list is already reading the drafts (the editor's clean-up may even run after the
 * list's first read): the list reads them again when such a save is done, so it never shows a name
 * or a 审核 state from before the last keystrokes.
 */
const listeners = new Set<() => void>();

/** Tells the listeners when `save` (a closing draft's final save) has settled, saved or not. */
export function trackClosingSave(save: Promise<unknown>): void {
  const done = () => {
    for (const listener of listeners) listener();
  };
  save.then(done, done);
}

/** Calls `listener` after each closing save; returns the unsubscribe. */
export function onClosingSave(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
