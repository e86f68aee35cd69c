// Asks before a step that cannot simply be undone (disabling an account, resetting a password):
// a modal <dialog> that names what will happen, with the step and Cancel; Cancel has the focus,
// Escape cancels. While the step runs, its button shows a spinner; a refusal shows in the dialog,
// which stays open so the step can be tried again.
import { useId, useRef } from 'react';
import { useI18n } from '../i18n';
import { Notice } from './notice';
import { useModalDialog } from './useModalDialog';
import './buttons.css';
import './dialog.css';
import './confirm.css';

export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  busy,
  error,
  errorTitle,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  busy: boolean;
  /** What went wrong the last time, if it did. */
  error: string | null;
  errorTitle: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const uid = useId();
  const ref = useModalDialog(open, () => cancelRef.current?.focus());

  return (
    <dialog
      ref={ref}
      className="dialog confirm"
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-text`}
      onCancel={(e) => {
        e.preventDefault(); // closed by its state, not by the browser
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <div className="confirm__body">
          <h2 className="confirm__title" id={`${uid}-title`}>
            {title}
          </h2>
          <p id={`${uid}-text`}>{text}</p>
          {error ? (
            <Notice kind="error" live="alert" title={errorTitle}>
              <p>{error}</p>
            </Notice>
          ) : null}
          <div className="actions confirm__actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {confirmLabel}
            </button>
            <button type="button" className="button button--secondary" ref={cancelRef} disabled={busy} onClick={onCancel}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
