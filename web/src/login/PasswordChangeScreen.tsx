// A one-time password (from `huidig init` or a reset) must be replaced before anything else.
import { changePassword, getMe } from '../api/endpoints';
import { useI18n } from '../i18n';
import { Notice, TextField } from '../ui/controls';
import { ScreenTitle } from '../ui/screen';
import { useForm } from '../ui/useForm';
import { useSession } from './session';
import './login.css';

type FieldName = 'current_password' | 'new_password' | 'repeat';

export function PasswordChangeScreen() {
  const { t } = useI18n();
  const { updateMe } = useSession();
  const form = useForm<Record<FieldName, string>, FieldName>({
    initial: { current_password: '', new_password: '', repeat: '' },
    fields: ['current_password', 'new_password', 'repeat'],
    validate: (v) => ({
      current_password: v.current_password ? undefined : t('field.required'),
      new_password: !v.new_password
        ? t('field.required')
        : v.new_password.length < 8
          ? t('field.new_password.password_too_short')
          : undefined,
      repeat: v.new_password && v.repeat !== v.new_password ? t('password.mismatch') : undefined,
    }),
    // The server names only these two; `repeat` is the form's own.
    problemField: (err) => (err.field === 'current_password' || err.field === 'new_password' ? err.field : null),
  });

  return (
    <main className="auth-card auth-card--wide" id="main">
      <ScreenTitle title={t('password.title')} />
      <p>{t('password.intro')}</p>
      <form
        onSubmit={form.onSubmit(async (v) => {
          await changePassword({ current_password: v.current_password, new_password: v.new_password });
          updateMe(await getMe());
        })}
        noValidate
      >
        {form.formError ? (
          <Notice kind="error" live="alert">
            <p>{form.formError}</p>
          </Notice>
        ) : null}
        <TextField
          id="current_password"
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          {...form.bind('current_password')}
        />
        <TextField
          id="new_password"
          label={t('password.new')}
          hint={t('password.newHint')}
          type="password"
          autoComplete="new-password"
          required
          {...form.bind('new_password')}
        />
        <TextField
          id="repeat"
          label={t('password.repeat')}
          type="password"
          autoComplete="new-password"
          required
          {...form.bind('repeat')}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
