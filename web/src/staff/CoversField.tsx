// What a qualification counts for: one checkbox per code (by name) in a group with one hint and
// one error. A field component like LocationsField: it takes what `form.bind('covers')` gives
// (the ticked codes, the error, the change as the new list, the ref of the first checkbox).
import type { Ref } from 'react';
import { useI18n } from '../i18n';
import { ErrorIcon, RequiredMark } from '../ui/controls';
import { qualificationLabel } from '../ui/qualifications';

export function CoversField({
  id,
  legend,
  hint,
  codes,
  value,
  error,
  onValue,
  ref,
}: {
  id: string;
  legend: string;
  hint?: string;
  /** The codes offered, in this order. */
  codes: string[];
  value: string[];
  error: string | undefined;
  onValue: (codes: string[]) => void;
  /** The first checkbox's: it takes the focus. */
  ref?: Ref<HTMLElement>;
}) {
  const { t } = useI18n();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  function toggle(code: string, on: boolean) {
    // Kept in the order of the options.
    onValue(codes.filter((c) => (c === code ? on : value.includes(c))));
  }

  return (
    <fieldset className={`field covers-field${error ? ' field--error' : ''}`} id={id} aria-describedby={describedBy}>
      <legend className="field__label">
        {legend}
        <RequiredMark />
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
      <div className="covers-field__items">
        {codes.map((code, i) => (
          <label className="checkbox" key={code} htmlFor={`${id}-${code}`}>
            <input
              type="checkbox"
              id={`${id}-${code}`}
              name={id}
              value={code}
              checked={value.includes(code)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(code, e.target.checked)}
              ref={i === 0 ? (ref as Ref<HTMLInputElement> | undefined) : undefined}
            />
            <span>{qualificationLabel(t, code)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
