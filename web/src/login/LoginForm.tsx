// Email and password, then (when the account has it) the TOTP code: the login screen and the
// idle-expiry dialog both use this form. Refusals get a clear text; a lock-out or throttle
// says how long to wait (retry_after).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type LoginResponse } from '../api/client';
import { login } from '../api/endpoints';
import { useI18n } from '../i18n';
import { Notice, TextField } from '../ui/controls';
import { errorText } from '../ui/errors';
import { formatTime } from '../ui/format';

type Refusal =
  | { kind: 'text'; text: string; on: 'password' | 'code' | 'form' }
  | { kind: 'locked'; minutes: number; until: Date }
  | { kind: 'throttled'; seconds: number; until: Date };

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
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [waiting, setWaiting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => onStep?.(step), [step, onStep]);

  useEffect(() => {
    if (step === 'totp') codeRef.current?.focus();
    else if (fixedEmail) passwordRef.current?.focus();
    else emailRef.current?.focus();
  }, [step, fixedEmail]);

  // A throttle ends by itself: the button works again when the wait is over.
  useEffect(() => {
    if (!refusal || refusal.kind !== 'throttled') {
      setWaiting(false);
      return;
    }
    const ms = refusal.until.getTime() - Date.now();
    if (ms <= 0) {
      setWaiting(false);
      return;
    }
    setWaiting(true);
    const timer = window.setTimeout(() => setWaiting(false), ms);
    return () => window.clearTimeout(timer);
  }, [refusal]);

  function refuse(err: unknown, currentStep: 'password' | 'totp') {
    if (err instanceof ApiError && (err.code === 'account_locked' || err.code === 'login_throttled')) {
      const seconds = err.retryAfter ?? 60;
      const until = new Date(Date.now() + seconds * 1000);
      if (err.code === 'account_locked') {
        setRefusal({ kind: 'locked', minutes: Math.max(1, Math.ceil(seconds / 60)), until });
      } else {
        setRefusal({ kind: 'throttled', seconds: Math.max(1, seconds), until });
      }
      return;
    }
    if (err instanceof ApiError && err.code === 'totp_invalid') {
      setRefusal({ kind: 'text', text: t('login.totpInvalid'), on: 'code' });
      setCode('');
      codeRef.current?.focus();
      return;
    }
    if (err instanceof ApiError && err.code === 'invalid_credentials') {
      setRefusal({ kind: 'text', text: t('login.invalidCredentials'), on: 'form' });
      if (currentStep === 'totp') {
        setStep('password');
      }
      passwordRef.current?.focus();
      passwordRef.current?.select();
      return;
    }
    setRefusal({ kind: 'text', text: errorText(t, err), on: 'form' });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || waiting) return;
    if (step === 'password' && (!email.trim() || !password)) {
      setRefusal({ kind: 'text', text: t('login.missing'), on: 'form' });
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    if (step === 'totp' && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setRefusal({ kind: 'text', text: t('login.totpFormat'), on: 'code' });
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      const body =
        step === 'totp'
          ? { email: email.trim(), password, totp_code: code.replace(/\s/g, '') }
          : { email: email.trim(), password };
      const res = await login(body);
      onSuccess(res);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required' && step === 'password') {
        setStep('totp');
      } else {
        refuse(err, step);
      }
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (refusal && refusal.kind !== 'text') alertRef.current?.focus();
  }, [refusal]);

  const codeError = refusal?.kind === 'text' && refusal.on === 'code' ? refusal.text : undefined;
  let formAlert: { title: string; text?: string } | null = null;
  if (refusal?.kind === 'text' && refusal.on !== 'code') formAlert = { title: refusal.text };
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
            value={email}
            readOnly={Boolean(fixedEmail)}
            onChange={(e) => setEmail(e.target.value)}
            ref={emailRef}
          />
          <TextField
            id={`${idPrefix}-password`}
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            ref={passwordRef}
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
            value={code}
            error={codeError}
            onChange={(e) => setCode(e.target.value)}
            ref={codeRef}
          />
        </>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary button--wide" disabled={busy || waiting} aria-disabled={busy || waiting}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {step === 'totp' ? t('login.totpSubmit') : (submitLabel ?? t('login.submit'))}
        </button>
        {step === 'totp' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setStep('password');
              setCode('');
              setRefusal(null);
            }}
          >
            {t('login.back')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
