// The values of the treatment-type form (R-CAT): where they start, what a change sends (only
// what changed, the server makes it a new version) and what a new type sends.
import type { Regime, TreatmentType, TreatmentTypeCreate, TreatmentTypePatch } from '../api/client';

// In the order of the form, so the first field with an error takes the focus.
export const FIELDS = ['name_nl', 'name_en', 'key', 'regime', 'category', 'qualification'] as const;
export type Field = (typeof FIELDS)[number];
export type Category = '1' | '2' | '3';

export interface Values {
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
export function fieldOf(name: string | undefined): Field | null {
  if (name === 'id') return 'key';
  return (FIELDS as readonly string[]).includes(name ?? '') ? (name as Field) : null;
}

export function initial(type: TreatmentType | undefined): Values {
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

/** What changed in TYPE: the body of the change (empty when nothing did). */
export function changes(type: TreatmentType, values: Values): TreatmentTypePatch {
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

export function created(values: Values): TreatmentTypeCreate {
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
