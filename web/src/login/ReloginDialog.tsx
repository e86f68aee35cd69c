// The idle-expiry dialog: a modal <dialog> over the page, which stays mounted underneath (and
// inert while the dialog is open), so whatever was typed is still there after the new login.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { LoginForm } from './LoginForm';
import { useSession } from './session';
import './login.css';
import '../ui/dialog.css';

export function ReloginDialog() {
  const { t } = useI18n();
  const { relogin, reloginDone, reloginAbandon } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const onStep = useCallback((s: 'password' | 'totp') => setStep(s), []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (relogin && !dialog.open) {
      dialog.showModal();
      // The email is known: start at the password.
      dialog.querySelector<HTMLInputElement>('#relogin-password')?.focus();
    }
    if (!relogin && dialog.open) dialog.close();
  }, [relogin]);

  return (
    <dialog
      ref={ref}
      className="dialog relogin"
      aria-labelledby="relogin-title"
      aria-describedby="relogin-text"
      onCancel={(e) => e.preventDefault() /* Escape does not throw the work away */}
    >
      {relogin ? (
        <div className="relogin__body">
          <h2 id="relogin-title" className="relogin__title">
            {step === 'totp' ? t('login.totpTitle') : t('relogin.title')}
          </h2>
          <p id="relogin-text">{t('relogin.text')}</p>
          <LoginForm idPrefix="relogin" email={relogin.email} onStep={onStep} onSuccess={reloginDone} submitLabel={t('relogin.submit')} />
          <p className="relogin__other">
            <button type="button" className="button button--link" onClick={reloginAbandon}>
              {t('relogin.abandon')}
            </button>
          </p>
        </div>
      ) : null}
    </dialog>
  );
}
