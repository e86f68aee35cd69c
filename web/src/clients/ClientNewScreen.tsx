// /clients/new: register a client. Missing required fields are caught here; everything else
// the server checks, and its problem names the field (`field`), which gets the message, the
// aria-invalid mark and the focus.
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError, isSessionEnded, type ClientCreate } from '../api/client';
import { createClient } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Notice, RadioGroup, SelectField, TextField, type Choice, FormError } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { setFlash } from '../ui/flash';
import { toIsoDate } from '../ui/format';
import { useLocations } from '../ui/location';
import { maySetPreferences } from '../ui/roles';
import { Link, navigate } from '../ui/router';
import { ScreenTitle } from '../ui/screen';

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

function isField(name: string | undefined): name is FieldName {
  return FIELD_ORDER.includes(name as FieldName);
}

export function ClientNewScreen() {
  const { t } = useI18n();
  const me = useMe();
  const { locations, current } = useLocations();
  const preferences = maySetPreferences(me.role);
  const chooseLocation = locations.length > 1;

  const [values, setValues] = useState<Values>({
    given_name: '',
    name_prefix: '',
    family_name: '',
    date_of_birth: '',
    phone: '',
    email: '',
    location: current,
    records_consent: 'unknown',
    photo_preference: 'unknown',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formErrorRef = useRef<HTMLDivElement>(null);

  const refs: Record<FieldName, RefObject<HTMLInputElement | HTMLSelectElement | null>> = {
    given_name: useRef<HTMLInputElement>(null),
    name_prefix: useRef<HTMLInputElement>(null),
    family_name: useRef<HTMLInputElement>(null),
    date_of_birth: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    location: useRef<HTMLSelectElement>(null),
    records_consent: useRef<HTMLInputElement>(null),
    photo_preference: useRef<HTMLInputElement>(null),
  };

  function set<K extends FieldName>(name: K, value: Values[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }

  function body(): ClientCreate {
    const b: ClientCreate = {
      given_name: values.given_name.trim(),
      family_name: values.family_name.trim(),
      date_of_birth: toIsoDate(values.date_of_birth),
    };
    if (values.name_prefix.trim()) b.name_prefix = values.name_prefix.trim();
    if (values.phone.trim()) b.phone = values.phone.trim();
    if (values.email.trim()) b.email = values.email.trim();
    if (chooseLocation && values.location) b.location = values.location;
    if (preferences && values.records_consent !== 'unknown') b.records_consent = values.records_consent;
    if (preferences && values.photo_preference !== 'unknown') b.photo_preference = values.photo_preference;
    return b;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<FieldName, string>> = {};
    if (!values.given_name.trim()) found.given_name = t('field.given_name.required');
    if (!values.family_name.trim()) found.family_name = t('field.family_name.required');
    if (!values.date_of_birth.trim()) found.date_of_birth = t('field.date_of_birth.required');
    if (chooseLocation && !values.location) found.location = t('field.location.required');
    setErrors(found);
    setFormError(null);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const client = await createClient(body());
      const path = `/clients/${client.id}`;
      setFlash('client.created', path);
      navigate(path);
    } catch (err) {
      if (isSessionEnded(err)) return;
      if (err instanceof ApiError && isField(err.field)) {
        const field = err.field;
        setErrors({ [field]: fieldErrorText(t, err) });
        refs[field].current?.focus();
      } else {
        setFormError(errorText(t, err));
        formErrorRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
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
      <form className="form" onSubmit={submit} noValidate>
        <FormError focusRef={formErrorRef} title={t('clientNew.failed')} text={formError} />

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
              value={values.given_name}
              error={errors.given_name}
              onChange={(e) => set('given_name', e.target.value)}
              ref={refs.given_name as RefObject<HTMLInputElement>}
            />
            <TextField
              id="name_prefix"
              label={t('client.namePrefix')}
              width="short"
              autoComplete="off"
              value={values.name_prefix}
              error={errors.name_prefix}
              onChange={(e) => set('name_prefix', e.target.value)}
              ref={refs.name_prefix as RefObject<HTMLInputElement>}
            />
          </div>
          <TextField
            id="family_name"
            label={t('client.familyName')}
            required
            autoComplete="off"
            value={values.family_name}
            error={errors.family_name}
            onChange={(e) => set('family_name', e.target.value)}
            ref={refs.family_name as RefObject<HTMLInputElement>}
          />
          <TextField
            id="date_of_birth"
            label={t('client.dateOfBirth')}
            hint={t('client.dateOfBirthHint')}
            required
            width="medium"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('client.datePlaceholder')}
            value={values.date_of_birth}
            error={errors.date_of_birth}
            onChange={(e) => set('date_of_birth', e.target.value)}
            ref={refs.date_of_birth as RefObject<HTMLInputElement>}
          />
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
            value={values.phone}
            error={errors.phone}
            onChange={(e) => set('phone', e.target.value)}
            ref={refs.phone as RefObject<HTMLInputElement>}
          />
          <TextField
            id="email"
            label={t('client.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            value={values.email}
            error={errors.email}
            onChange={(e) => set('email', e.target.value)}
            ref={refs.email as RefObject<HTMLInputElement>}
          />
          {chooseLocation ? (
            <SelectField
              id="location"
              label={t('client.location')}
              required
              value={values.location}
              error={errors.location}
              onChange={(e) => set('location', e.target.value)}
              ref={refs.location as RefObject<HTMLSelectElement>}
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
              value={values.records_consent}
              error={errors.records_consent}
              onChange={(v) => set('records_consent', v)}
              firstRef={refs.records_consent as RefObject<HTMLInputElement>}
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
              value={values.photo_preference}
              error={errors.photo_preference}
              onChange={(v) => set('photo_preference', v)}
              firstRef={refs.photo_preference as RefObject<HTMLInputElement>}
            />
            {values.photo_preference === 'refused' || values.photo_preference === 'own' ? (
              <Notice kind="warning">
                <p>{t(values.photo_preference === 'own' ? 'photo.ownNote' : 'photo.refusedNote')}</p>
              </Notice>
            ) : null}
          </section>
        ) : null}

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('clientNew.submit')}
          </button>
          <Link to="/clients" className="button button--secondary">
            {t('action.cancel')}
          </Link>
        </div>
      </form>
    </main>
  );
}
