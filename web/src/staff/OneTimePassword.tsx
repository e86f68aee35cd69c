// A colleague's one-time password, right after it was made (a new account or a reset; R-STAFF-3):
// shown this once, large, with a copy button and what the colleague must do with it. The app
// keeps it nowhere else: once closed (or when the owner's next step starts) it is gone. Its title
// (`otp-<id>-title`) takes the focus from the screen, once a dialog before it has closed.
import { useRef, useState } from 'react';
import type { NewStaffAccount } from '../api/client';
import { useI18n } from '../i18n';

export function OneTimePassword({
  account,
  kind,
  onDone,
}: {
  account: NewStaffAccount;
  /** A new colleague, or a new password for one. */
  kind: 'new' | 'reset';
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const passwordRef = useRef<HTMLElement>(null);
  const id = `otp-${account.id}`;

  async function copyPassword() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(account.one_time_password);
      setCopy('copied');
    } catch {
      // Not allowed here (no secure context, or refused): select it for the owner to copy.
      const el = passwordRef.current;
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopy('failed');
    }
  }

  const name = account.name;
  return (
    <section className="otp" id={id} aria-labelledby={`${id}-title`}>
      <h3 className="otp__title" id={`${id}-title`} tabIndex={-1}>
        {kind === 'new' ? t('otp.titleNew', { name }) : t('otp.titleReset', { name })}
      </h3>
      <p>{t('otp.text', { name, email: account.email })}</p>
      <div className="otp__box">
        <p className="otp__label">
          {t('otp.label')}
        </p>
        <div className="otp__row">
          <code className="otp__password" id={`${id}-password`} ref={passwordRef}>
            {account.one_time_password}
          </code>
          <button type="button" className="button button--secondary" onClick={() => void copyPassword()}>
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <rect x="6.5" y="6.5" width="10" height="11" rx="1.8" fill="none" stroke="currentColor" strokeWidth="1.7" />
              <path d="M13.5 4.5v-.7c0-1-.8-1.8-1.8-1.8H5.3c-1 0-1.8.8-1.8 1.8v8.4c0 1 .8 1.8 1.8 1.8h.7" fill="none" stroke="currentColor" strokeWidth="1.7" />
            </svg>
            {t('otp.copy')}
          </button>
        </div>
        <p className={`otp__copied${copy === 'failed' ? ' otp__copied--failed' : ''}`} role="status">
          {copy === 'copied' ? t('otp.copied') : copy === 'failed' ? t('otp.copyFailed') : ''}
        </p>
      </div>
      <p className="otp__once">{t('otp.once')}</p>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('otp.done')}
      </button>
    </section>
  );
}
