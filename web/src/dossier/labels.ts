// Names the dossier screens show for API values: intake fields, regimes and categories, the
// items of a trajectory's `missing` list.
import type { IntakeAnswers, Regime } from '../api/client';
import type { MessageKey, Translate } from '../i18n';

export const INTAKE_FIELDS = ['allergies', 'medication', 'pregnancy', 'skin_conditions', 'contra_indications', 'notes'] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

export function intakeValue(answers: IntakeAnswers | undefined, field: IntakeField): string {
  return answers?.[field] ?? '';
}

/** "Cosmetische ingreep, categorie 2" / "Wkkgz-behandeling". */
export function regimeLabel(t: Translate, regime: Regime, category: number | null | undefined): string {
  if (regime === 'cosmetic' && category) return t('regime.cosmeticCategory', { n: category });
  return t(`regime.${regime}`);
}

/** The group a treatment type is listed under in the picker: regime, and category for cosmetic. */
export type RegimeGroup = 'basic' | 'wkkgz' | 'pmu' | 'cosmetic1' | 'cosmetic2' | 'cosmetic3';

export function regimeGroup(regime: Regime, category: number | null | undefined): RegimeGroup {
  if (regime !== 'cosmetic') return regime;
  return category === 3 ? 'cosmetic3' : category === 2 ? 'cosmetic2' : 'cosmetic1';
}

export const MISSING_CODES = [
  'records_refused',
  'records_consent_missing',
  'consult_missing',
  'decision_missing',
  'consent_missing',
  'confirmation_missing',
] as const;

export function missingKey(code: string): MessageKey | null {
  return (MISSING_CODES as readonly string[]).includes(code) ? (`missing.${code}` as MessageKey) : null;
}

/**
 * Who an author id is. The API gives ids only (no staff list yet): the signed-in user by name,
 * anyone else as a colleague with the start of the id, so different people stay apart.
 */

/** Body areas (behandelgebieden) offered as one-tap choices in the session form. */
export const BODY_AREAS = [
  'face',
  'forehead',
  'cheeks',
  'chin',
  'lips',
  'upper_eyelids',
  'lower_eyelids',
  'eyebrows',
  'lashes',
  'neck',
  'decollete',
  'armpits',
  'arms',
  'hands',
  'abdomen',
  'back',
  'buttocks',
  'bikini_line',
  'legs',
  'feet',
] as const;
export type BodyArea = (typeof BODY_AREAS)[number];

/** The areas a treatment type is usually done on: preselected in a new session. */
export const TYPE_AREAS: Record<string, BodyArea[]> = {
  eyebrow_shaping: ['eyebrows'],
  lash_brow_tinting: ['lashes', 'eyebrows'],
  manicure: ['hands'],
  pedicure: ['feet'],
  skin_care: ['face'],
  make_up: ['face'],
  chemical_peel: ['face'],
  microdermabrasion: ['face'],
  microneedling: ['face'],
  pmu_brows: ['eyebrows'],
  pmu_lips: ['lips'],
  pmu_eyeliner: ['upper_eyelids'],
  botulinum_toxin: ['forehead'],
  superficial_resurfacing: ['face'],
  medium_resurfacing: ['face'],
  deep_resurfacing: ['face'],
  upper_eyelid_correction: ['upper_eyelids'],
  lower_eyelid_correction: ['lower_eyelids'],
  face_neck_lift: ['face', 'neck'],
  abdominoplasty: ['abdomen'],
  buttock_augmentation: ['buttocks'],
};
