// The values of a qualification (R-STAFF-1, R-STAFF-2): the kinds in the order the form offers
// them, the codes it can cover (the shipped catalogue's, those the practice's own treatment types
// name, and codes typed in), the form's checks and body, and how a qualification stands today
// (not yet valid, valid, ending within 60 days, ended).
import { ApiError, type Qualification, type QualificationInput, type QualificationKind, type TreatmentType } from '../api/client';
import { QUALIFICATIONS } from '../ui/qualifications';
import { hasMessage, type Translate } from '../i18n';
import { addDays } from '../ui/format';
import type { Failure, FieldErrors } from '../ui/useForm';

export const KINDS: readonly QualificationKind[] = ['diploma', 'big_registration', 'certificate', 'training'];

/** Within this many days the end of a qualification is shown as coming (the expiring panel's window). */
export const EXPIRING_DAYS = 60;

// In the order of the form, so the first field with an error takes the focus.
export const FIELDS = ['kind', 'title', 'big_number', 'covers', 'own_codes', 'valid_from', 'valid_until'] as const;
export type Field = (typeof FIELDS)[number];

export interface Values {
  kind: QualificationKind;
  title: string;
  big_number: string;
  /** The codes ticked, in the order of the options. */
  covers: string[];
  /** Codes typed in, separated by commas or spaces. */
  own_codes: string;
  /** 'YYYY-MM-DD' */
  valid_from: string;
  /** The last valid day, 'YYYY-MM-DD', or '' when it does not end. */
  valid_until: string;
}

export const INITIAL: Values = {
  kind: 'diploma',
  title: '',
  big_number: '',
  covers: [],
  own_codes: '',
  valid_from: '',
  valid_until: '',
};

const CODE = /^[a-z0-9_]{1,60}$/;

/** The codes offered as checkboxes: the shipped ones first, then the practice's own. */
export function coverOptions(types: TreatmentType[]): string[] {
  const codes: string[] = [...QUALIFICATIONS];
  for (const type of types) {
    for (const code of type.qualifications ?? []) if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

export function ownCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The BIG number as the register writes it: the digits, without spaces or dots. */
function bigDigits(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

/** The codes sent, ticked then typed, each once. */
function allCovers(v: Values): string[] {
  return [...new Set([...v.covers, ...ownCodes(v.own_codes)])];
}

/** A message of this form by field and code, if the catalogue has one. */
export function message(t: Translate, field: Field, code: string): string | undefined {
  const key = `qualForm.error.${field}.${code}`;
  return hasMessage(key) ? t(key) : undefined;
}

/** What the form itself catches before anything is sent. */
export function check(t: Translate, v: Values): FieldErrors<Field> {
  const own = ownCodes(v.own_codes);
  return {
    title: v.title.trim() ? undefined : message(t, 'title', 'required'),
    big_number:
      v.kind !== 'big_registration'
        ? undefined
        : !bigDigits(v.big_number)
          ? message(t, 'big_number', 'required')
          : /^\d{11}$/.test(bigDigits(v.big_number))
            ? undefined
            : message(t, 'big_number', 'invalid_value'),
    covers: allCovers(v).length === 0 ? message(t, 'covers', 'required') : undefined,
    own_codes: own.every((c) => CODE.test(c)) ? undefined : message(t, 'own_codes', 'invalid_value'),
    valid_from: v.valid_from ? undefined : message(t, 'valid_from', 'required'),
    valid_until: v.valid_until && v.valid_from && v.valid_until < v.valid_from ? message(t, 'valid_until', 'invalid_value') : undefined,
  };
}

export function body(v: Values): QualificationInput {
  const input: QualificationInput = { kind: v.kind, title: v.title.trim(), covers: allCovers(v), valid_from: v.valid_from };
  if (v.kind === 'big_registration') input.big_number = bigDigits(v.big_number);
  if (v.valid_until) input.valid_until = v.valid_until;
  return input;
}

/**
 * A refusal at its field, in this form's words: `covers[i]` is a typed code when i is past the
 * ticked ones. Anything else as the standard reading has it.
 */
export function explain(t: Translate, v: Values, err: unknown, standard: Failure<Field>): Failure<Field> {
  if (!(err instanceof ApiError) || !err.field) return standard;
  const item = /^covers\[(\d+)\]$/.exec(err.field);
  const field: Field | undefined = item
    ? Number(item[1]) >= v.covers.length
      ? 'own_codes'
      : 'covers'
    : (FIELDS as readonly string[]).includes(err.field)
      ? (err.field as Field)
      : undefined;
  if (!field) return standard;
  const text = message(t, field, err.code) ?? (item ? message(t, 'own_codes', 'invalid_value') : undefined);
  return text ? { errors: { [field]: text } } : standard;
}

/** How a qualification stands on TODAY ('YYYY-MM-DD', Amsterdam). */
export type Standing = 'pending' | 'valid' | 'expiring' | 'expired';

export function standing(q: Qualification, today: string): Standing {
  if (q.valid_from > today) return 'pending';
  if (!q.valid_until) return 'valid';
  if (q.valid_until < today) return 'expired';
  return q.valid_until <= addDays(today, EXPIRING_DAYS) ? 'expiring' : 'valid';
}

/** Whole days from TODAY to DAY (both 'YYYY-MM-DD'). */
export function daysUntil(today: string, day: string): number {
  const at = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((at(day) - at(today)) / 86_400_000);
}
