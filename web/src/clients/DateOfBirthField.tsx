// The date of birth as typed on a tablet's or phone's number pad (14031988) or with dashes,
// slashes or dots, and shown back in words ("14 maart 1988") right below the field, so that a
// swapped day and month is seen before saving. The value sent is 'YYYY-MM-DD' (dateToSend); the
// server decides whether the day is acceptable, and explainDateOfBirth says why it was not.
import type { Ref } from 'react';
import { ApiError } from '../api/client';
import { useI18n, type Translate } from '../i18n';
import { TextField } from '../ui/controls';
import { longDate, readDate } from '../ui/dateInput';
import { todayInAmsterdam } from '../ui/format';
import type { Failure } from '../ui/useForm';
import './client-form.css';

export function DateOfBirthField({
  id = 'date_of_birth',
  value,
  error,
  onValue,
  ref,
}: {
  id?: string;
  value: string;
  error: string | undefined;
  onValue: (value: string) => void;
  ref?: Ref<HTMLElement>;
}) {
  const { t, lang } = useI18n();
  const read = value.trim() ? readDate(value) : null;
  let understood = '';
  // A doubt about what was typed; once the field is in error, its error says it.
  if (read?.exists) understood = t('client.dateUnderstood', { date: longDate(read.iso, lang) });
  else if (error) understood = '';
  else if (read) understood = t('client.dateNoSuchDay');
  else if (value.trim().length >= 8) understood = t('client.dateUnreadable');
  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', understood ? `${id}-understood` : ''].filter(Boolean).join(' ');

  return (
    <div className="date-field">
      <TextField
        id={id}
        label={t('client.dateOfBirth')}
        hint={t('client.dateOfBirthHint')}
        required
        width="medium"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('client.datePlaceholder')}
        value={value}
        error={error}
        onValue={onValue}
        ref={ref as Ref<HTMLInputElement>}
        aria-describedby={describedBy}
      />
      <p
        className={`date-field__understood${read?.exists ? '' : ' date-field__understood--warn'}`}
        id={`${id}-understood`}
        aria-live="polite"
      >
        {understood}
      </p>
    </div>
  );
}

/**
 * Why the server refused the date of birth, read from what was typed: not a date, a day that
 * does not exist, a day in the future; else the standard reading.
 */
export function explainDateOfBirth<F extends string>(t: Translate, typed: string, err: unknown, standard: Failure<F>): Failure<F> {
  if (!(err instanceof ApiError) || err.field !== 'date_of_birth') return standard;
  const read = readDate(typed);
  let text: string | null = null;
  if (!read) text = t('client.dateErrorUnreadable');
  else if (!read.exists) text = t('client.dateErrorNoSuchDay');
  else if (read.iso > todayInAmsterdam()) text = t('client.dateErrorFuture');
  if (!text) return standard;
  return { ...standard, errors: { ...standard.errors, date_of_birth: text } as Failure<F>['errors'] };
}
