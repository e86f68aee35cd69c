// An addendum to a signed session (R-DOS-3): a correction or an addition with its reason; the
// original record stays as it was.
import type { Session } from '../api/client';
import { addAddendum } from '../api/endpoints';
import { useI18n } from '../i18n';
import { FormError, SubmitButton, TextAreaField, TextField } from '../ui/controls';
import { useForm } from '../ui/useForm';

type Field = 'reason' | 'text';

export function AddendumForm({ session, onSaved }: { session: Session; onSaved: (next: Session) => void }) {
  const { t } = useI18n();
  const form = useForm<Record<Field, string>, Field>({
    initial: { reason: '', text: '' },
    fields: ['reason', 'text'],
    validate: (v) => ({
      reason: v.reason.trim() ? undefined : t('field.reason.required'),
      text: v.text.trim() ? undefined : t('field.addendum_text.required'),
    }),
  });

  async function send(v: Record<Field, string>) {
    const next = await addAddendum(session.id, { reason: v.reason.trim(), text: v.text.trim() });
    form.update(() => ({ reason: '', text: '' }));
    onSaved(next);
  }

  return (
    <form className="form subform" onSubmit={form.onSubmit(send)} noValidate aria-labelledby="addendum-form-title">
      <h3 className="subform__title" id="addendum-form-title">
        {t('addendum.formTitle')}
      </h3>
      <p className="muted">{t('addendum.intro')}</p>
      <FormError focusRef={form.formErrorRef} title={t('addendum.failed')} text={form.formError} />
      <TextField
        id="addendum-reason"
        label={t('addendum.reason')}
        hint={t('addendum.reasonHint')}
        required
        autoComplete="off"
        {...form.bind('reason')}
      />
      <TextAreaField
        id="addendum-text"
        label={t('addendum.text')}
        required
        rows={4}
        {...form.bind('text')}
      />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('addendum.submit')}</SubmitButton>
      </div>
    </form>
  );
}
