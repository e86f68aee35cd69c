// The heading of a screen: sets the document title and, after a move inside the app, takes
// the focus so keyboard and screen-reader users start at the top of the new screen.
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { hasNavigated } from './router';
import './screen.css';

export function ScreenTitle({ title, children, focus = true }: { title: string; children?: ReactNode; focus?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (focus && hasNavigated()) ref.current?.focus();
    // only when the screen appears
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h1 className="screen__title" tabIndex={-1} ref={ref}>
      {children ?? title}
    </h1>
  );
}

export function LanguageSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className={`button button--quiet lang-switch${className ? ` ${className}` : ''}`}
      lang={other}
      onClick={() => setLang(other)}
      title={t('lang.switchTitle')}
    >
      <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M2 10h16M10 2c2.5 2.4 2.5 13.6 0 16M10 2c-2.5 2.4-2.5 13.6 0 16" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <span>{t('lang.switchTo')}</span>
    </button>
  );
}

export function Brand() {
  const { t } = useI18n();
  return (
    <span className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M9 8v16M23 8v16M9 16h14" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
    </span>
  );
}
