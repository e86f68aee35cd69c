// The session record (behandelverslag, R-TRJ-2), quick to fill on a tablet: the body areas are
// one tap each (the treatment type's usual ones preselected), the products and batch numbers of
// the previous session are one tap away (R-TRJ-4), a pmu session starts with a pigment and a
// needle row (batch numbers required), a type that needs a device starts with the device, and
// the aftercare advice starts from the trajectory's aftercare.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, isSessionEnded, type ProductKind, type Session, type SessionInput, type SessionProduct, type Trajectory } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';
import { CheckboxField, ErrorIcon, SelectField, TextAreaField, TextField, FormError } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { amsterdamToIso, formatDate, dateInAmsterdam, nowLocalInput } from '../ui/format';
import { BODY_AREAS, TYPE_AREAS } from './labels';

const TEXTS = ['particulars', 'result', 'evaluation', 'attention_points', 'aftercare_advice'] as const;
type TextName = (typeof TEXTS)[number];
type Field = 'performed_at' | 'body_areas' | 'products' | 'device' | TextName;
const FIELD_ORDER: Field[] = ['performed_at', 'body_areas', 'products', 'device', ...TEXTS];

interface Values {
  performed_at: string;
  body_areas: string[];
  products: SessionProduct[];
  device_used: boolean;
  device_name: string;
  device_settings: string;
  texts: Record<TextName, string>;
}

/** A datetime-local value for an instant, in Amsterdam. */
function toLocalInput(instant: string | null | undefined): string {
  return instant ? nowLocalInput(new Date(instant)) : nowLocalInput();
}

function fromSession(s: Session): Values {
  return {
    performed_at: toLocalInput(s.performed_at),
    body_areas: [...s.body_areas],
    products: s.products.map((p) => ({ ...p })),
    device_used: s.device !== null,
    device_name: s.device?.name ?? '',
    device_settings: s.device?.settings ?? '',
    texts: {
      particulars: s.particulars,
      result: s.result,
      evaluation: s.evaluation,
      attention_points: s.attention_points,
      aftercare_advice: s.aftercare_advice,
    },
  };
}

/** The record was saved, but the server refused to sign it (the reason is the API's error). */
export class SignRefused extends Error {
  readonly reason: unknown;

  constructor(reason: unknown) {
    super('sign refused');
    this.reason = reason;
  }
}

export type SessionSubmit = (fields: SessionInput, sign: boolean) => Promise<void>;

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
  const [values, setValues] = useState<Values>(() => {
    if (draft) return fromSession(draft);
    const areas = (TYPE_AREAS[trajectory.treatment_type.id] ?? []).map((a) => t(`area.${a}`));
    return {
      performed_at: nowLocalInput(),
      body_areas: areas,
      products: pmu
        ? [
            { kind: 'pigment', name: '', batch: '' },
            { kind: 'needle', name: '', batch: '' },
          ]
        : [{ kind: 'product', name: '', batch: '' }],
      device_used: deviceRequired,
      device_name: '',
      device_settings: '',
      texts: { particulars: '', result: '', evaluation: '', attention_points: '', aftercare_advice: trajectory.aftercare },
    };
  });
  // Left as it was, the time is not sent as typed (to the minute): a new session takes the
  // server's now, a draft keeps its exact time. The confirmation on the day must come before
  // the session (R-CONSENT-3), and a minute cut short could put it after.
  const [initialAt] = useState(() => values.performed_at);
  const [otherArea, setOtherArea] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<{ title: MessageKey; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const formErrorRef = useRef<HTMLDivElement>(null);
  const productsRef = useRef<HTMLDivElement>(null);

  function clearError(f: Field) {
    setErrors((e) => (e[f] ? { ...e, [f]: undefined } : e));
  }

  function toggleArea(area: string) {
    setValues((v) => ({
      ...v,
      body_areas: v.body_areas.includes(area) ? v.body_areas.filter((a) => a !== area) : [...v.body_areas, area],
    }));
    clearError('body_areas');
  }

  function addOtherArea() {
    const area = otherArea.trim();
    if (!area) return;
    setValues((v) => (v.body_areas.includes(area) ? v : { ...v, body_areas: [...v.body_areas, area] }));
    setOtherArea('');
    clearError('body_areas');
  }

  function setProduct(i: number, patch: Partial<SessionProduct>) {
    setValues((v) => ({ ...v, products: v.products.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
    clearError('products');
  }

  function addProduct(kind: ProductKind = 'product') {
    setValues((v) => ({ ...v, products: [...v.products, { kind, name: '', batch: '' }] }));
    window.setTimeout(() => {
      const inputs = productsRef.current?.querySelectorAll<HTMLInputElement>('input[data-product-name]');
      inputs?.[inputs.length - 1]?.focus();
    }, 0);
  }

  function removeProduct(i: number) {
    setValues((v) => ({ ...v, products: v.products.filter((_, j) => j !== i) }));
    clearError('products');
  }

  function copyPrevious() {
    if (!previous) return;
    setValues((v) => ({
      ...v,
      products: previous.products.map((p) => ({ ...p })),
      ...(previous.device
        ? { device_used: true, device_name: previous.device.name, device_settings: previous.device.settings }
        : {}),
    }));
    setCopied(true);
    clearError('products');
  }

  function fields(): SessionInput | null {
    const at = amsterdamToIso(values.performed_at);
    const found: Partial<Record<Field, string>> = {};
    if (!at) found.performed_at = t('field.performed_at.required');
    const products = values.products
      .map((p) => ({ kind: p.kind, name: p.name.trim(), batch: p.batch.trim() }))
      .filter((p) => p.name || p.batch);
    if (products.some((p) => !p.name)) found.products = t('session.productNameMissing');
    if (values.device_used && !values.device_name.trim()) found.device = t('field.device.required');
    setErrors(found);
    setFormError(null);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      return null;
    }
    const untouched = values.performed_at === initialAt;
    return {
      ...(untouched ? (draft ? { performed_at: draft.performed_at } : {}) : { performed_at: at! }),
      body_areas: values.body_areas,
      products,
      device: values.device_used ? { name: values.device_name.trim(), settings: values.device_settings.trim() } : null,
      particulars: values.texts.particulars.trim(),
      result: values.texts.result.trim(),
      evaluation: values.texts.evaluation.trim(),
      attention_points: values.texts.attention_points.trim(),
      aftercare_advice: values.texts.aftercare_advice.trim(),
    };
  }

  /** An error next to the field it names; a refused signature also says so above the form. */
  function showError(thrown: unknown) {
    const signing = thrown instanceof SignRefused;
    const err = thrown instanceof SignRefused ? thrown.reason : thrown;
    const name = err instanceof ApiError ? err.field : undefined;
    const named = FIELD_ORDER.find((f) => name === f || name?.startsWith(`${f}[`) || name?.startsWith(`${f}.`));
    const rule = err instanceof ApiError && (err.code === 'batch_missing' || err.code === 'device_missing');
    const field: Field | undefined = rule ? (err.code === 'batch_missing' ? 'products' : 'device') : named;
    if (field === 'device' && !values.device_used) setValues((x) => ({ ...x, device_used: true }));
    if (err instanceof ApiError && field) {
      setErrors({ [field]: rule ? errorText(t, err) : fieldErrorText(t, err) });
    }
    if (signing || !field) {
      const text = field && err instanceof ApiError ? t('session.fixBelow') : errorText(t, err);
      setFormError({ title: signing ? 'session.notSigned' : 'session.failed', text });
      window.setTimeout(() => formErrorRef.current?.focus(), 0);
    } else {
      window.setTimeout(() => refs.current[field]?.focus(), 0);
    }
  }

  useEffect(() => {
    if (initialError) showError(new SignRefused(initialError));
    // once, for the error the draft arrived with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(sign: boolean) {
    if (busy) return;
    const body = fields();
    if (!body) return;
    setBusy(sign ? 'sign' : 'save');
    try {
      await onSubmit(body, sign);
    } catch (err) {
      if (!isSessionEnded(err)) showError(err);
    } finally {
      setBusy(null);
    }
  }

  function onFormSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(false);
  }

  function onOtherKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      addOtherArea();
    }
  }

  const suggestions = [
    ...(TYPE_AREAS[trajectory.treatment_type.id] ?? []),
    ...BODY_AREAS.filter((a) => !(TYPE_AREAS[trajectory.treatment_type.id] ?? []).includes(a)),
  ].map((a) => t(`area.${a}`));
  const custom = values.body_areas.filter((a) => !suggestions.includes(a));
  const kinds: ProductKind[] = ['product', 'pigment', 'needle'];

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      <FormError focusRef={formErrorRef} title={formError ? t(formError.title) : ''} text={formError?.text} />

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
          value={values.performed_at}
          error={errors.performed_at}
          onChange={(e) => {
            const v = e.target.value;
            setValues((x) => ({ ...x, performed_at: v }));
            clearError('performed_at');
          }}
          ref={(el) => {
            refs.current.performed_at = el;
          }}
        />
        <fieldset className={`field chips${errors.body_areas ? ' field--error' : ''}`} aria-describedby={errors.body_areas ? 'body_areas-error' : undefined}>
          <legend className="field__label">{t('session.bodyAreas')}</legend>
          <p className="field__hint">{t('session.bodyAreasHint')}</p>
          {errors.body_areas ? (
            <p className="field__error" id="body_areas-error">
              <ErrorIcon />
              <span>{errors.body_areas}</span>
            </p>
          ) : null}
          <div
            className="chips__items"
            ref={(el) => {
              refs.current.body_areas = el?.querySelector('button') ?? null;
            }}
          >
            {[...suggestions, ...custom].map((a) => (
              <button
                key={a}
                type="button"
                className="chip"
                aria-pressed={values.body_areas.includes(a)}
                onClick={() => toggleArea(a)}
              >
                {a}
              </button>
            ))}
          </div>
          <div className="chips__other">
            <TextField
              id="body_area_other"
              label={t('session.otherArea')}
              width="medium"
              autoComplete="off"
              value={otherArea}
              onChange={(e) => setOtherArea(e.target.value)}
              onKeyDown={onOtherKey}
            />
            <button type="button" className="button button--secondary" onClick={addOtherArea}>
              {t('session.addArea')}
            </button>
          </div>
        </fieldset>
      </section>

      <section className="form__group" aria-labelledby={`${uid}-products`}>
        <div className="form__legend-row">
          <h2 className="form__legend" id={`${uid}-products`}>
            {t('session.productsGroup')}
          </h2>
          {previous && previous.products.length ? (
            <button type="button" className="button button--secondary" onClick={copyPrevious}>
              {t('session.samePrevious', { date: formatDate(dateInAmsterdam(previous.performed_at)) })}
            </button>
          ) : null}
        </div>
        <p className="field__hint">{t(pmu ? 'session.productsHintPmu' : 'session.productsHint')}</p>
        <div role="status">{copied ? <p className="copied">{t('session.copied')}</p> : null}</div>
        {errors.products ? (
          <p className="field__error" id="products-error">
            <ErrorIcon />
            <span>{errors.products}</span>
          </p>
        ) : null}
        <div
          className={`products${errors.products ? ' field--error' : ''}`}
          role="group"
          aria-labelledby={`${uid}-products`}
          aria-describedby={errors.products ? 'products-error' : undefined}
          ref={(el) => {
            productsRef.current = el;
            refs.current.products = el?.querySelector('select, input') ?? null;
          }}
        >
          {values.products.map((p, i) => (
            <fieldset className="product" key={i}>
              <legend className="visually-hidden">{t('session.productN', { n: i + 1 })}</legend>
              <SelectField
                id={`product-${i}-kind`}
                label={t('session.productKind')}
                value={p.kind}
                onChange={(e) => setProduct(i, { kind: e.target.value as ProductKind })}
                className="input select"
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`product.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`product-${i}-name`}
                label={t('session.productName')}
                autoComplete="off"
                value={p.name}
                onChange={(e) => setProduct(i, { name: e.target.value })}
                data-product-name=""
                aria-invalid={errors.products && !p.name.trim() && p.batch.trim() ? true : undefined}
              />
              <TextField
                id={`product-${i}-batch`}
                label={t('session.productBatch')}
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="characters"
                value={p.batch}
                onChange={(e) => setProduct(i, { batch: e.target.value })}
                required={p.kind !== 'product' && pmu}
                aria-invalid={errors.products && pmu && p.kind !== 'product' && !p.batch.trim() ? true : undefined}
              />
              <button
                type="button"
                className="button button--quiet product__remove"
                onClick={() => removeProduct(i)}
                aria-label={t('session.removeProduct', { n: i + 1 })}
              >
                {t('session.remove')}
              </button>
            </fieldset>
          ))}
        </div>
        <div className="actions actions--tight">
          <button type="button" className="button button--secondary" onClick={() => addProduct('product')}>
            {t('session.addProduct')}
          </button>
          {pmu ? (
            <>
              <button type="button" className="button button--secondary" onClick={() => addProduct('pigment')}>
                {t('session.addPigment')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => addProduct('needle')}>
                {t('session.addNeedle')}
              </button>
            </>
          ) : null}
        </div>
      </section>

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
            checked={values.device_used}
            onChange={(e) => {
              const v = e.target.checked;
              setValues((x) => ({ ...x, device_used: v }));
              clearError('device');
            }}
          />
        )}
        {values.device_used ? (
          <div className="form__row form__row--even">
            <TextField
              id="device_name"
              label={t('session.deviceName')}
              required
              autoComplete="off"
              value={values.device_name}
              error={errors.device}
              onChange={(e) => {
                const v = e.target.value;
                setValues((x) => ({ ...x, device_name: v }));
                clearError('device');
              }}
              ref={(el) => {
                refs.current.device = el;
              }}
            />
            <TextField
              id="device_settings"
              label={t('session.deviceSettings')}
              hint={t('session.deviceSettingsHint')}
              autoComplete="off"
              value={values.device_settings}
              onChange={(e) => {
                const v = e.target.value;
                setValues((x) => ({ ...x, device_settings: v }));
              }}
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
            value={values.texts[name]}
            error={errors[name]}
            onChange={(e) => {
              const v = e.target.value;
              setValues((x) => ({ ...x, texts: { ...x.texts, [name]: v } }));
              clearError(name);
            }}
            ref={(el) => {
              refs.current[name] = el;
            }}
          />
        ))}
      </section>

      <p className="muted">{t('session.signHint')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void submit(true)}>
          {busy === 'sign' ? <span className="spinner" aria-hidden="true" /> : null}
          {t(draft ? 'session.saveAndSignDraft' : 'session.saveAndSign')}
        </button>
        <button type="submit" className="button button--secondary" disabled={busy !== null}>
          {busy === 'save' ? <span className="spinner" aria-hidden="true" /> : null}
          {t(draft ? 'session.saveDraftChanges' : 'session.saveDraft')}
        </button>
      </div>
    </form>
  );
}
