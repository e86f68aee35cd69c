// The client edit form: name, date of birth, contact, location, and for owner and practitioner
// the record-keeping choice and the photo preference. Only what changed is sent, as a merge
// patch (R-SEC-4); the server's field errors land on their field, what was typed stays, and
// leaving with unsaved changes asks first (LeaveGuard).
import { useRef } from 'react';
import { ApiError, type Client } from '../api/client';
import { updateClient } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { FormError, SelectField, SubmitButton, TextField } from '../ui/controls';
import { setFlash } from '../ui/flash';
import { LeaveGuard } from '../ui/LeaveGuard';
import { useLocations } from '../ui/location';
import { maySetPreferences } from '../ui/roles';
import { Link, navigate } from '../ui/router';
import { useForm } from '../ui/useForm';
import { AgreementFields } from './AgreementFields';
import { clientPatch, EDIT_FIELDS, editValues, type EditField, type EditValues } from './clientValues';
import { DateOfBirthField, explainDateOfBirth } from './DateOfBirthField';
import './client-form.css';

export function ClientEditForm({ client }: { client: Client }) {
  const { t } = useI18n();
  const me = useMe();
  const { locations, nameOf } = useLocations();
  const preferences = maySetPreferences(me.role) && 'records_consent' in client;
  const cardPath = `/clients/${client.id}`;
  // A closed location takes no clients; the client's own stays shown, but cannot be chosen again.
  const open = locations.filter((l) => !l.closed);
  const here = locations.find((l) => l.id === client.location);
  const chooseLocation = open.length > 1 || (here?.closed === true && open.length > 0);
  const sentDate = useRef('');

  const form = useForm<EditValues, EditField>({
    initial: () => editValues(client),
    fields: EDIT_FIELDS,
    validate: (v) => {
      const errors = {
        given_name: v.given_name.trim() ? undefined : t('field.given_name.required'),
        family_name: v.family_name.trim() ? undefined : t('field.family_name.required'),
        date_of_birth: v.date_of_birth.trim() ? undefined : t('field.date_of_birth.required'),
      };
      if (Object.values(errors).some(Boolean)) return errors;
      return Object.keys(clientPatch(client, v, preferences)).length ? {} : t('clientEdit.unchanged');
    },
    // A choice the role does not get in the form is no field to show the refusal at.
    problemField: (err) => {
      const f = EDIT_FIELDS.find((name) => name === err.field);
      if (!f || (!preferences && (f === 'records_consent' || f === 'photo_preference'))) return null;
      if (f === 'location' && !chooseLocation) return null;
      return f;
    },
    explain: (err, standard) => {
      if (err instanceof ApiError && err.code === 'location_closed' && chooseLocation) {
        return { errors: { location: t('clientEdit.locationClosedError') } };
      }
      return explainDateOfBirth(t, sentDate.current, err, standard);
    },
  });
  const { values } = form;
  const dirty = Object.keys(clientPatch(client, values, preferences)).length > 0;

  async function send(v: EditValues) {
    sentDate.current = v.date_of_birth;
    await updateClient(client.id, clientPatch(client, v, preferences));
    setFlash('client.saved', cardPath);
    navigate(cardPath, { force: true });
  }

  return (
    <form className="form client-form" onSubmit={form.onSubmit(send)} noValidate>
      <LeaveGuard when={dirty} />
      <FormError focusRef={form.formErrorRef} title={t('clientEdit.failed')} text={form.formError} />

      <section className="form__group" aria-labelledby="group-name">
        <h2 className="form__legend" id="group-name">
          {t('clientNew.nameGroup')}
        </h2>
        <div className="form__row">
          <TextField id="given_name" label={t('client.givenName')} required autoComplete="off" {...form.bind('given_name')} />
          <TextField id="name_prefix" label={t('client.namePrefix')} width="short" autoComplete="off" {...form.bind('name_prefix')} />
        </div>
        <TextField id="family_name" label={t('client.familyName')} required autoComplete="off" {...form.bind('family_name')} />
        <DateOfBirthField {...form.bind('date_of_birth')} />
      </section>

      <section className="form__group" aria-labelledby="group-contact">
        <h2 className="form__legend" id="group-contact">
          {t('clientNew.contactGroup')}
        </h2>
        <TextField id="phone" label={t('client.phone')} type="tel" width="medium" autoComplete="off" {...form.bind('phone')} />
        <TextField
          id="email"
          label={t('client.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          {...form.bind('email')}
        />
        {chooseLocation ? (
          <SelectField id="location" label={t('client.location')} hint={t('clientEdit.locationHint')} required {...form.bind('location')}>
            {here?.closed ? (
              <option value={here.id} disabled>
                {t('clientEdit.locationClosed', { name: here.name })}
              </option>
            ) : null}
            {open.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {!chooseLocation && nameOf(client.location) ? (
          <p className="client-form__fixed">
            {t('clientEdit.locationFixed', { name: nameOf(client.location) ?? '' })}
          </p>
        ) : null}
      </section>

      {preferences ? <AgreementFields client={client} form={form} /> : null}

      <div className="actions">
        <SubmitButton busy={form.busy}>{t('clientEdit.submit')}</SubmitButton>
        <Link to={cardPath} className="button button--secondary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
