// Form controls with a visible label, an optional hint and an error next to the field
// (aria-describedby, aria-invalid), sized for touch.
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n';
import './buttons.css';
import './controls.css';
import './notice.css';
import './form.css';

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function RequiredMark() {
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

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
  width?: 'short' | 'medium' | 'full';
};

export function TextField({ id, label, hint, error, required, width = 'full', className, ...input }: TextFieldProps) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        className={`input input--${width}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextAreaField({ id, label, hint, error, required, className, rows = 3, ...textarea }: TextAreaFieldProps) {
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
        {...textarea}
      />
    </div>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** One checkbox in a large box that is the label, so the whole box is the touch target. */
export function CheckboxField({ id, label, hint, error, required, ...input }: CheckboxFieldProps) {
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

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLSelectElement>;
  children: ReactNode;
};

export function SelectField({ id, label, hint, error, required, children, ...select }: SelectFieldProps) {
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
  onChange: (value: T) => void;
  firstRef?: Ref<HTMLInputElement>;
}

export function RadioGroup<T extends string>({ id, legend, hint, error, choices, value, onChange, firstRef }: RadioGroupProps<T>) {
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
              onChange={() => onChange(c.value)}
              ref={i === 0 ? firstRef : undefined}
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

/** A message box; `alert` announces it at once (errors), `status` politely. */
export function Notice({
  kind,
  title,
  children,
  id,
  live,
}: {
  kind: 'error' | 'warning' | 'info' | 'success';
  title?: string;
  children?: ReactNode;
  id?: string;
  live?: 'alert' | 'status';
}) {
  return (
    <div className={`notice notice--${kind}`} id={id} role={live}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}

/** The error of a whole form: a focusable place at the top that announces what went wrong. */
export function FormError({
  focusRef,
  title,
  text,
}: {
  focusRef: Ref<HTMLDivElement>;
  title: string;
  text: string | null | undefined;
}) {
  return (
    <div ref={focusRef} tabIndex={-1}>
      {text ? (
        <Notice kind="error" live="alert" title={title}>
          <p>{text}</p>
        </Notice>
      ) : null}
    </div>
  );
}
