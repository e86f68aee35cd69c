// A one-time password (from `huidig init` or a reset) must be replaced before anything else.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, isSessionEnded } from '../api/client';
import { changePassword, getMe } from '../api/endpoints';
import { useI18n } from '../i18n';
import { Notice, TextField } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { ScreenTitle } from '../ui/screen';
import { useSession } from './session';

type FieldName = 'current_password' | 'new_password' | 'repeat';

export function PasswordChangeScreen() {
  const { t } = useI18n();
  const { updateMe } = useSession();
  const [values, setValues] = useState<Record<FieldName, string>>({ current_password: '', new_password: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    current_password: useRef<HTMLInputElement>(null),
    new_password: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };

  function set(name: FieldName, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!values.current_password) found.current_password = t('field.required');
    if (!values.new_password) found.new_password = t('field.required');
    else if (values.new_password.length < 8) found.new_password = t('field.new_password.password_too_short');
    if (values.new_password && values.repeat !== values.new_password) found.repeat = t('password.mismatch');
    setErrors(found);
    setFormError(null);
    const first = (['current_password', 'new_password', 'repeat'] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      await changePassword({ current_password: values.current_password, new_password: values.new_password });
      updateMe(await getMe());
    } catch (err) {
      if (isSessionEnded(err)) return;
      if (err instanceof ApiError && (err.field === 'current_password' || err.field === 'new_password')) {
        const field = err.field;
        setErrors({ [field]: fieldErrorText(t, err) });
        refs[field].current?.focus();
      } else {
        setFormError(errorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-card auth-card--wide" id="main">
      <ScreenTitle title={t('password.title')} />
      <p>{t('password.intro')}</p>
      <form onSubmit={submit} noValidate>
        {formError ? (
          <Notice kind="error" live="alert">
            <p>{formError}</p>
          </Notice>
        ) : null}
        <TextField
          id="current_password"
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={values.current_password}
          error={errors.current_password}
          onChange={(e) => set('current_password', e.target.value)}
          ref={refs.current_password}
        />
        <TextField
          id="new_password"
          label={t('password.new')}
          hint={t('password.newHint')}
          type="password"
          autoComplete="new-password"
          required
          value={values.new_password}
          error={errors.new_password}
          onChange={(e) => set('new_password', e.target.value)}
          ref={refs.new_password}
        />
        <TextField
          id="repeat"
          label={t('password.repeat')}
          type="password"
          autoComplete="new-password"
          required
          value={values.repeat}
          error={errors.repeat}
          onChange={(e) => set('repeat', e.target.value)}
          ref={refs.repeat}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
