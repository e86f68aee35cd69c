// The decision consult (besluitvormend consult, R-CONSENT-1): when it took place, which leaflet
// version the client got and which treatment was proposed. It may be recorded afterwards: the
// date and time are a wall-clock time in Europe/Amsterdam, sent with Amsterdam's offset.
import type { Trajectory } from '../api/client';
import { recordConsult } from '../api/endpoints';
import { useI18n } from '../i18n';
import { FormError, SubmitButton, TextAreaField, TextField } from '../ui/controls';
import { amsterdamToIso, nowLocalInput } from '../ui/format';
import { useForm } from '../ui/useForm';

type Field = 'at' | 'leaflet_version' | 'proposed' | 'late_reason';
const FIELDS: Field[] = ['at', 'leaflet_version', 'proposed', 'late_reason'];

/** R-CONSENT-1: a consult stated on an earlier Amsterdam day than today is recorded afterwards. */
function earlierDay(local: string): boolean {
  return /^\d{4}-\d\d-\d\d/.test(local) && local.slice(0, 10) < nowLocalInput().slice(0, 10);
}

export function ConsultForm({ trajectory, onSaved }: { trajectory: Trajectory; onSaved: (t: Trajectory) => void }) {
  const { t } = useI18n();
  const form = useForm<Record<Field, string>, Field>({
    initial: () => ({ at: nowLocalInput(), leaflet_version: '', proposed: '', late_reason: '' }),
    fields: FIELDS,
    validate: (v) => ({
      at: amsterdamToIso(v.at) ? undefined : t('field.at.required'),
      leaflet_version: v.leaflet_version.trim() ? undefined : t('field.leaflet_version.required'),
      proposed: v.proposed.trim() ? undefined : t('field.proposed.required'),
      late_reason: !earlierDay(v.at) || v.late_reason.trim() ? undefined : t('field.late_reason.required'),
    }),
  });
  const late = earlierDay(form.values.at);

  async function send(v: Record<Field, string>) {
    const at = amsterdamToIso(v.at) ?? '';
    const body = { at, leaflet_version: v.leaflet_version.trim(), proposed: v.proposed.trim() };
    onSaved(await recordConsult(trajectory.id, earlierDay(v.at) ? { ...body, late_reason: v.late_reason.trim() } : body));
  }

  return (
    <form className="form subform" onSubmit={form.onSubmit(send)} noValidate aria-labelledby="consult-form-title">
      <h3 className="subform__title" id="consult-form-title">
        {t('consult.formTitle')}
      </h3>
      <FormError focusRef={form.formErrorRef} title={t('consult.failed')} text={form.formError} />
      <TextField
        id="consult-at"
        label={t('consult.at')}
        hint={t('consult.atHint')}
        required
        width="medium"
        type="datetime-local"
        max={nowLocalInput()}
        {...form.bind('at')}
      />
      {late ? (
        <TextAreaField
          id="consult-late-reason"
          label={t('consult.lateReason')}
          hint={t('consult.lateReasonHint')}
          required
          rows={2}
          {...form.bind('late_reason')}
        />
      ) : null}
      <TextField
        id="consult-leaflet"
        label={t('consult.leafletVersion')}
        hint={t('consult.leafletHint')}
        required
        width="medium"
        autoComplete="off"
        {...form.bind('leaflet_version')}
      />
      <TextAreaField
        id="consult-proposed"
        label={t('consult.proposed')}
        hint={t('consult.proposedHint')}
        required
        rows={3}
        {...form.bind('proposed')}
      />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('consult.submit')}</SubmitButton>
      </div>
    </form>
  );
}
