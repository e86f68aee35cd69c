// Form controls with a visible label, an optional hint and an error next to the field
// (aria-describedby, aria-invalid), sized for touch. Each takes what `form.bind(name)` gives
// (ui/useForm.ts): value, error, onValue (the new value, not the event) and ref.
import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n';
import './buttons.css';
import './controls.css';
// Notice and FormError live in notice.tsx; a form takes them from here with its controls.
export { FormError, Notice } from './notice';
import './form.css';

function describedBy(id: string, hint?: ReactNode, error?: string, errorId = `${id}-error`): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? errorId : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The change handler of a control: the event's own handler, then the new value. */
function changed<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, T>(
  onChange: ((e: ChangeEvent<E>) => void) | undefined,
  onValue: ((value: T) => void) | undefined,
  read: (el: E) => T,
): ((e: ChangeEvent<E>) => void) | undefined {
  if (!onChange && !onValue) return undefined;
  return (e) => {
    onChange?.(e);
    onValue?.(read(e.target));
  };
}

export function RequiredMark() {
  const { t } = useI18n();
  return <span className="field__required"> {t('form.required')}</span>;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label className="field__label" htmlFor={id}>
      {label}
      {required ? <RequiredMark /> : null}
    </label>
  );
}

export function ErrorIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      <path d="M10 5v6" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="10" cy="14.5" r="1.3" fill="#fff" />
    </svg>
  );
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** The id of the error's text when a group around the field shows it (the field shows none). */
  errorId?: string;
  value?: string;
  onValue?: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
  width?: 'short' | 'medium' | 'full';
};

export function TextField({
  id,
  label,
  hint,
  error,
  errorId,
  required,
  width = 'full',
  className,
  onChange,
  onValue,
  ...input
}: TextFieldProps) {
  return (
    <div className={`field${error && !errorId ? ' field--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <FieldMessages id={id} hint={hint} error={errorId ? undefined : error} />
      <input
        id={id}
        name={id}
        className={`input input--${width}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error, errorId)}
        onChange={changed(onChange, onValue, (el) => el.value)}
        {...input}
      />
    </div>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value?: string;
  onValue?: (value: string) => void;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextAreaField({ id, label, hint, error, required, className, rows = 3, onChange, onValue, ...textarea }: TextAreaFieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`input textarea${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={changed(onChange, onValue, (el) => el.value)}
        {...textarea}
      />
    </div>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'checked'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Checked or not. */
  value?: boolean;
  onValue?: (value: boolean) => void;
  ref?: Ref<HTMLInputElement>;
};

/** One checkbox in a large box that is the label, so the whole box is the touch target. */
export function CheckboxField({ id, label, hint, error, required, value, onChange, onValue, ...input }: CheckboxFieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <FieldMessages id={id} hint={hint} error={error} />
      <label className="checkbox" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          name={id}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          checked={value}
          onChange={changed(onChange, onValue, (el) => el.checked)}
          {...input}
        />
        <span>
          {label}
          {required ? <RequiredMark /> : null}
        </span>
      </label>
    </div>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value?: string;
  onValue?: (value: string) => void;
  ref?: Ref<HTMLSelectElement>;
  children: ReactNode;
};

export function SelectField({ id, label, hint, error, required, children, onChange, onValue, ...select }: SelectFieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        className="input input--medium select"
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={changed(onChange, onValue, (el) => el.value)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface RadioGroupProps<T extends string> {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  choices: Choice<T>[];
  value: T;
  onValue: (value: T) => void;
  /** The first radio's: it takes the focus. */
  ref?: Ref<HTMLInputElement>;
}

export function RadioGroup<T extends string>({ id, legend, hint, error, choices, value, onValue, ref }: RadioGroupProps<T>) {
  return (
    <fieldset
      className={`field radios${error ? ' field--error' : ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="radios__items">
        {choices.map((c, i) => (
          <label className="radio" key={c.value} htmlFor={`${id}-${c.value}`}>
            <input
              type="radio"
              id={`${id}-${c.value}`}
              name={id}
              value={c.value}
              checked={value === c.value}
              onChange={() => onValue(c.value)}
              ref={i === 0 ? ref : undefined}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A form's submit button: not pressed twice while the form is busy, and a spinner meanwhile. */
export function SubmitButton({
  busy,
  disabled,
  secondary,
  children,
}: {
  busy: boolean;
  disabled?: boolean;
  secondary?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={`button ${secondary ? 'button--secondary' : 'button--primary'}`} disabled={busy || disabled}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
