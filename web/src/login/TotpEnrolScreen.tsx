// TOTP enrolment (R-SEC-1): scan the QR code (an <img> of the server's SVG as a data: URI,
// never markup in the page) or type the key, then confirm with a first code.
import { useEffect, useRef, useState } from 'react';
import { ApiError, isSessionEnded, type TotpEnrolment } from '../api/client';
import { confirmTotpEnrolment, startTotpEnrolment } from '../api/endpoints';
import { useI18n } from '../i18n';
import { Notice, TextField } from '../ui/controls';
import { errorText } from '../ui/errors';
import { ScreenTitle } from '../ui/screen';
import { useForm } from '../ui/useForm';
import { useSession } from './session';
import './login.css';

function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The code as typed, without spaces. */
function clean(code: string): string {
  return code.replace(/\s/g, '');
}

function grouped(secret: string): string {
  return secret.replace(/=+$/, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function TotpEnrolScreen() {
  const { t } = useI18n();
  const { updateMe } = useSession();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const started = useRef(false);
  const form = useForm({
    initial: { code: '' },
    fields: ['code'],
    validate: (v) => ({ code: /^\d{6}$/.test(clean(v.code)) ? undefined : t('login.totpFormat') }),
    problemField: (err) => (err.code === 'totp_invalid' || err.field === 'code' ? 'code' : null),
    explain: (err, failure) => {
      if (!failure.errors?.code) return failure;
      form.set('code', ''); // a wrong code is typed again from the start
      return err instanceof ApiError && err.code === 'totp_invalid' ? { errors: { code: t('totp.invalid') } } : failure;
    },
  });

  function start() {
    setLoadError(null);
    startTotpEnrolment()
      .then(setEnrolment)
      .catch((err: unknown) => {
        if (!isSessionEnded(err)) setLoadError(errorText(t, err));
      });
  }

  useEffect(() => {
    if (started.current) return; // one secret per visit, also under StrictMode
    started.current = true;
    start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <main className="auth-card auth-card--wide" id="main">
      <ScreenTitle title={t('totp.title')} />
      <p>{t('totp.intro')}</p>
      {loadError ? (
        <Notice kind="error" live="alert">
          <p>{loadError}</p>
          <button type="button" className="button button--secondary" onClick={start}>
            {t('action.retry')}
          </button>
        </Notice>
      ) : null}
      {enrolment ? (
        <>
          <ol className="steps">
            <li>
              <p>{t('totp.step1')}</p>
              <img className="qr" src={svgDataUri(enrolment.qr_svg)} alt={t('totp.qrAlt')} width={220} height={220} />
            </li>
            <li>
              <p>{t('totp.step2')}</p>
              <p className="secret">
                <code id="totp-secret">
                  {grouped(enrolment.secret)}
                </code>
              </p>
            </li>
            <li>
              <p>{t('totp.step3')}</p>
              <form onSubmit={form.onSubmit(async (v) => updateMe(await confirmTotpEnrolment(clean(v.code))))} noValidate>
                {form.formError ? (
                  <Notice kind="error" live="alert">
                    <p>{form.formError}</p>
                  </Notice>
                ) : null}
                <TextField
                  id="code"
                  label={t('login.totpCode')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  width="short"
                  className="input--code"
                  {...form.bind('code')}
                />
                <div className="actions">
                  <button type="submit" className="button button--primary" disabled={form.busy}>
                    {t('totp.submit')}
                  </button>
                </div>
              </form>
            </li>
          </ol>
        </>
      ) : !loadError ? (
        <p className="loading" role="status">
          {t('state.loading')}
        </p>
      ) : null}
    </main>
  );
}
