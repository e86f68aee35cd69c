// The name of a location: a new one, or a new name for one. Empty and too long are caught here;
// a name the practice already has comes back from the server at the field (409 `name_taken`).
// What was typed stays when it fails.
import { useEffect, useRef } from 'react';
import { ApiError, type Location } from '../api/client';
import { addLocation, changeLocation } from '../api/endpoints';
import { hasMessage, useI18n } from '../i18n';
import { FormError, SubmitButton, TextField } from '../ui/controls';
import { useForm, type Failure } from '../ui/useForm';

const MAX_NAME = 100;
type Field = 'name';

export function LocationForm({
  location,
  onSaved,
  onCancel,
}: {
  /** The location to rename; none for a new one. */
  location?: Location;
  onSaved: (saved: Location) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const prefix = location ? `location-${location.id}` : 'location-new';
  const message = (code: string) => {
    const key = `locationForm.error.name.${code}`;
    return hasMessage(key) ? t(key) : undefined;
  };
  const form = useForm<{ name: string }, Field>({
    initial: { name: location?.name ?? '' },
    fields: ['name'],
    validate: ({ name }) => {
      const trimmed = name.trim();
      if (!trimmed) return { name: message('required') };
      if (trimmed.length > MAX_NAME) return { name: message('too_long') };
      return location && trimmed === location.name ? t('locationForm.unchanged') : {};
    },
    explain: (err, standard): Failure<Field> => {
      const text = err instanceof ApiError && err.field === 'name' ? message(err.code) : undefined;
      return text ? { errors: { name: text } } : standard;
    },
  });

  // The form takes the focus when it opens, so keyboard users start at its title.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  async function send({ name }: { name: string }) {
    const trimmed = name.trim();
    onSaved(location ? await changeLocation(location.id, { name: trimmed }) : await addLocation({ name: trimmed }));
  }

  const titleId = `${prefix}-title`;
  return (
    <form className="subform location-form" onSubmit={form.onSubmit(send)} noValidate aria-labelledby={titleId}>
      <h3 className="subform__title" id={titleId} tabIndex={-1} ref={titleRef}>
        {location ? t('locationForm.renameTitle', { name: location.name }) : t('locationForm.addTitle')}
      </h3>
      <FormError focusRef={form.formErrorRef} title={t('locationForm.failed')} text={form.formError} />
      <TextField
        id={`${prefix}-name`}
        label={t('locationForm.name')}
        hint={t('locationForm.nameHint')}
        required
        autoComplete="off"
        {...form.bind('name')}
      />
      <div className="actions">
        <SubmitButton busy={form.busy}>{location ? t('locationForm.submitRename') : t('locationForm.submitAdd')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
