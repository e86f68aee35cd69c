// /login: the page a user sees when not signed in.
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n';
import { Notice } from '../ui/controls';
import { Brand, LanguageSwitch, ScreenTitle } from '../ui/screen';
import { LoginForm } from './LoginForm';
import { useSession } from './session';
import './login.css';

export function LoginScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const { state, signedIn } = useSession();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const onStep = useCallback((s: 'password' | 'totp') => setStep(s), []);
  const notice = state.status === 'anonymous' ? state.notice : null;
  const title = step === 'totp' ? t('login.totpTitle') : t('login.title');

  return (
    <div className="auth-page">
      <header className="auth-page__top">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="auth-card" id="main">
        <ScreenTitle title={title} focus={false} />
        {notice === 'logged_out' && step === 'password' ? (
          <Notice kind="success" live="status">
            <p>{t('login.loggedOut')}</p>
          </Notice>
        ) : null}
        {notice === 'expired' && step === 'password' ? (
          <Notice kind="info" live="status">
            <p>{t('login.expired')}</p>
          </Notice>
        ) : null}
        <LoginForm
          idPrefix="login"
          onStep={onStep}
          onSuccess={(res) => {
            signedIn(res);
            onSignedIn();
          }}
        />
      </main>
      <footer className="auth-page__foot">
        <p>{t('login.footer')}</p>
      </footer>
    </div>
  );
}
