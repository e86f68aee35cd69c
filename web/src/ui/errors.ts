// Catalogue texts for API problems: by `code`, and for form fields by field and code; the
// server's own `detail` (already in the user's language) where the catalogue has nothing better.
// A problem's own facts fill the text's blanks: {earliest} and {until} (the reflection period,
// R-CONSENT-2) as Dutch dates, {fields} (the intake fields that changed, R-CONSENT-6) and
// {missing} (the qualifications a signer lacks, R-STAFF-2) by name.
import { ApiError } from '../api/client';
import { hasMessage, type Params, type Translate } from '../i18n';
import { addDays, formatDate } from './format';
import { qualificationLabel } from './qualifications';

function problemParams(t: Translate, err: ApiError): Params {
  const params: Params = {};
  const earliest = err.problem?.earliest;
  if (earliest) {
    params.earliest = formatDate(earliest);
    params.until = formatDate(addDays(earliest, -1));
  }
  const fields = err.problem?.fields;
  if (fields) params.fields = intakeFieldList(t, fields.split(','));
  const missing = err.problem?.missing;
  if (missing) params.missing = missing.split(',').map((q) => `‘${qualificationLabel(t, q.trim())}’`).join(', ');
  return params;
}

/** Intake field names ('allergies', ...) as a readable list in the user's language. */
export function intakeFieldList(t: Translate, fields: string[]): string {
  return fields
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => {
      const key = `intake.${f}`;
      return hasMessage(key) ? t(key) : f;
    })
    .join(', ');
}

export function errorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}`;
    if (hasMessage(key)) return t(key, problemParams(t, err));
    if (err.detail) return err.detail;
  }
  return t('error.unknown');
}

export function fieldErrorText(t: Translate, err: ApiError): string {
  const specific = `field.${err.field ?? ''}.${err.code}`;
  if (hasMessage(specific)) return t(specific, problemParams(t, err));
  const generic = `field.${err.code}`;
  if (hasMessage(generic)) return t(generic, problemParams(t, err));
  const known = `error.${err.code}`;
  if (hasMessage(known)) return t(known, problemParams(t, err));
  return err.detail ?? t('error.unknown');
}
