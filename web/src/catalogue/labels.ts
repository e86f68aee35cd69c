// Names and facts the catalogue screen shows for API values: the law's reflection periods
// (R-CONSENT-2), a code from a name. The qualifications' names are in ui/qualifications.ts.
import type { Translate } from '../i18n';

/** The shortest reflection period the law allows for cosmetic categories 1, 2, 3 (R-CONSENT-2). */
export const LAW_REFLECTION_DAYS = [0, 1, 7] as const;

/** "Bedenktijd in uw praktijk: 1 dag" for a cosmetic group's heading. */
export function reflectionLine(t: Translate, days: number): string {
  if (days === 0) return t('catalogue.reflectionNone');
  if (days === 1) return t('catalogue.reflectionOne');
  return t('catalogue.reflectionDays', { days });
}

/** A type's code (`^[a-z0-9_]{1,64}$`) from its Dutch name: "Wimperlift (keratine)" -> "wimperlift_keratine". */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
    .replace(/_+$/, '');
}
