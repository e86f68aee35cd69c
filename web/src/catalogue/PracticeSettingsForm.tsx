// The practice settings (owner only): the reflection period per cosmetic category, which may be
// longer than the law's 0, 1 and 7 days but never shorter (R-CONSENT-2; the server refuses a
// shorter one and names the field), and whether owners and practitioners must use a second
// factor (R-SEC-1). Both are saved with one request, so they change together or not at all.
import { useState, type FormEvent } from 'react';
import { ApiError, type PracticePatch } from '../api/client';
import { getMe, updatePractice } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe, useSession } from '../login/session';
import { Section } from '../ui/card';
import { CheckboxField, ErrorIcon, FormError, Notice, SubmitButton, TextField } from '../ui/controls';
import { fieldErrorText } from '../ui/errors';
import { useForm, type FieldErrors } from '../ui/useForm';
import { LAW_REFLECTION_DAYS } from './labels';
import './settings.css';

const CATEGORIES = [1, 2, 3] as const;

type DayField = `reflection_days_${(typeof CATEGORIES)[number]}`;
const inputId = (category: (typeof CATEGORIES)[number]): DayField => `reflection_days_${category}`;

/** The reflection period per category as typed (under its input's id), and the TOTP rule. */
type Values = Record<DayField, string> & { totp: boolean; signPassword: boolean };

function valuesOf(days: readonly number[], totp: boolean, signPassword = false): Values {
  const day = (i: number) => String(days[i] ?? '');
  return { reflection_days_1: day(0), reflection_days_2: day(1), reflection_days_3: day(2), totp, signPassword };
}

/** The error TEXT at the inputs of CATEGORIES. */
function daysErrors(categories: readonly (typeof CATEGORIES)[number][], text: string): FieldErrors<DayField> {
  return Object.fromEntries(categories.map((c) => [inputId(c), text]));
}

/** The periods as numbers; NaN where the text is no whole number of at most three digits. */
function parseDays(v: Values): number[] {
  return CATEGORIES.map((c) => v[inputId(c)]).map((d) => (/^\s*\d{1,3}\s*$/.test(d) ? Number(d) : NaN));
}

function invalidCategories(numbers: number[]) {
  return CATEGORIES.filter((c) => !(numbers[c - 1]! >= 0 && numbers[c - 1]! <= 365));
}

export function PracticeSettingsForm() {
  const { t } = useI18n();
  const me = useMe();
  const { updateMe } = useSession();
  const practice = me.practice;
  const [saved, setSaved] = useState<string>('');
  // One error for the periods, at the inputs it is about (each a field: the first takes the focus).
  const form = useForm<Values, DayField>({
    initial: () => valuesOf(practice.reflection_days, practice.totp_required, practice.sign_requires_password ?? false),
    fields: CATEGORIES.map(inputId),
    validate: (v) => daysErrors(invalidCategories(parseDays(v)), t('field.reflection_days.invalid_value')),
    explain: (err, failure) => {
      if (!(err instanceof ApiError && err.field === 'reflection_days')) return failure;
      const shorter = err.code === 'shorter_than_law' ? CATEGORIES.filter((c) => numbers[c - 1]! < LAW_REFLECTION_DAYS[c - 1]!) : [];
      // At the inputs, and at the top of the form.
      const text = fieldErrorText(t, err);
      return { errors: daysErrors(shorter.length ? shorter : [...CATEGORIES], text), formError: text };
    },
  });
  const { totp, signPassword } = form.values;
  const numbers = parseDays(form.values);
  /** The categories the error is about (their inputs get aria-invalid). */
  const badCategories = CATEGORIES.filter((c) => form.errors[inputId(c)]);
  const daysError = badCategories.length ? form.errors[inputId(badCategories[0]!)] : undefined;

  function patch(): PracticePatch {
    const body: PracticePatch = {};
    if (numbers.some((n, i) => n !== practice.reflection_days[i])) body.reflection_days = numbers;
    if (totp !== practice.totp_required) body.totp_required = totp;
    if (signPassword !== (practice.sign_requires_password ?? false)) body.sign_requires_password = signPassword;
    return body;
  }

  function setDay(id: DayField, value: string) {
    form.update((v) => ({ ...v, [id]: value }));
    setSaved('');
    if (daysError) {
      form.clearError(...CATEGORIES.map(inputId));
      form.clearFormError();
    }
  }

  async function send() {
    const next = await updatePractice(patch());
    form.update(() => valuesOf(next.reflection_days, next.totp_required, next.sign_requires_password ?? false));
    setSaved(t('settings.saved'));
    if (next.totp_required && !me.totp_enabled) {
      // The owner has no second factor yet: the server now asks for one first (the app shows
      // the enrolment screen for the user /me describes).
      updateMe(await getMe());
    } else {
      updateMe({ ...me, practice: next });
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    setSaved('');
    if (!form.check()) return;
    if (Object.keys(patch()).length === 0) {
      setSaved(t('settings.unchanged'));
      return;
    }
    void form.submit(send);
  }

  const turningTotpOn = totp && !practice.totp_required && !me.totp_enabled;

  return (
    <Section id="sec-settings" title={t('settings.title')} wide>
      <form className="settings-form" onSubmit={submit} noValidate aria-labelledby="sec-settings">
        <FormError focusRef={form.formErrorRef} title={t('settings.failed')} text={form.formError} />

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
                  {...form.bind(id, { onValue: (value) => setDay(id, value) })}
                  errorId="reflection_days-error"
                  // Every period refers to the one error, which is about them all.
                  aria-describedby={`${id}-hint${daysError ? ' reflection_days-error' : ''}`}
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
            {...form.bind('totp', {
              onValue: (on) => {
                form.set('totp', on);
                setSaved('');
              },
            })}
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

        <fieldset className="field settings-form__totp">
          <legend className="field__label">{t('settings.signLegend')}</legend>
          <CheckboxField
            id="sign_requires_password"
            label={t('settings.signPassword')}
            hint={t('settings.signPasswordHint')}
            {...form.bind('signPassword', {
              onValue: (on) => {
                form.set('signPassword', on);
                setSaved('');
              },
            })}
          />
        </fieldset>

        <div className="actions settings-form__actions">
          <SubmitButton busy={form.busy}>{t('settings.submit')}</SubmitButton>
          <p className="settings-form__saved" role="status">
            {saved}
          </p>
        </div>
      </form>
    </Section>
  );
}
