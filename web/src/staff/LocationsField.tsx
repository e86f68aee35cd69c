// The locations a colleague works at: one checkbox per location in a group with one hint and
// one error. A field component like those of ui/controls: it takes what `form.bind('locations')`
// gives (the chosen ids, the error, the change as the new list, the ref of the first checkbox).
import type { Ref } from 'react';
import type { Location } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorIcon, RequiredMark } from '../ui/controls';

export function LocationsField({
  id,
  legend,
  hint,
  required,
  locations,
  value,
  error,
  onValue,
  ref,
}: {
  id: string;
  legend: string;
  hint?: string;
  required?: boolean;
  locations: Location[];
  value: string[];
  error: string | undefined;
  onValue: (ids: string[]) => void;
  /** The first checkbox's: it takes the focus. */
  ref?: Ref<HTMLElement>;
}) {
  const { t } = useI18n();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  function toggle(locationId: string, on: boolean) {
    // Kept in the order of the practice's list.
    onValue(locations.filter((l) => (l.id === locationId ? on : value.includes(l.id))).map((l) => l.id));
  }

  return (
    <fieldset className={`field locations-field${error ? ' field--error' : ''}`} id={id} aria-describedby={describedBy}>
      <legend className="field__label">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <ErrorIcon />
          <span>{error}</span>
        </p>
      ) : null}
      <div className="locations-field__items">
        {locations.map((l, i) => (
          <label className="checkbox" key={l.id} htmlFor={`${id}-${l.id}`}>
            <input
              type="checkbox"
              id={`${id}-${l.id}`}
              name={id}
              value={l.id}
              checked={value.includes(l.id)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(l.id, e.target.checked)}
              ref={i === 0 ? (ref as Ref<HTMLInputElement> | undefined) : undefined}
            />
            <span>{l.closed ? t('clientEdit.locationClosed', { name: l.name }) : l.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
