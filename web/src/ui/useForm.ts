// The one form hook: the values, an error per field and one for the whole form, the focus on the
// first field in error (in the order the form lists its fields) after a refused submit, and the
// submit itself: busy while it runs, never twice at once, a problem+json refusal mapped to the
// field it names (`field`) or to the whole form, and what was typed kept when it fails.
// `bind(name)` gives a field component (ui/controls) what it takes: its value, its error, what a
// change does, and the ref that takes the focus.
import { useCallback, useRef, useState, type FormEvent, type Ref, type RefCallback, type RefObject } from 'react';
import { ApiError, isSessionEnded } from '../api/client';
import { useI18n } from '../i18n';
import { errorText, fieldErrorText } from './errors';
import { merged } from './refs';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a refused submit shows: errors at fields, a text for the whole form, or both. */
export interface Failure<F extends string> {
  errors?: FieldErrors<F>;
  formError?: string | null;
  /** Where the focus goes; by default the first field in error, else the form's error. */
  focus?: F | 'form';
}

/** The props of a field component bound to one value of a form (`Form.bind`). */
export interface Bound<T> {
  value: T;
  error: string | undefined;
  onValue: (value: T) => void;
  ref: RefCallback<HTMLElement> | undefined;
}

export interface BindOptions<T, F extends string> {
  /** The field whose error the control shows and whose focus it takes, when not the value's name. */
  field?: F;
  /** What a change does, instead of setting the value (and clearing the field's error). */
  onValue?: (value: T) => void;
  /** The control's own ref, beside the form's. */
  ref?: Ref<HTMLElement>;
}

export interface FormOptions<V, F extends string> {
  /** The values the form starts with. */
  initial: V | (() => V);
  /** The fields that can be in error, in the order they stand in the form. */
  fields: readonly F[];
  /** Checks before anything is sent: the errors per field, or one text for the whole form. */
  validate?: (values: V) => FieldErrors<F> | string;
  /** The form field an API problem is about; by default its `field`, when that is one of `fields`. */
  problemField?: (err: ApiError) => F | null | undefined;
  /**
   * What a refusal shows, given the standard reading (`standard`: the field's text at the field,
   * anything else at the top of the form). It may change values too (empty a code, say).
   */
  explain?: (err: unknown, standard: Failure<F>) => Failure<F>;
  /**
   * A refusal (not the form's own checks) takes the focus only once it is on screen, for a
   * control that may come with it (a field shown only then). By default the focus moves at once.
   */
  focusAfterRender?: boolean;
}

export interface Form<V, F extends string> {
  values: V;
  /** Sets one value; the error of the field of the same name goes. */
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Changes the values as a whole (the errors stay). */
  update(change: (values: V) => V): void;
  errors: FieldErrors<F>;
  formError: string | null;
  busy: boolean;
  clearError(...fields: F[]): void;
  clearFormError(): void;
  /** The ref of a field's control (`pick` chooses the control inside an element): it takes the focus. */
  field(name: F, pick?: (el: HTMLElement) => HTMLElement | null): RefCallback<HTMLElement>;
  /**
   * The props of a field component for the value NAME: the value, the error and the ref of the
   * field of the same name (or `options.field`), and a change that sets the value and clears
   * that error. A value that is no field has no error and no ref.
   */
  bind<K extends keyof V>(name: K, options?: BindOptions<V[K], F>): Bound<V[K]>;
  /** The ref of the place of the form's own error (`FormError`). */
  formErrorRef: RefObject<HTMLDivElement | null>;
  /** Shows a failure and moves the focus to it. */
  showFailure(failure: Failure<F>): void;
  /** Shows what a refusal means (`explain` applied), with the focus. */
  showError(err: unknown): void;
  /** Checks the values (`validate`); shows what is wrong, with the focus. True when all is well. */
  check(): boolean;
  /** Checks, then sends: busy meanwhile, once at a time; a refusal is shown, the values stay. */
  submit(send: (values: V) => Promise<void>): Promise<void>;
  /** `submit` as a form's onSubmit. */
  onSubmit(send: (values: V) => Promise<void>): (e: FormEvent) => void;
}

export function useForm<V, F extends string>(options: FormOptions<V, F>): Form<V, F> {
  const { t } = useI18n();
  const { fields } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const controls = useRef(new Map<F, { el: HTMLElement; pick?: (el: HTMLElement) => HTMLElement | null }>());
  const refs = useRef(new Map<F, RefCallback<HTMLElement>>());

  /** Focuses the control of a field, or the place of the form's error, where it is there. */
  function focusOn(target: F | 'form') {
    if (target === 'form') {
      formErrorRef.current?.focus();
      return;
    }
    const control = controls.current.get(target);
    (control?.pick ? control.pick(control.el) : control?.el)?.focus();
  }

  const field = useCallback((name: F, pick?: (el: HTMLElement) => HTMLElement | null): RefCallback<HTMLElement> => {
    let ref = refs.current.get(name);
    if (!ref) {
      ref = (el: HTMLElement | null) => {
        if (!el) return;
        controls.current.set(name, { el, pick });
        return () => {
          if (controls.current.get(name)?.el === el) controls.current.delete(name);
        };
      };
      refs.current.set(name, ref);
    }
    return ref;
  }, []);

  function clearError(...names: F[]) {
    setErrors((e) => {
      if (!names.some((n) => e[n])) return e;
      const next = { ...e };
      for (const n of names) delete next[n];
      return next;
    });
  }

  function set<K extends keyof V>(name: K, value: V[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    if ((fields as readonly unknown[]).includes(name)) clearError(name as unknown as F);
  }

  function bind<K extends keyof V>(name: K, how: BindOptions<V[K], F> = {}): Bound<V[K]> {
    const own = (fields as readonly unknown[]).includes(name) ? (name as unknown as F) : undefined;
    const at = how.field ?? own;
    const ref = at === undefined ? undefined : field(at);
    return {
      value: values[name],
      error: at === undefined ? undefined : errors[at],
      onValue:
        how.onValue ??
        ((value) => {
          set(name, value);
          if (how.field !== undefined) clearError(how.field);
        }),
      ref: how.ref ? merged<HTMLElement>(how.ref, ref) : ref,
    };
  }

  function showFailure(failure: Failure<F>, later = false) {
    const found: FieldErrors<F> = failure.errors ?? {};
    setErrors(found);
    setFormError(failure.formError ?? null);
    const target = failure.focus ?? fields.find((f) => found[f]) ?? 'form';
    // Later: once the render that shows the failure is done (and a control that comes with it).
    if (later) window.setTimeout(() => focusOn(target), 0);
    else focusOn(target);
  }

  function standard(err: unknown): Failure<F> {
    if (err instanceof ApiError) {
      const name = options.problemField
        ? options.problemField(err)
        : fields.find((f) => f === err.field);
      if (name) return { errors: { [name]: fieldErrorText(t, err) } as FieldErrors<F> };
    }
    return { formError: errorText(t, err) };
  }

  function showError(err: unknown) {
    const failure = standard(err);
    showFailure(options.explain ? options.explain(err, failure) : failure, options.focusAfterRender);
  }

  function check(): boolean {
    const found: FieldErrors<F> | string = options.validate?.(values) ?? {};
    if (typeof found === 'string') {
      showFailure({ formError: found });
      return false;
    }
    if (fields.some((f) => found[f])) {
      showFailure({ errors: found });
      return false;
    }
    setErrors({});
    setFormError(null);
    return true;
  }

  async function submit(send: (values: V) => Promise<void>) {
    if (sending.current) return;
    if (!check()) return;
    sending.current = true;
    setBusy(true);
    try {
      await send(values);
    } catch (err) {
      if (!isSessionEnded(err)) showError(err);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return {
    values,
    set,
    update: setValues,
    errors,
    formError,
    busy,
    clearError,
    clearFormError: () => setFormError(null),
    field,
    bind,
    formErrorRef,
    showFailure: (failure) => showFailure(failure),
    showError,
    check,
    submit,
    onSubmit: (send) => (e) => {
      e.preventDefault();
      void submit(send);
    },
  };
}
