// The form for a treatment type (R-CAT): a new one of the practice's own, or a change to one,
// which the server stores as a new version (the form says which). Required fields are caught
// here; everything else the server checks, and the field its problem names gets the message,
// the aria-invalid mark and the focus.
import { useEffect, useRef, useState } from 'react';
import type { Regime, TreatmentType } from '../api/client';
import { createTreatmentType, updateTreatmentType } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { CheckboxField, FormError, Notice, RadioGroup, SelectField, SubmitButton, TextField, type Choice } from '../ui/controls';
import { useForm, type FieldErrors } from '../ui/useForm';
import { QUALIFICATIONS, qualificationLabel } from '../ui/qualifications';
import { codeFromName } from './labels';
import { FIELDS, changes, created, fieldOf, initial, type Category, type Field, type Values } from './typeValues';
import './type-form.css';

export function TypeForm({
  type,
  level,
  onSaved,
  onCancel,
}: {
  /** The type to change; none for a new one. */
  type?: TreatmentType;
  /** The heading level of the form's title where it stands. */
  level: 3 | 4;
  onSaved: (saved: TreatmentType) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const editing = type !== undefined;
  const [keyTouched, setKeyTouched] = useState(editing);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const prefix = editing ? 'type-edit' : 'type-new';
  const idOf = (f: Field) => `${prefix}-${f}`;
  const form = useForm<Values, Field>({
    initial: () => initial(type),
    fields: FIELDS,
    validate: (v) => {
      const found: FieldErrors<Field> = {
        key: !editing && !v.key.trim() ? t('field.id.required') : undefined,
        name_nl: v.name_nl.trim() ? undefined : t('field.name_nl.required'),
        name_en: v.name_en.trim() ? undefined : t('field.name_en.required'),
        category: v.regime === 'cosmetic' && !v.category ? t('field.category.required') : undefined,
      };
      if (FIELDS.some((f) => found[f])) return found;
      return type && Object.keys(changes(type, v)).length === 0 ? t('typeForm.unchanged') : {};
    },
    // The code of a type that exists is not the form's to change: a problem with it goes on top.
    problemField: (err) => {
      const field = fieldOf(err.field);
      return field === 'key' && editing ? null : field;
    },
    // At the field it names, and at the top of the form.
    explain: (_err, failure) => {
      const text = FIELDS.map((f) => failure.errors?.[f]).find(Boolean);
      return text ? { ...failure, formError: text } : failure;
    },
  });
  const { values, errors } = form;

  // The form takes the focus when it opens, so keyboard users start at its title.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function set<K extends keyof Values>(name: K, value: Values[K]) {
    form.update((v) => {
      const next = { ...v, [name]: value };
      // A new type's code follows its Dutch name until the owner types a code of their own.
      if (name === 'name_nl' && !keyTouched) next.key = codeFromName(String(value));
      return next;
    });
    // A message goes as soon as its field changes; so does the one at the top that it caused.
    const changed: Field[] = [];
    const field = fieldOf(name);
    if (field) changed.push(field);
    if (name === 'name_nl' && !keyTouched) changed.push('key');
    if (changed.some((f) => errors[f])) {
      form.clearError(...changed);
      form.clearFormError();
    }
  }

  /** `form.bind`, with this form's `set`. */
  const bind = <K extends keyof Values>(name: K) => form.bind(name, { onValue: (value) => set(name, value) });

  async function send(v: Values) {
    onSaved(type ? await updateTreatmentType(type.id, changes(type, v)) : await createTreatmentType(created(v)));
  }

  const regimeChoices: Choice<Regime>[] = [
    { value: 'basic', label: t('typeForm.regime.basic') },
    { value: 'wkkgz', label: t('typeForm.regime.wkkgz') },
    { value: 'pmu', label: t('typeForm.regime.pmu') },
    { value: 'cosmetic', label: t('typeForm.regime.cosmetic') },
  ];
  // What the chosen regime (and category) means for the trajectories of this type.
  const reflection = me.practice.reflection_days;
  let rule: string | null = null;
  if (values.regime !== 'cosmetic') rule = t(`regimeRule.${values.regime}`);
  else if (values.category) {
    const days = reflection[Number(values.category) - 1] ?? 0;
    rule = days === 0 ? t('regimeRule.cosmeticNoWait') : days === 1 ? t('regimeRule.cosmeticOneDay') : t('regimeRule.cosmetic', { days });
  }
  const categoryChoices: Choice<Category>[] = [
    { value: '1', label: t('typeForm.category1') },
    { value: '2', label: t('typeForm.category2') },
    { value: '3', label: t('typeForm.category3') },
  ];
  const qualifications: string[] = [...QUALIFICATIONS];
  if (values.qualification && !qualifications.includes(values.qualification)) qualifications.push(values.qualification);
  const Title = level === 3 ? 'h3' : 'h4';
  const titleId = `${prefix}-title`;

  return (
    <form className="subform type-form" onSubmit={form.onSubmit(send)} noValidate aria-labelledby={titleId}>
      <Title className="subform__title" id={titleId} tabIndex={-1} ref={titleRef}>
        {type ? t('typeForm.editTitle', { name: type.name }) : t('typeForm.addTitle')}
      </Title>
      {type ? (
        <Notice kind="info" title={t('typeForm.newVersionTitle', { next: type.version + 1 })}>
          <p>{t('typeForm.newVersion', { current: type.version, next: type.version + 1 })}</p>
        </Notice>
      ) : (
        <p className="muted">{t('typeForm.addIntro')}</p>
      )}
      <FormError focusRef={form.formErrorRef} title={t('typeForm.failed')} text={form.formError} />

      <div className="form__grid">
        <TextField
          id={idOf('name_nl')}
          label={t('typeForm.nameNl')}
          hint={t('typeForm.nameNlHint')}
          required
          autoComplete="off"
          lang="nl"
          {...bind('name_nl')}
        />
        <TextField
          id={idOf('name_en')}
          label={t('typeForm.nameEn')}
          hint={t('typeForm.nameEnHint')}
          required
          autoComplete="off"
          lang="en"
          {...bind('name_en')}
        />
      </div>
      {type ? (
        <p className="muted type-form__code">{t('typeForm.keyFixed', { code: type.id })}</p>
      ) : (
        <TextField
          id={idOf('key')}
          label={t('typeForm.key')}
          hint={t('typeForm.keyHint')}
          required
          width="medium"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          className="input--mono"
          {...form.bind('key', {
            onValue: (key) => {
              setKeyTouched(true);
              set('key', key);
            },
          })}
        />
      )}

      <RadioGroup
        id={idOf('regime')}
        legend={t('typeForm.regime')}
        hint={t('typeForm.regimeHint')}
        choices={regimeChoices}
        {...bind('regime')}
      />
      {values.regime === 'cosmetic' ? (
        <RadioGroup
          id={idOf('category')}
          legend={t('typeForm.category')}
          hint={t('typeForm.categoryHint')}
          choices={categoryChoices}
          {...bind('category')}
        />
      ) : null}
      {rule ? (
        <div className="type-form__rule">
          <Notice kind="info">
            <p>{rule}</p>
          </Notice>
        </div>
      ) : null}

      <SelectField
        id={idOf('qualification')}
        label={t('typeForm.qualification')}
        hint={t('typeForm.qualificationHint')}
        className="input input--full select"
        {...bind('qualification')}
      >
        <option value="">{t('qualification.none')}</option>
        {qualifications.map((q) => (
          <option key={q} value={q}>
            {qualificationLabel(t, q)}
          </option>
        ))}
      </SelectField>

      <fieldset className="field checks">
        <legend className="field__label">{t('typeForm.propertiesLegend')}</legend>
        <CheckboxField
          id={`${prefix}-visible_results`}
          label={t('typeForm.visibleResults')}
          {...bind('visible_results')}
        />
        <CheckboxField
          id={`${prefix}-device_required`}
          label={t('typeForm.deviceRequired')}
          {...bind('device_required')}
        />
        <CheckboxField
          id={`${prefix}-medical_act`}
          label={t('typeForm.medicalAct')}
          {...bind('medical_act')}
        />
      </fieldset>

      <div className="actions">
        <SubmitButton busy={form.busy}>
          {type ? t('typeForm.submitEdit', { n: type.version + 1 }) : t('typeForm.submitAdd')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
