// The form for a treatment type (R-CAT): a new one of the practice's own, or a change to one,
// which the server stores as a new version (the form says which). Required fields are caught
// here; everything else the server checks, and the field its problem names gets the message,
// the aria-invalid mark and the focus.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ApiError,
  isSessionEnded,
  type Regime,
  type TreatmentType,
  type TreatmentTypeCreate,
  type TreatmentTypePatch,
} from '../api/client';
import { createTreatmentType, updateTreatmentType } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { CheckboxField, FormError, Notice, RadioGroup, SelectField, TextField, type Choice } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { QUALIFICATIONS, codeFromName, qualificationLabel } from './labels';

// In the order of the form, so the first field with an error takes the focus.
const FIELDS = ['name_nl', 'name_en', 'key', 'regime', 'category', 'qualification'] as const;
type Field = (typeof FIELDS)[number];
type Category = '1' | '2' | '3';

interface Values {
  key: string;
  name_nl: string;
  name_en: string;
  regime: Regime;
  category: Category | '';
  qualification: string;
  visible_results: boolean;
  device_required: boolean;
  medical_act: boolean;
}

/** The API's field names; the type's code is `id` in the API and `key` in this form. */
function fieldOf(name: string | undefined): Field | null {
  if (name === 'id') return 'key';
  return (FIELDS as readonly string[]).includes(name ?? '') ? (name as Field) : null;
}

function initial(type: TreatmentType | undefined): Values {
  return {
    key: type?.id ?? '',
    name_nl: type?.name_nl ?? '',
    name_en: type?.name_en ?? '',
    regime: type?.regime ?? 'wkkgz',
    category: type?.category ? (String(type.category) as Category) : '',
    qualification: type?.qualification ?? '',
    visible_results: type?.visible_results ?? false,
    device_required: type?.device_required ?? false,
    medical_act: type?.medical_act ?? false,
  };
}

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
  const [values, setValues] = useState<Values>(() => initial(type));
  const [keyTouched, setKeyTouched] = useState(editing);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const formErrorRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const prefix = editing ? 'type-edit' : 'type-new';
  const idOf = (f: Field) => `${prefix}-${f}`;

  // The form takes the focus when it opens, so keyboard users start at its title.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function set<K extends keyof Values>(name: K, value: Values[K]) {
    setValues((v) => {
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
      setErrors((e) => {
        const next = { ...e };
        for (const f of changed) delete next[f];
        return next;
      });
      setFormError(null);
    }
  }

  function changes(): TreatmentTypePatch {
    if (!type) return {};
    const body: TreatmentTypePatch = {};
    const nl = values.name_nl.trim();
    const en = values.name_en.trim();
    if (nl !== type.name_nl) body.name_nl = nl;
    if (en !== type.name_en) body.name_en = en;
    const category = values.regime === 'cosmetic' ? Number(values.category) : null;
    if (values.regime !== type.regime || category !== (type.category ?? null)) {
      // Regime and category are checked together: send both.
      body.regime = values.regime;
      body.category = category;
    }
    if (values.qualification !== (type.qualification ?? '')) body.qualification = values.qualification;
    if (values.visible_results !== type.visible_results) body.visible_results = values.visible_results;
    if (values.device_required !== type.device_required) body.device_required = values.device_required;
    if (values.medical_act !== type.medical_act) body.medical_act = values.medical_act;
    return body;
  }

  function created(): TreatmentTypeCreate {
    const body: TreatmentTypeCreate = {
      id: values.key.trim(),
      regime: values.regime,
      name_nl: values.name_nl.trim(),
      name_en: values.name_en.trim(),
      visible_results: values.visible_results,
      device_required: values.device_required,
      medical_act: values.medical_act,
    };
    if (values.regime === 'cosmetic') body.category = Number(values.category);
    if (values.qualification) body.qualification = values.qualification;
    return body;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!editing && !values.key.trim()) found.key = t('field.id.required');
    if (!values.name_nl.trim()) found.name_nl = t('field.name_nl.required');
    if (!values.name_en.trim()) found.name_en = t('field.name_en.required');
    if (values.regime === 'cosmetic' && !values.category) found.category = t('field.category.required');
    setErrors(found);
    setFormError(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    let request: () => Promise<TreatmentType>;
    if (type) {
      const body = changes();
      if (Object.keys(body).length === 0) {
        setFormError(t('typeForm.unchanged'));
        formErrorRef.current?.focus();
        return;
      }
      request = () => updateTreatmentType(type.id, body);
    } else {
      const body = created();
      request = () => createTreatmentType(body);
    }
    setBusy(true);
    try {
      const saved = await request();
      setBusy(false);
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      if (isSessionEnded(err)) return;
      const field = err instanceof ApiError ? fieldOf(err.field) : null;
      if (err instanceof ApiError && field && (field !== 'key' || !editing)) {
        // At the field it names, and at the top of the form.
        const text = fieldErrorText(t, err);
        setErrors({ [field]: text });
        setFormError(text);
        refs.current[field]?.focus();
      } else {
        setFormError(errorText(t, err));
        formErrorRef.current?.focus();
      }
    }
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
    <form className="subform type-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
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
      <FormError focusRef={formErrorRef} title={t('typeForm.failed')} text={formError} />

      <div className="form__grid">
        <TextField
          id={idOf('name_nl')}
          label={t('typeForm.nameNl')}
          hint={t('typeForm.nameNlHint')}
          required
          autoComplete="off"
          lang="nl"
          value={values.name_nl}
          error={errors.name_nl}
          onChange={(e) => set('name_nl', e.target.value)}
          ref={(el) => {
            refs.current.name_nl = el;
          }}
        />
        <TextField
          id={idOf('name_en')}
          label={t('typeForm.nameEn')}
          hint={t('typeForm.nameEnHint')}
          required
          autoComplete="off"
          lang="en"
          value={values.name_en}
          error={errors.name_en}
          onChange={(e) => set('name_en', e.target.value)}
          ref={(el) => {
            refs.current.name_en = el;
          }}
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
          value={values.key}
          error={errors.key}
          onChange={(e) => {
            setKeyTouched(true);
            set('key', e.target.value);
          }}
          ref={(el) => {
            refs.current.key = el;
          }}
        />
      )}

      <RadioGroup
        id={idOf('regime')}
        legend={t('typeForm.regime')}
        hint={t('typeForm.regimeHint')}
        choices={regimeChoices}
        value={values.regime}
        error={errors.regime}
        onChange={(v) => set('regime', v)}
        firstRef={(el) => {
          refs.current.regime = el;
        }}
      />
      {values.regime === 'cosmetic' ? (
        <RadioGroup
          id={idOf('category')}
          legend={t('typeForm.category')}
          hint={t('typeForm.categoryHint')}
          choices={categoryChoices}
          value={values.category as Category}
          error={errors.category}
          onChange={(v) => set('category', v)}
          firstRef={(el) => {
            refs.current.category = el;
          }}
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
        value={values.qualification}
        error={errors.qualification}
        className="input input--full select"
        onChange={(e) => set('qualification', e.target.value)}
        ref={(el) => {
          refs.current.qualification = el;
        }}
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
          checked={values.visible_results}
          onChange={(e) => set('visible_results', e.target.checked)}
        />
        <CheckboxField
          id={`${prefix}-device_required`}
          label={t('typeForm.deviceRequired')}
          checked={values.device_required}
          onChange={(e) => set('device_required', e.target.checked)}
        />
        <CheckboxField
          id={`${prefix}-medical_act`}
          label={t('typeForm.medicalAct')}
          checked={values.medical_act}
          onChange={(e) => set('medical_act', e.target.checked)}
        />
      </fieldset>

      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {type ? t('typeForm.submitEdit', { n: type.version + 1 }) : t('typeForm.submitAdd')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
