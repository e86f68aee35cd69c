// The values of the client edit form, from the client as loaded, and the merge patch they make:
// only what changed, trimmed; an emptied optional field is null, which clears it (R-SEC-4).
import type { Client, ClientPatch, PhotoPreference, RecordsConsent } from '../api/client';
import { dateToSend } from '../ui/dateInput';
import { formatDate } from '../ui/format';

export type RecordsChoice = 'unknown' | 'given' | 'refused';
export type PhotoChoice = 'unknown' | 'allowed' | 'refused' | 'own';

export interface EditValues {
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

export type EditField = keyof EditValues;
export const EDIT_FIELDS: EditField[] = [
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

export function recordsChoice(v: RecordsConsent | undefined): RecordsChoice {
  return v ?? 'unknown';
}

export function photoChoice(v: PhotoPreference | undefined): PhotoChoice {
  return v ?? 'unknown';
}

export function editValues(c: Client): EditValues {
  return {
    given_name: c.given_name,
    name_prefix: c.name_prefix ?? '',
    family_name: c.family_name,
    date_of_birth: formatDate(c.date_of_birth),
    phone: c.phone ?? '',
    email: c.email ?? '',
    location: c.location,
    records_consent: recordsChoice(c.records_consent),
    photo_preference: photoChoice(c.photo_preference),
  };
}

/** What text makes of an optional field: null when empty. */
function optional(text: string): string | null {
  const v = text.trim();
  return v ? v : null;
}

/**
 * The merge patch from the client as loaded to the values: only fields that changed. The
 * record-keeping choice and the photo preference only when the role may set them.
 */
export function clientPatch(c: Client, v: EditValues, preferences: boolean): ClientPatch {
  const p: ClientPatch = {};
  if (v.given_name.trim() !== c.given_name) p.given_name = v.given_name.trim();
  if (optional(v.name_prefix) !== (c.name_prefix ?? null)) p.name_prefix = optional(v.name_prefix);
  if (v.family_name.trim() !== c.family_name) p.family_name = v.family_name.trim();
  const dob = dateToSend(v.date_of_birth);
  if (dob !== c.date_of_birth) p.date_of_birth = dob;
  if (optional(v.phone) !== (c.phone ?? null)) p.phone = optional(v.phone);
  if (optional(v.email) !== (c.email ?? null)) p.email = optional(v.email);
  if (v.location && v.location !== c.location) p.location = v.location;
  if (preferences) {
    if (v.records_consent !== recordsChoice(c.records_consent)) {
      p.records_consent = v.records_consent === 'unknown' ? null : v.records_consent;
    }
    if (v.photo_preference !== photoChoice(c.photo_preference)) {
      p.photo_preference = v.photo_preference === 'unknown' ? null : v.photo_preference;
    }
  }
  return p;
}
