// The message catalogues (nl.ts, en.ts: the same keys) and the language the user chose,
// remembered in localStorage. Dutch unless the user switched.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';
export type Lang = 'nl' | 'en';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const STORAGE_KEY = 'huidig.lang';
const catalogues = { nl, en } as const;

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'nl' || v === 'en') return v;
  } catch {
    // storage blocked: Dutch
  }
  return 'nl';
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text: string = catalogues[lang][key] ?? nl[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** True when the catalogue has this key (for texts chosen by an API code). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

const initialLang = storedLang();
api.setLanguage(initialLang);
document.documentElement.lang = initialLang;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    api.setLanguage(lang);
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    api.setLanguage(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
