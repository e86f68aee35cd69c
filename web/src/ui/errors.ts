// Catalogue texts for API problems: by `code`, and for form fields by field and code; the
// server's own `detail` (already in the user's language) where the catalogue has nothing better.
import { ApiError } from '../api/client';
import { hasMessage, type Translate } from '../i18n';

export function errorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}`;
    if (hasMessage(key)) return t(key);
    if (err.detail) return err.detail;
  }
  return t('error.unknown');
}

export function fieldErrorText(t: Translate, err: ApiError): string {
  const specific = `field.${err.field ?? ''}.${err.code}`;
  if (hasMessage(specific)) return t(specific);
  const generic = `field.${err.code}`;
  if (hasMessage(generic)) return t(generic);
  return err.detail ?? t('error.unknown');
}
