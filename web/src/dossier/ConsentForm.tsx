// Signing consent (R-CONSENT-4, -5, -6): informed consent, or the confirmation on the day of a
// cosmetic procedure. The client reads the information text in a box, and signs by drawing
// (finger, pen or mouse) or by typing the full name. The confirmation shows what changed in
// the intake since the consult and asks that it was discussed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, isSessionEnded, type Client, type IntakeHistory, type Trajectory } from '../api/client';
import { addConsent } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { CheckboxField, Notice, RadioGroup, TextField, type Choice, FormError } from '../ui/controls';
import { errorText, fieldErrorText } from '../ui/errors';
import { fullName } from '../ui/format';
import { SignaturePad } from '../ui/SignaturePad';
import { consentText, intakeChanges, type ConsentKind } from './consentText';

type SignatureKind = 'drawn' | 'typed';
type Field = 'kind' | 'text' | 'signature' | 'intake_changes_reviewed';
const FIELDS: Field[] = ['kind', 'text', 'signature', 'intake_changes_reviewed'];

export function ConsentForm({
  client,
  trajectory,
  intake,
  kinds,
  onSaved,
  onCancel,
}: {
  client: Client;
  trajectory: Trajectory;
  intake: IntakeHistory | null;
  /** The kinds this trajectory asks for, the first preselected. */
  kinds: ConsentKind[];
  onSaved: (t: Trajectory) => void;
  /** When given, the form was opened on request: it takes the focus and can be closed. */
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [kind, setKind] = useState<ConsentKind>(kinds[0] ?? 'informed');
  const [method, setMethod] = useState<SignatureKind>('drawn');
  const [drawn, setDrawn] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [reviewed, setReviewed] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  const reviewedRef = useRef<HTMLInputElement>(null);
  const methodRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const requested = onCancel !== undefined;

  useEffect(() => {
    if (requested) titleRef.current?.focus();
  }, [requested]);

  const changes = kind === 'confirmation' ? intakeChanges(trajectory, intake) : [];
  const text = consentText(t, kind, { client, trajectory, practitioner: me.display_name, changes });

  function focusField(f: Field) {
    if (f === 'intake_changes_reviewed') reviewedRef.current?.focus();
    else if (f === 'signature') (method === 'typed' ? typedRef.current : methodRef.current)?.focus();
    else formErrorRef.current?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    const value = method === 'drawn' ? drawn : typed.trim();
    if (!value) found.signature = t(method === 'drawn' ? 'consent.drawMissing' : 'consent.typeMissing');
    if (changes.length && !reviewed) found.intake_changes_reviewed = t('field.intake_changes_reviewed.required');
    setErrors(found);
    setFormError(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      focusField(first);
      return;
    }
    setBusy(true);
    try {
      const saved = await addConsent(trajectory.id, {
        kind,
        text,
        signature: { kind: method, value: value! },
        ...(changes.length ? { intake_changes_reviewed: true } : {}),
      });
      onSaved(saved);
    } catch (err) {
      if (isSessionEnded(err)) return;
      const field = err instanceof ApiError ? (err.field as Field | undefined) : undefined;
      if (err instanceof ApiError && field && FIELDS.includes(field) && field !== 'text' && field !== 'kind') {
        setErrors({ [field]: fieldErrorText(t, err) });
        focusField(field);
      } else {
        setFormError(errorText(t, err));
        formErrorRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  const kindChoices: Choice<ConsentKind>[] = kinds.map((k) => ({ value: k, label: t(`consent.kind.${k}`) }));
  const methodChoices: Choice<SignatureKind>[] = [
    { value: 'drawn', label: t('consent.method.drawn') },
    { value: 'typed', label: t('consent.method.typed') },
  ];

  return (
    <form className="form subform" onSubmit={submit} noValidate aria-labelledby="consent-form-title">
      <h3 className="subform__title" id="consent-form-title" tabIndex={-1} ref={titleRef}>
        {t(kind === 'confirmation' ? 'consent.formTitleConfirmation' : 'consent.formTitleInformed')}
      </h3>
      <FormError focusRef={formErrorRef} title={t('consent.failed')} text={formError} />
      {kinds.length > 1 ? (
        <RadioGroup id="consent-kind" legend={t('consent.kindLegend')} choices={kindChoices} value={kind} onChange={setKind} />
      ) : null}

      {changes.length ? (
        <Notice kind="warning" title={t('consent.changesTitle')}>
          <p>{t('consent.changesIntro')}</p>
          <dl className="changes">
            {changes.map((c) => (
              <div className="changes__item" key={c.field}>
                <dt>{t(`intake.${c.field}`)}</dt>
                <dd>
                  <span className="changes__before">
                    {t('consent.before')} <span className="prewrap">{c.before || t('intake.nothing')}</span>
                  </span>
                  <span className="changes__after">
                    {t('consent.after')} <span className="prewrap">{c.after || t('intake.nothing')}</span>
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </Notice>
      ) : null}

      <h4 className="consent-text__title">{t('consent.textTitle')}</h4>
      <blockquote className="consent-text prewrap">{text}</blockquote>

      {changes.length ? (
        <CheckboxField
          id="intake_changes_reviewed"
          required
          label={t('consent.changesReviewed')}
          checked={reviewed}
          error={errors.intake_changes_reviewed}
          onChange={(e) => {
            setReviewed(e.target.checked);
            setErrors((x) => ({ ...x, intake_changes_reviewed: undefined }));
          }}
          ref={reviewedRef}
        />
      ) : null}

      <RadioGroup
        id="signature-method"
        legend={t('consent.methodLegend')}
        choices={methodChoices}
        value={method}
        onChange={(m) => {
          setMethod(m);
          setDrawn(null);
          setErrors((x) => ({ ...x, signature: undefined }));
        }}
        firstRef={methodRef}
      />
      {method === 'drawn' ? (
        <SignaturePad
          id="signature-pad"
          label={t('consent.drawLabel', { client: fullName(client) })}
          hint={t('consent.drawHint')}
          error={errors.signature}
          onChange={(png) => {
            setDrawn(png);
            if (png) setErrors((x) => ({ ...x, signature: undefined }));
          }}
        />
      ) : (
        <TextField
          id="signature-typed"
          label={t('consent.typeLabel')}
          hint={t('consent.typeHint', { client: fullName(client) })}
          required
          autoComplete="off"
          value={typed}
          error={errors.signature}
          onChange={(e) => {
            setTyped(e.target.value);
            setErrors((x) => ({ ...x, signature: undefined }));
          }}
          ref={typedRef}
        />
      )}

      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {t(kind === 'confirmation' ? 'consent.submitConfirmation' : 'consent.submitInformed')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
