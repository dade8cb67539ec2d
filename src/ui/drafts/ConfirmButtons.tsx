import type { ComponentChildren } from 'preact';
import { useFocusOnMount } from './useFocusOnMount.ts';

export interface ConfirmButtonsProps {
  /** The confirming button's text, saying exactly what will happen. */
  children: ComponentChildren;
  /** Accessible name when the text alone is not enough (e.g. which draft). */
  label?: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The second step of an irreversible action: the confirming button (focused) and 取消. */
export function ConfirmButtons({
  children,
  label,
  danger = false,
  disabled = false,
  onConfirm,
  onCancel,
}: ConfirmButtonsProps) {
  const confirm = useFocusOnMount<HTMLButtonElement>();
  return (
    <>
      <button
        type="button"
        ref={confirm}
        class={danger ? 'danger' : 'primary'}
        aria-label={label}
        disabled={disabled}
        onClick={onConfirm}
      >
        {children}
      </button>
      <button type="button" onClick={onCancel} disabled={disabled}>
        取消
      </button>
    </>
  );
}
