// Email and password, then (when the account has it) the TOTP code: the login screen and the
// idle-expiry dialog both use this form. Refusals get a clear text; a lock-out or throttle
// says how long to wait (retry_after).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type LoginResponse } from '../api/client';
import { login } from '../api/endpoints';
import { useI18n } from '../i18n';
import { Notice, TextField } from '../ui/controls';
import { formatTime } from '../ui/format';
import { useForm } from '../ui/useForm';
import './login.css';

/** A refusal that says how long to wait. */
type Wait = { kind: 'locked'; minutes: number; until: Date } | { kind: 'throttled'; seconds: number; until: Date };

type Field = 'email' | 'password' | 'code';

interface Props {
  /** id prefix, so the page and the dialog never share ids */
  idPrefix: string;
  /** the email of the expired session (the dialog) */
  email?: string;
  onSuccess: (res: LoginResponse) => void;
  /** tells the parent which step shows (for its heading) */
  onStep?: (step: 'password' | 'totp') => void;
  submitLabel?: string;
}

export function LoginForm({ idPrefix, email: fixedEmail, onSuccess, onStep, submitLabel }: Props) {
  const { t } = useI18n();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [wait, setWait] = useState<Wait | null>(null);
  const [waiting, setWaiting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm<Record<Field, string>, Field>({
    initial: { email: fixedEmail ?? '', password: '', code: '' },
    fields: ['email', 'password', 'code'],
    problemField: () => null,
    explain: (err, failure) => {
      if (err instanceof ApiError && (err.code === 'account_locked' || err.code === 'login_throttled')) {
        const seconds = err.retryAfter ?? 60;
        const until = new Date(Date.now() + seconds * 1000);
        if (err.code === 'account_locked') {
          setWait({ kind: 'locked', minutes: Math.max(1, Math.ceil(seconds / 60)), until });
        } else {
          setWait({ kind: 'throttled', seconds: Math.max(1, seconds), until });
        }
        return {};
      }
      if (err instanceof ApiError && err.code === 'totp_invalid') {
        form.set('code', '');
        return { errors: { code: t('login.totpInvalid') } };
      }
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        if (step === 'totp') setStep('password');
        passwordRef.current?.focus();
        passwordRef.current?.select();
        return { formError: t('login.invalidCredentials'), focus: 'password' };
      }
      return failure; // at the top, where the focus does not go
    },
  });
  const { email, password, code } = form.values;

  useEffect(() => onStep?.(step), [step, onStep]);

  useEffect(() => {
    if (step === 'totp') codeRef.current?.focus();
    else if (fixedEmail) passwordRef.current?.focus();
    else emailRef.current?.focus();
  }, [step, fixedEmail]);

  // A throttle ends by itself: the button works again when the wait is over.
  useEffect(() => {
    if (!wait || wait.kind !== 'throttled') {
      setWaiting(false);
      return;
    }
    const ms = wait.until.getTime() - Date.now();
    if (ms <= 0) {
      setWaiting(false);
      return;
    }
    setWaiting(true);
    const timer = window.setTimeout(() => setWaiting(false), ms);
    return () => window.clearTimeout(timer);
  }, [wait]);

  useEffect(() => {
    if (wait) alertRef.current?.focus();
  }, [wait]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy || waiting) return;
    setWait(null);
    if (step === 'password' && (!email.trim() || !password)) {
      form.showFailure({ formError: t('login.missing'), focus: email.trim() ? 'password' : 'email' });
      return;
    }
    if (step === 'totp' && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      form.showFailure({ errors: { code: t('login.totpFormat') } });
      return;
    }
    void form.submit(async () => {
      try {
        const body =
          step === 'totp'
            ? { email: email.trim(), password, totp_code: code.replace(/\s/g, '') }
            : { email: email.trim(), password };
        onSuccess(await login(body));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'totp_required' && step === 'password') setStep('totp');
        else throw err;
      }
    });
  }

  let formAlert: { title: string; text?: string } | null = form.formError ? { title: form.formError } : null;
  const refusal = wait;
  if (refusal?.kind === 'locked') {
    formAlert = {
      title: t('login.lockedTitle'),
      text: t(refusal.minutes === 1 ? 'login.lockedTextOne' : 'login.lockedText', {
        minutes: refusal.minutes,
        time: formatTime(refusal.until),
      }),
    };
  }
  if (refusal?.kind === 'throttled') {
    formAlert = {
      title: t('login.throttledTitle'),
      text: t(refusal.seconds === 1 ? 'login.throttledTextOne' : 'login.throttledText', { seconds: refusal.seconds }),
    };
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      <div className="login-form__alert" ref={alertRef} tabIndex={-1} role="alert">
        {formAlert ? (
          <Notice kind="error" title={formAlert.title}>
            {formAlert.text ? <p>{formAlert.text}</p> : null}
          </Notice>
        ) : null}
      </div>
      {step === 'password' ? (
        <>
          <TextField
            id={`${idPrefix}-email`}
            label={t('login.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            readOnly={Boolean(fixedEmail)}
            {...form.bind('email', { ref: emailRef })}
          />
          <TextField
            id={`${idPrefix}-password`}
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            {...form.bind('password', { ref: passwordRef })}
          />
        </>
      ) : (
        <>
          <p className="login-form__intro">{t('login.totpIntro')}</p>
          <TextField
            id={`${idPrefix}-code`}
            label={t('login.totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={7}
            width="short"
            className="input--code"
            {...form.bind('code', {
              ref: codeRef,
              onValue: (value) => form.update((v) => ({ ...v, code: value })), // the message stays until the next try
            })}
          />
        </>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary button--wide" disabled={form.busy || waiting} aria-disabled={form.busy || waiting}>
          {form.busy ? <span className="spinner" aria-hidden="true" /> : null}
          {step === 'totp' ? t('login.totpSubmit') : (submitLabel ?? t('login.submit'))}
        </button>
        {step === 'totp' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setStep('password');
              form.set('code', '');
              form.clearFormError();
              setWait(null);
            }}
          >
            {t('login.back')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
