// The practice settings (owner only): the reflection period per cosmetic category, which may be
// longer than the law's 0, 1 and 7 days but never shorter (R-CONSENT-2; the server refuses a
// shorter one and names the field), and whether owners and practitioners must use a second
// factor (R-SEC-1). Both are saved with one request, so they change together or not at all.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, isSessionEnded, type PracticePatch } from '../api/client';
import { getMe, updatePractice } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe, useSession } from '../login/session';
import { Section } from '../ui/card';
import { CheckboxField, ErrorIcon, FormError, Notice, TextField } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { LAW_REFLECTION_DAYS } from './labels';

const CATEGORIES = [1, 2, 3] as const;
const inputId = (category: number) => `reflection_days_${category}`;

export function PracticeSettingsForm() {
  const { t } = useI18n();
  const me = useMe();
  const { updateMe } = useSession();
  const practice = me.practice;
  const [days, setDays] = useState<string[]>(() => practice.reflection_days.map(String));
  const [totp, setTotp] = useState(practice.totp_required);
  const [daysError, setDaysError] = useState<string | null>(null);
  /** The categories the error is about (their inputs get aria-invalid). */
  const [badCategories, setBadCategories] = useState<number[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const inputs = useRef<Record<number, HTMLInputElement | null>>({});

  function setDay(category: number, value: string) {
    setDays((d) => d.map((v, i) => (i === category - 1 ? value : v)));
    setSaved('');
    if (daysError) {
      setDaysError(null);
      setBadCategories([]);
      setFormError(null);
    }
  }

  /** The error about the periods: at the fieldset, on the inputs it concerns, the first focused. */
  function showDaysError(text: string, categories: number[]) {
    const bad = categories.length ? categories : [...CATEGORIES];
    setDaysError(text);
    setBadCategories(bad);
    inputs.current[bad[0]!]?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    setSaved('');
    const numbers = days.map((d) => (/^\s*\d{1,3}\s*$/.test(d) ? Number(d) : NaN));
    const invalid = CATEGORIES.filter((c) => !(numbers[c - 1]! >= 0 && numbers[c - 1]! <= 365));
    if (invalid.length) {
      showDaysError(t('field.reflection_days.invalid_value'), invalid);
      return;
    }
    const body: PracticePatch = {};
    if (numbers.some((n, i) => n !== practice.reflection_days[i])) body.reflection_days = numbers;
    if (totp !== practice.totp_required) body.totp_required = totp;
    if (Object.keys(body).length === 0) {
      setSaved(t('settings.unchanged'));
      return;
    }
    setBusy(true);
    try {
      const next = await updatePractice(body);
      setDays(next.reflection_days.map(String));
      setTotp(next.totp_required);
      setDaysError(null);
      setBadCategories([]);
      setSaved(t('settings.saved'));
      if (next.totp_required && !me.totp_enabled) {
        // The owner has no second factor yet: the server now asks for one first (the app shows
        // the enrolment screen for the user /me describes).
        updateMe(await getMe());
      } else {
        updateMe({ ...me, practice: next });
      }
    } catch (err) {
      if (isSessionEnded(err)) return;
      if (err instanceof ApiError && err.field === 'reflection_days') {
        // At the field, and at the top of the form.
        const text = fieldErrorText(t, err);
        setFormError(text);
        const shorter = err.code === 'shorter_than_law' ? CATEGORIES.filter((c) => numbers[c - 1]! < LAW_REFLECTION_DAYS[c - 1]!) : [];
        showDaysError(text, shorter);
      } else {
        setFormError(errorText(t, err));
        formErrorRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  const turningTotpOn = totp && !practice.totp_required && !me.totp_enabled;

  return (
    <Section id="sec-settings" title={t('settings.title')} wide>
      <form className="settings-form" onSubmit={submit} noValidate aria-labelledby="sec-settings">
        <FormError focusRef={formErrorRef} title={t('settings.failed')} text={formError} />

        <fieldset
          className={`field reflection-days${daysError ? ' field--error' : ''}`}
          id="reflection_days"
          aria-describedby={`reflection_days-hint${daysError ? ' reflection_days-error' : ''}`}
        >
          <legend className="field__label">{t('settings.reflectionLegend')}</legend>
          <p className="field__hint" id="reflection_days-hint">
            {t('settings.reflectionHint')}
          </p>
          {daysError ? (
            <p className="field__error" id="reflection_days-error">
              <ErrorIcon />
              <span>{daysError}</span>
            </p>
          ) : null}
          <div className="reflection-days__items">
            {CATEGORIES.map((c) => {
              const id = inputId(c);
              const bad = badCategories.includes(c);
              return (
                <TextField
                  key={c}
                  id={id}
                  label={t(`settings.category${c}`)}
                  hint={t(`settings.law${c}`)}
                  width="short"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={365}
                  step={1}
                  value={days[c - 1] ?? ''}
                  onChange={(e) => setDay(c, e.target.value)}
                  aria-invalid={bad ? true : undefined}
                  aria-describedby={`${id}-hint${daysError ? ' reflection_days-error' : ''}`}
                  ref={(el) => {
                    inputs.current[c] = el;
                  }}
                />
              );
            })}
          </div>
        </fieldset>

        <fieldset className="field settings-form__totp">
          <legend className="field__label">{t('settings.totpLegend')}</legend>
          <CheckboxField
            id="totp_required"
            label={t('settings.totp')}
            hint={t('settings.totpHint')}
            checked={totp}
            onChange={(e) => {
              setTotp(e.target.checked);
              setSaved('');
            }}
          />
          {!totp ? (
            <Notice kind="warning">
              <p>{t('settings.totpOff')}</p>
            </Notice>
          ) : null}
          {turningTotpOn ? (
            <Notice kind="info">
              <p>{t('settings.totpSelfFirst')}</p>
            </Notice>
          ) : null}
        </fieldset>

        <div className="actions settings-form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('settings.submit')}
          </button>
          <p className="settings-form__saved" role="status">
            {saved}
          </p>
        </div>
      </form>
    </Section>
  );
}
