// /clients/new: register a client. Missing required fields are caught here; everything else
// the server checks, and its problem names the field (`field`), which gets the message, the
// aria-invalid mark and the focus. The date of birth may be typed as digits (14031988) and is
// read back in words before it is sent as 'YYYY-MM-DD'.
import { useRef } from 'react';
import type { ClientCreate } from '../api/client';
import { createClient } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { FormError, Notice, RadioGroup, SelectField, SubmitButton, TextField, type Choice } from '../ui/controls';
import { setFlash } from '../ui/flash';
import { dateToSend } from '../ui/dateInput';
import { useLocations } from '../ui/location';
import { maySetPreferences } from '../ui/roles';
import { Link, navigate } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import { useForm } from '../ui/useForm';
import { DateOfBirthField, explainDateOfBirth } from './DateOfBirthField';

type RecordsChoice = 'unknown' | 'given' | 'refused';
type PhotoChoice = 'unknown' | 'allowed' | 'refused' | 'own';

interface Values {
  given_name: string;
  name_prefix: string;
  family_name: string;
  date_of_birth: string;
  phone: string;
  email: string;
  location: string;
  records_consent: RecordsChoice;
  photo_preference: PhotoChoice;
}

type FieldName = keyof Values;
const FIELD_ORDER: FieldName[] = [
  'given_name',
  'name_prefix',
  'family_name',
  'date_of_birth',
  'phone',
  'email',
  'location',
  'records_consent',
  'photo_preference',
];

export function ClientNewScreen() {
  const { t } = useI18n();
  const me = useMe();
  const all = useLocations();
  // A closed location takes no new clients; its clients stay (issue 12).
  const locations = all.locations.filter((l) => !l.closed);
  const current = locations.some((l) => l.id === all.current) ? all.current : '';
  const preferences = maySetPreferences(me.role);
  const chooseLocation = locations.length > 1;
  const sentDate = useRef('');

  const form = useForm<Values, FieldName>({
    initial: {
      given_name: '',
      name_prefix: '',
      family_name: '',
      date_of_birth: '',
      phone: '',
      email: '',
      location: current,
      records_consent: 'unknown',
      photo_preference: 'unknown',
    },
    fields: FIELD_ORDER,
    validate: (v) => ({
      given_name: v.given_name.trim() ? undefined : t('field.given_name.required'),
      family_name: v.family_name.trim() ? undefined : t('field.family_name.required'),
      date_of_birth: v.date_of_birth.trim() ? undefined : t('field.date_of_birth.required'),
      location: chooseLocation && !v.location ? t('field.location.required') : undefined,
    }),
    explain: (err, standard) => explainDateOfBirth(t, sentDate.current, err, standard),
  });
  const { values } = form;

  function body(): ClientCreate {
    const b: ClientCreate = {
      given_name: values.given_name.trim(),
      family_name: values.family_name.trim(),
      date_of_birth: dateToSend(values.date_of_birth),
    };
    if (values.name_prefix.trim()) b.name_prefix = values.name_prefix.trim();
    if (values.phone.trim()) b.phone = values.phone.trim();
    if (values.email.trim()) b.email = values.email.trim();
    if (chooseLocation && values.location) b.location = values.location;
    if (preferences && values.records_consent !== 'unknown') b.records_consent = values.records_consent;
    if (preferences && values.photo_preference !== 'unknown') b.photo_preference = values.photo_preference;
    return b;
  }

  async function send() {
    sentDate.current = values.date_of_birth;
    const client = await createClient(body());
    const path = `/clients/${client.id}`;
    setFlash('client.created', path);
    navigate(path);
  }

  const recordsChoices: Choice<RecordsChoice>[] = [
    { value: 'given', label: t('records.given') },
    { value: 'refused', label: t('records.refused') },
    { value: 'unknown', label: t('records.unknown') },
  ];
  const photoChoices: Choice<PhotoChoice>[] = [
    { value: 'allowed', label: t('photo.allowed') },
    { value: 'refused', label: t('photo.refused') },
    { value: 'own', label: t('photo.own') },
    { value: 'unknown', label: t('photo.unknown') },
  ];

  return (
    <main className="screen screen--narrow" id="main">
      <p className="back">
        <Link to="/clients">{t('clients.backToList')}</Link>
      </p>
      <ScreenTitle title={t('clientNew.title')} />
      <p className="screen__sub">{t('clientNew.intro')}</p>
      <form className="form" onSubmit={form.onSubmit(send)} noValidate>
        <FormError focusRef={form.formErrorRef} title={t('clientNew.failed')} text={form.formError} />

        <section className="form__group" aria-labelledby="group-name">
          <h2 className="form__legend" id="group-name">
            {t('clientNew.nameGroup')}
          </h2>
          <div className="form__row">
            <TextField
              id="given_name"
              label={t('client.givenName')}
              required
              autoComplete="off"
              {...form.bind('given_name')}
            />
            <TextField
              id="name_prefix"
              label={t('client.namePrefix')}
              width="short"
              autoComplete="off"
              {...form.bind('name_prefix')}
            />
          </div>
          <TextField
            id="family_name"
            label={t('client.familyName')}
            required
            autoComplete="off"
            {...form.bind('family_name')}
          />
          <DateOfBirthField {...form.bind('date_of_birth')} />
        </section>

        <section className="form__group" aria-labelledby="group-contact">
          <h2 className="form__legend" id="group-contact">
            {t('clientNew.contactGroup')}
          </h2>
          <TextField
            id="phone"
            label={t('client.phone')}
            type="tel"
            width="medium"
            autoComplete="off"
            {...form.bind('phone')}
          />
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
            <SelectField
              id="location"
              label={t('client.location')}
              required
              {...form.bind('location')}
            >
              <option value="">{t('location.choose')}</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </section>

        {preferences ? (
          <section className="form__group" aria-labelledby="group-agreements">
            <h2 className="form__legend" id="group-agreements">
              {t('clientNew.agreementsGroup')}
            </h2>
            <RadioGroup
              id="records_consent"
              legend={t('client.recordsConsent')}
              hint={t('records.hint')}
              choices={recordsChoices}
              {...form.bind('records_consent')}
            />
            {values.records_consent === 'refused' ? (
              <Notice kind="warning">
                <p>{t('records.refusedNote')}</p>
              </Notice>
            ) : null}
            <RadioGroup
              id="photo_preference"
              legend={t('client.photoPreference')}
              choices={photoChoices}
              {...form.bind('photo_preference')}
            />
            {values.photo_preference === 'refused' || values.photo_preference === 'own' ? (
              <Notice kind="warning">
                <p>{t(values.photo_preference === 'own' ? 'photo.ownNote' : 'photo.refusedNote')}</p>
              </Notice>
            ) : null}
          </section>
        ) : null}

        <div className="actions">
          <SubmitButton busy={form.busy}>{t('clientNew.submit')}</SubmitButton>
          <Link to="/clients" className="button button--secondary">
            {t('action.cancel')}
          </Link>
        </div>
      </form>
    </main>
  );
}
