// Signing names the signer (issue 12): a dialog "Ondertekenen als …" before the record is
// fixed, with the signer's password where the practice asks for it. Cancel has the focus;
// Escape cancels; the password never leaves this dialog except to sign.
import { useId, useRef } from 'react';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { TextField } from '../ui/controls';
import { useForm } from '../ui/useForm';
import { useModalDialog } from '../ui/useModalDialog';
import '../ui/buttons.css';
import '../ui/dialog.css';
import '../ui/confirm.css';

export function SignConfirm({
  open,
  onSign,
  onCancel,
}: {
  open: boolean;
  /** The password when the practice asks for it. */
  onSign: (password: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const uid = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const needsPassword = me.practice.sign_requires_password === true;
  const form = useForm<{ password: string }, 'password'>({
    initial: { password: '' },
    fields: ['password'],
    validate: (v) => ({ password: needsPassword && !v.password ? t('field.password.required') : undefined }),
  });

  const ref = useModalDialog(open, () => {
    form.update(() => ({ password: '' }));
    form.clearError('password');
    if (needsPassword) document.getElementById(`${uid}-password`)?.focus();
    else cancelRef.current?.focus();
  });

  return (
    <dialog
      ref={ref}
      className="dialog confirm"
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-text`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <form
          className="confirm__body"
          noValidate
          onSubmit={form.onSubmit(async (v) => onSign(needsPassword ? v.password : undefined))}
        >
          <h2 className="confirm__title" id={`${uid}-title`}>
            {t('session.signAs', { name: me.display_name })}
          </h2>
          <p id={`${uid}-text`}>{t('session.signHint')}</p>
          {needsPassword ? (
            <TextField
              id={`${uid}-password`}
              label={t('session.signPassword')}
              type="password"
              autoComplete="current-password"
              {...form.bind('password')}
            />
          ) : null}
          <div className="actions confirm__actions">
            <button type="submit" className="button button--primary">
              {t('session.signConfirm')}
            </button>
            <button type="button" className="button button--secondary" ref={cancelRef} onClick={onCancel}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}

/**
 * Enter in a single-line field moves to the next field instead of saving the form: a barcode
 * scanner ends every batch number with Enter (issue 12).
 */
export function enterMovesOn(e: React.KeyboardEvent<HTMLFormElement>) {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (!(target instanceof HTMLInputElement) || ['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return;
  e.preventDefault();
  const controls = Array.from(
    e.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])'),
  );
  controls[controls.indexOf(target) + 1]?.focus();
}
