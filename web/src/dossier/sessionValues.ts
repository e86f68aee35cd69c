// The values of the session form (R-TRJ-2): where a new session starts (the treatment type's
// usual areas, a pigment and a needle row for pmu, the trajectory's aftercare) or a draft, the
// form's own checks, and the fields the API receives.
import { ApiError, type Session, type SessionInput, type SessionProduct, type Trajectory } from '../api/client';
import type { Translate } from '../i18n';
import type { FieldErrors } from '../ui/useForm';
import { amsterdamToIso, nowLocalInput } from '../ui/format';
import { TYPE_AREAS } from './labels';

export const TEXTS = ['particulars', 'result', 'evaluation', 'attention_points', 'aftercare_advice'] as const;
export type TextName = (typeof TEXTS)[number];
export type Field = 'performed_at' | 'body_areas' | 'products' | 'device' | TextName;
/** In the order of the form, so the first field with an error takes the focus. */
export const FIELD_ORDER: Field[] = ['performed_at', 'body_areas', 'products', 'device', ...TEXTS];

/** The record's texts stand beside the other values, each under its field's name. */
export interface Values extends Record<TextName, string> {
  performed_at: string;
  body_areas: string[];
  products: SessionProduct[];
  device_used: boolean;
  device_name: string;
  device_settings: string;
}

/** A datetime-local value for an instant, in Amsterdam. */
function toLocalInput(instant: string | null | undefined): string {
  return instant ? nowLocalInput(new Date(instant)) : nowLocalInput();
}

export function fromSession(s: Session): Values {
  return {
    performed_at: toLocalInput(s.performed_at),
    body_areas: [...s.body_areas],
    products: s.products.map((p) => ({ ...p })),
    device_used: s.device !== null,
    device_name: s.device?.name ?? '',
    device_settings: s.device?.settings ?? '',
    particulars: s.particulars,
    result: s.result,
    evaluation: s.evaluation,
    attention_points: s.attention_points,
    aftercare_advice: s.aftercare_advice,
  };
}

export function newSession(t: Translate, trajectory: Trajectory, pmu: boolean, deviceRequired: boolean): Values {
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
    particulars: '',
    result: '',
    evaluation: '',
    attention_points: '',
    aftercare_advice: trajectory.aftercare,
  };
}

/** The product rows that hold something, trimmed. */
function filledProducts(values: Values): SessionProduct[] {
  return values.products
    .map((p) => ({ kind: p.kind, name: p.name.trim(), batch: p.batch.trim() }))
    .filter((p) => p.name || p.batch);
}

/** What the form itself finds wrong before anything is sent. */
export function sessionErrors(t: Translate, values: Values): FieldErrors<Field> {
  return {
    performed_at: amsterdamToIso(values.performed_at) ? undefined : t('field.performed_at.required'),
    products: filledProducts(values).some((p) => !p.name) ? t('session.productNameMissing') : undefined,
    device: values.device_used && !values.device_name.trim() ? t('field.device.required') : undefined,
  };
}

/**
 * The fields sent. Left as it was, the time is not sent as typed (to the minute): a new session
 * takes the server's now, a draft keeps its exact time. The confirmation on the day must come
 * before the session (R-CONSENT-3), and a minute cut short could put it after.
 */
export function sessionInput(values: Values, initialAt: string, draft: Session | undefined): SessionInput {
  const untouched = values.performed_at === initialAt;
  return {
    ...(untouched ? (draft ? { performed_at: draft.performed_at } : {}) : { performed_at: amsterdamToIso(values.performed_at) ?? '' }),
    body_areas: values.body_areas,
    products: filledProducts(values),
    device: values.device_used ? { name: values.device_name.trim(), settings: values.device_settings.trim() } : null,
    particulars: values.particulars.trim(),
    result: values.result.trim(),
    evaluation: values.evaluation.trim(),
    attention_points: values.attention_points.trim(),
    aftercare_advice: values.aftercare_advice.trim(),
  };
}

/** The field an API problem is about: `products[1].batch` is the products; a rule names its own. */
export function problemField(err: ApiError): Field | undefined {
  if (err.code === 'batch_missing') return 'products';
  if (err.code === 'device_missing') return 'device';
  const name = err.field;
  return FIELD_ORDER.find((f) => name === f || name?.startsWith(`${f}[`) || name?.startsWith(`${f}.`));
}

/** A broken rule (batch or device missing) is said in the words of the rule, not of the field. */
export function isRuleProblem(err: ApiError): boolean {
  return err.code === 'batch_missing' || err.code === 'device_missing';
}
