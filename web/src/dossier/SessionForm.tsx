// The session record (behandelverslag, R-TRJ-2), quick to fill on a tablet: the body areas are
// one tap each (the treatment type's usual ones preselected), the products and batch numbers of
// the previous session are one tap away (R-TRJ-4), a pmu session starts with a pigment and a
// needle row (batch numbers required), a type that needs a device starts with the device, and
// the aftercare advice starts from the trajectory's aftercare.
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, type ProductKind, type Session, type SessionInput, type SessionProduct, type Trajectory } from '../api/client';
import { useI18n } from '../i18n';
import { SignConfirm, enterMovesOn } from './SignConfirm';
import { CheckboxField, FormError, TextAreaField, TextField } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { nowLocalInput } from '../ui/format';
import { LeaveGuard } from '../ui/LeaveGuard';
import { merged } from '../ui/refs';
import { useForm, type Failure } from '../ui/useForm';
import { BodyAreasField } from './BodyAreasField';
import { BODY_AREAS, TYPE_AREAS } from './labels';
import { ProductsSection } from './ProductsSection';
import {
  FIELD_ORDER,
  TEXTS,
  fromSession,
  isRuleProblem,
  newSession,
  problemField,
  sessionErrors,
  sessionInput,
  type Field,
  type Values,
} from './sessionValues';
import './session.css';

/** The record was saved, but the server refused to sign it (the reason is the API's error). */
export class SignRefused extends Error {
  readonly reason: unknown;

  constructor(reason: unknown) {
    super('sign refused');
    this.reason = reason;
  }
}

export type SessionSubmit = (fields: SessionInput, sign: boolean, password?: string) => Promise<void>;

const firstButton = (el: HTMLElement) => el.querySelector<HTMLElement>('button');
const firstControl = (el: HTMLElement) => el.querySelector<HTMLElement>('select, input');

export function SessionForm({
  trajectory,
  draft,
  previous,
  pmu,
  deviceRequired,
  initialError,
  onSubmit,
}: {
  trajectory: Trajectory;
  /** The draft being finished; a new session when absent. */
  draft?: Session;
  /** The client's previous session of this treatment type, for its products. */
  previous?: Session;
  pmu: boolean;
  deviceRequired: boolean;
  /** Why the draft was not signed just now (an API error). */
  initialError?: unknown;
  onSubmit: SessionSubmit;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [copied, setCopied] = useState(false);
  /** Which button was pressed: its spinner turns. */
  const [signing, setSigning] = useState(false);
  /** The error at the top is about a refused signature. */
  const [notSigned, setNotSigned] = useState(false);
  /** The dialog that names the signer is open. */
  const [confirming, setConfirming] = useState(false);
  const productsRef = useRef<HTMLDivElement>(null);
  const form = useForm<Values, Field>({
    initial: () => (draft ? fromSession(draft) : newSession(t, trajectory, pmu, deviceRequired)),
    fields: FIELD_ORDER,
    validate: (v) => sessionErrors(t, v),
    focusAfterRender: true, // the device's fields may come with its error
    // An error next to the field it names; a refused signature also says so above the form.
    explain: (thrown): Failure<Field> => {
      const signed = thrown instanceof SignRefused;
      const err = thrown instanceof SignRefused ? thrown.reason : thrown;
      setNotSigned(signed);
      // The signer's password (asked in the dialog): said above the form.
      if (err instanceof ApiError && err.problem?.field === 'password') return { errors: {}, formError: fieldErrorText(t, err), focus: 'form' };
      const field = err instanceof ApiError ? problemField(err) : undefined;
      if (field === 'device') form.update((x) => (x.device_used ? x : { ...x, device_used: true }));
      const errors = err instanceof ApiError && field ? { [field]: isRuleProblem(err) ? errorText(t, err) : fieldErrorText(t, err) } : {};
      if (!signed && field) return { errors };
      return { errors, formError: field ? t('session.fixBelow') : errorText(t, err), focus: 'form' };
    },
  });
  const { values, errors } = form;
  const [initialAt] = useState(() => values.performed_at);
  // What was last saved (or loaded): leaving with other values asks first.
  const [savedValues, setSavedValues] = useState(() => JSON.stringify(values));
  const dirty = JSON.stringify(values) !== savedValues;

  useEffect(() => {
    if (initialError) form.showError(new SignRefused(initialError));
    // once, for the error the draft arrived with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function toggleArea(area: string) {
    form.update((v) => ({
      ...v,
      body_areas: v.body_areas.includes(area) ? v.body_areas.filter((a) => a !== area) : [...v.body_areas, area],
    }));
    form.clearError('body_areas');
  }

  function addArea(area: string) {
    form.update((v) => (v.body_areas.includes(area) ? v : { ...v, body_areas: [...v.body_areas, area] }));
    form.clearError('body_areas');
  }

  function setProduct(i: number, patch: Partial<SessionProduct>) {
    form.update((v) => ({ ...v, products: v.products.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
    form.clearError('products');
  }

  function addProduct(kind: ProductKind) {
    form.update((v) => ({ ...v, products: [...v.products, { kind, name: '', batch: '' }] }));
    window.setTimeout(() => {
      const inputs = productsRef.current?.querySelectorAll<HTMLInputElement>('input[data-product-name]');
      inputs?.[inputs.length - 1]?.focus();
    }, 0);
  }

  function removeProduct(i: number) {
    form.update((v) => ({ ...v, products: v.products.filter((_, j) => j !== i) }));
    form.clearError('products');
  }

  function copyPrevious() {
    if (!previous) return;
    form.update((v) => ({
      ...v,
      products: previous.products.map((p) => ({ ...p })),
      ...(previous.device
        ? { device_used: true, device_name: previous.device.name, device_settings: previous.device.settings }
        : {}),
    }));
    setCopied(true);
    form.clearError('products');
  }

  function submit(sign: boolean, password?: string) {
    if (form.busy) return;
    setSigning(sign);
    void form.submit(async (v) => {
      await onSubmit(sessionInput(v, initialAt, draft), sign, password);
      setSavedValues(JSON.stringify(v));
    });
  }

  const typeAreas = TYPE_AREAS[trajectory.treatment_type.id] ?? [];
  const suggestions = [...typeAreas, ...BODY_AREAS.filter((a) => !typeAreas.includes(a))].map((a) => t(`area.${a}`));
  const custom = values.body_areas.filter((a) => !suggestions.includes(a));

  return (
    <>
      <LeaveGuard when={dirty && !form.busy} />
      <form
        className="form"
        onKeyDown={enterMovesOn}
        onSubmit={(e) => {
          e.preventDefault();
          submit(false);
        }}
        noValidate
      >
        <FormError
          focusRef={form.formErrorRef}
          title={form.formError ? t(notSigned ? 'session.notSigned' : 'session.failed') : ''}
          text={form.formError}
        />

        <section className="form__group" aria-labelledby={`${uid}-when`}>
          <h2 className="form__legend" id={`${uid}-when`}>
            {t('session.whenGroup')}
          </h2>
          <TextField
            id="performed_at"
            label={t('session.performedAt')}
            hint={t('session.performedAtHint')}
            required
            width="medium"
            type="datetime-local"
            max={nowLocalInput()}
            {...form.bind('performed_at')}
          />
          <BodyAreasField
            areas={[...suggestions, ...custom]}
            chosen={values.body_areas}
            error={errors.body_areas}
            onToggle={toggleArea}
            onAdd={addArea}
            itemsRef={form.field('body_areas', firstButton)}
          />
        </section>

        <ProductsSection
          labelId={`${uid}-products`}
          products={values.products}
          pmu={pmu}
          previous={previous}
          copied={copied}
          error={errors.products}
          onChange={setProduct}
          onAdd={addProduct}
          onRemove={removeProduct}
          onCopyPrevious={copyPrevious}
          rowsRef={merged(productsRef, form.field('products', firstControl))}
        />

        <section className="form__group" aria-labelledby={`${uid}-device`}>
          <h2 className="form__legend" id={`${uid}-device`}>
            {t('session.deviceGroup')}
          </h2>
          {deviceRequired ? (
            <p className="field__hint">{t('session.deviceRequired')}</p>
          ) : (
            <CheckboxField
              id="device_used"
              label={t('session.deviceUsed')}
              {...form.bind('device_used', {
                onValue: (used) => {
                  form.set('device_used', used);
                  form.clearError('device');
                },
              })}
            />
          )}
          {values.device_used ? (
            <div className="form__row form__row--even">
              <TextField
                id="device_name"
                label={t('session.deviceName')}
                required
                autoComplete="off"
                {...form.bind('device_name', { field: 'device' })}
              />
              <TextField
                id="device_settings"
                label={t('session.deviceSettings')}
                hint={t('session.deviceSettingsHint')}
                autoComplete="off"
                {...form.bind('device_settings')}
              />
            </div>
          ) : null}
        </section>

        <section className="form__group" aria-labelledby={`${uid}-record`}>
          <h2 className="form__legend" id={`${uid}-record`}>
            {t('session.recordGroup')}
          </h2>
          {TEXTS.map((name) => (
            <TextAreaField
              key={name}
              id={name}
              label={t(`session.${name}`)}
              hint={t(`session.${name}Hint`)}
              rows={name === 'particulars' || name === 'aftercare_advice' ? 3 : 2}
              {...form.bind(name)}
            />
          ))}
        </section>

        <p className="muted">{t('session.signHint')}</p>
        <div className="actions">
          <button type="button" className="button button--primary" disabled={form.busy} onClick={() => form.check() && setConfirming(true)}>
            {form.busy && signing ? <span className="spinner" aria-hidden="true" /> : null}
            {t(draft ? 'session.saveAndSignDraft' : 'session.saveAndSign')}
          </button>
          <button type="submit" className="button button--secondary" disabled={form.busy}>
            {form.busy && !signing ? <span className="spinner" aria-hidden="true" /> : null}
            {t(draft ? 'session.saveDraftChanges' : 'session.saveDraft')}
          </button>
        </div>
      </form>
      <SignConfirm
        open={confirming}
        onCancel={() => setConfirming(false)}
        onSign={(password) => {
          setConfirming(false);
          submit(true, password);
        }}
      />
    </>
  );
}
