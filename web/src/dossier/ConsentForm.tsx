// Signing consent (R-CONSENT-4, -5, -6): informed consent, or the confirmation on the day of a
// cosmetic procedure. The client reads the information text in a box, and signs by drawing
// (finger, pen or mouse) or by typing the full name. The confirmation shows what changed in
// the intake since the consult and asks that it was discussed.
import { useEffect, useRef } from 'react';
import { type Client, type IntakeHistory, type Trajectory } from '../api/client';
import { addConsent } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { CheckboxField, FormError, Notice, RadioGroup, SubmitButton, TextField, type Choice } from '../ui/controls';
import { fullName } from '../ui/format';
import { SignaturePad } from '../ui/SignaturePad';
import { useForm, type FieldErrors } from '../ui/useForm';
import { consentText, intakeChanges, type ConsentKind } from './consentText';
import './consent.css';

type SignatureKind = 'drawn' | 'typed';
// The fields that can be in error; a problem about the kind or the text goes at the top.
type Field = 'signature' | 'intake_changes_reviewed';
const FIELDS: Field[] = ['signature', 'intake_changes_reviewed'];

interface Values {
  kind: ConsentKind;
  method: SignatureKind;
  /** The drawn signature as a PNG data: URI. */
  drawn: string | null;
  typed: string;
  reviewed: boolean;
}

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
  const titleRef = useRef<HTMLHeadingElement>(null);
  const changesOf = (k: ConsentKind) => (k === 'confirmation' ? intakeChanges(trajectory, intake) : []);
  const requested = onCancel !== undefined;
  const form = useForm<Values, Field>({
    initial: { kind: kinds[0] ?? 'informed', method: 'drawn', drawn: null, typed: '', reviewed: false },
    fields: FIELDS,
    validate: (v): FieldErrors<Field> => ({
      signature: (v.method === 'drawn' ? v.drawn : v.typed.trim())
        ? undefined
        : t(v.method === 'drawn' ? 'consent.drawMissing' : 'consent.typeMissing'),
      intake_changes_reviewed: changesOf(v.kind).length && !v.reviewed ? t('field.intake_changes_reviewed.required') : undefined,
    }),
  });
  const { kind, method } = form.values;
  const { errors } = form;

  useEffect(() => {
    if (requested) titleRef.current?.focus();
  }, [requested]);

  const changes = changesOf(kind);
  const text = consentText(t, kind, { client, trajectory, practitioner: me.display_name, changes });

  async function send(v: Values) {
    const value = v.method === 'drawn' ? (v.drawn ?? '') : v.typed.trim();
    onSaved(
      await addConsent(trajectory.id, {
        kind: v.kind,
        text,
        signature: { kind: v.method, value },
        ...(changes.length ? { intake_changes_reviewed: true } : {}),
      }),
    );
  }

  const kindChoices: Choice<ConsentKind>[] = kinds.map((k) => ({ value: k, label: t(`consent.kind.${k}`) }));
  const methodChoices: Choice<SignatureKind>[] = [
    { value: 'drawn', label: t('consent.method.drawn') },
    { value: 'typed', label: t('consent.method.typed') },
  ];

  return (
    <form className="form subform" onSubmit={form.onSubmit(send)} noValidate aria-labelledby="consent-form-title">
      <h3 className="subform__title" id="consent-form-title" tabIndex={-1} ref={titleRef}>
        {t(kind === 'confirmation' ? 'consent.formTitleConfirmation' : 'consent.formTitleInformed')}
      </h3>
      <FormError focusRef={form.formErrorRef} title={t('consent.failed')} text={form.formError} />
      {kinds.length > 1 ? (
        <RadioGroup id="consent-kind" legend={t('consent.kindLegend')} choices={kindChoices} {...form.bind('kind')} />
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
          {...form.bind('reviewed', { field: 'intake_changes_reviewed' })}
        />
      ) : null}

      <RadioGroup
        id="signature-method"
        legend={t('consent.methodLegend')}
        choices={methodChoices}
        {...form.bind('method', {
          onValue: (m) => {
            form.update((v) => ({ ...v, method: m, drawn: null }));
            form.clearError('signature');
          },
        })}
        ref={method === 'drawn' ? form.field('signature') : undefined}
      />
      {method === 'drawn' ? (
        <SignaturePad
          id="signature-pad"
          label={t('consent.drawLabel', { client: fullName(client) })}
          hint={t('consent.drawHint')}
          error={errors.signature}
          onChange={(png) => {
            form.update((v) => ({ ...v, drawn: png }));
            if (png) form.clearError('signature');
          }}
        />
      ) : (
        <TextField
          id="signature-typed"
          label={t('consent.typeLabel')}
          hint={t('consent.typeHint', { client: fullName(client) })}
          required
          autoComplete="off"
          {...form.bind('typed', { field: 'signature' })}
        />
      )}

      <div className="actions">
        <SubmitButton busy={form.busy}>
          {t(kind === 'confirmation' ? 'consent.submitConfirmation' : 'consent.submitInformed')}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
