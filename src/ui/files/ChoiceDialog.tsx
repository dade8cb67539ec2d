/**
 * A small modal dialog: a title, content and a row of choices. Focus starts on the safe choice,
 * stays inside the dialog (Tab cycles) and Esc picks the cancel choice.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Shown under the button row: what the choice does. */
  hint?: string;
}

export interface ChoiceDialogProps<T extends string> {
  title: string;
  children: ComponentChildren;
  choices: readonly Choice<T>[];
  /** The choice Esc means, and where focus starts. */
  cancel: T;
  onChoose(choice: T): void;
}

export function ChoiceDialog<T extends string>({
  title,
  children,
  choices,
  cancel,
  onChoose,
}: ChoiceDialogProps<T>) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLButtonElement>(`button[data-choice="${cancel}"]`)?.focus();
    return () => previous?.focus?.();
  }, [cancel]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onChoose(cancel);
    } else if (e.key === 'Tab') {
      const buttons = Array.from(dialog.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = e.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
      e.preventDefault();
      buttons[next]?.focus();
    }
  };

  return (
    <div class="file-dialog-backdrop">
      <div
        ref={dialog}
        class="file-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div class="file-dialog-body">{children}</div>
        <div class="file-dialog-choices">
          {choices.map((c) => (
            <button key={c.value} type="button" data-choice={c.value} onClick={() => onChoose(c.value)}>
              {c.label}
            </button>
          ))}
        </div>
        {choices.some((c) => c.hint) && (
          <ul class="file-dialog-hints">
            {choices
              .filter((c) => c.hint)
              .map((c) => (
                <li key={c.value}>
                  <strong>{c.label}</strong>：{c.hint}
                </li>
              ))}
          </ul>
        )}
      </div>
    </div>
  );
}
