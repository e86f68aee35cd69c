// The qualification codes treatment types require (R-STAFF-2) and their names: one table for the
// catalogue, the team screen and a refused signature. A code the table does not know (a
// practice's own) shows as itself.
import type { MessageKey, Translate } from '../i18n';
import { hasMessage } from '../i18n';

/** The codes the shipped catalogue's treatment types name, in the order forms offer them. */
export const QUALIFICATIONS = [
  'beauty_specialist',
  'ipl_laser_certificate',
  'electrolysis_certificate',
  'pmu_licence',
  'physician',
  'surgeon',
] as const;

/** A qualification by name; none as "no particular qualification"; an unknown code as itself. */
export function qualificationLabel(t: Translate, q: string | null | undefined): string {
  if (!q) return t('qualification.none');
  const key = `qualification.${q}`;
  return hasMessage(key) ? t(key as MessageKey) : q;
}
