// The decision consult (besluitvormend consult, R-CONSENT-1): when it took place, which leaflet
// version the client got and which treatment was proposed. It may be recorded afterwards: the
// date and time are a wall-clock time in Europe/Amsterdam, sent with Amsterdam's offset.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, isSessionEnded, type Trajectory } from '../api/client';
import { recordConsult } from '../api/endpoints';
import { useI18n } from '../i18n';
import { TextAreaField, TextField, FormError } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { amsterdamToIso, nowLocalInput } from '../ui/format';

type Field = 'at' | 'leaflet_version' | 'proposed';
const FIELDS: Field[] = ['at', 'leaflet_version', 'proposed'];

export function ConsultForm({ trajectory, onSaved }: { trajectory: Trajectory; onSaved: (t: Trajectory) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>(() => ({ at: nowLocalInput(), leaflet_version: '', proposed: '' }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const formErrorRef = useRef<HTMLDivElement>(null);

  function set(name: Field, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    const at = amsterdamToIso(values.at);
    if (!at) found.at = t('field.at.required');
    if (!values.leaflet_version.trim()) found.leaflet_version = t('field.leaflet_version.required');
    if (!values.proposed.trim()) found.proposed = t('field.proposed.required');
    setErrors(found);
    setFormError(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    setBusy(true);
    try {
      onSaved(await recordConsult(trajectory.id, { at: at!, leaflet_version: values.leaflet_version.trim(), proposed: values.proposed.trim() }));
    } catch (err) {
      if (isSessionEnded(err)) return;
      const field = err instanceof ApiError ? (err.field as Field | undefined) : undefined;
      if (err instanceof ApiError && field && FIELDS.includes(field)) {
        setErrors({ [field]: fieldErrorText(t, err) });
        refs.current[field]?.focus();
      } else {
        setFormError(errorText(t, err));
        formErrorRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form subform" onSubmit={submit} noValidate aria-labelledby="consult-form-title">
      <h3 className="subform__title" id="consult-form-title">
        {t('consult.formTitle')}
      </h3>
      <FormError focusRef={formErrorRef} title={t('consult.failed')} text={formError} />
      <TextField
        id="consult-at"
        label={t('consult.at')}
        hint={t('consult.atHint')}
        required
        width="medium"
        type="datetime-local"
        max={nowLocalInput()}
        value={values.at}
        error={errors.at}
        onChange={(e) => set('at', e.target.value)}
        ref={(el) => {
          refs.current.at = el;
        }}
      />
      <TextField
        id="consult-leaflet"
        label={t('consult.leafletVersion')}
        hint={t('consult.leafletHint')}
        required
        width="medium"
        autoComplete="off"
        value={values.leaflet_version}
        error={errors.leaflet_version}
        onChange={(e) => set('leaflet_version', e.target.value)}
        ref={(el) => {
          refs.current.leaflet_version = el;
        }}
      />
      <TextAreaField
        id="consult-proposed"
        label={t('consult.proposed')}
        hint={t('consult.proposedHint')}
        required
        rows={3}
        value={values.proposed}
        error={errors.proposed}
        onChange={(e) => set('proposed', e.target.value)}
        ref={(el) => {
          refs.current.proposed = el;
        }}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {t('consult.submit')}
        </button>
      </div>
    </form>
  );
}
