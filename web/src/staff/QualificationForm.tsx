// The owner records a colleague's qualification (R-STAFF-1): the kind, its title, a BIG
// registration's 11-digit number, what it counts for (the codes treatment types require,
// R-STAFF-2: the shipped ones, the practice's own, or typed in), and from when until when it is
// valid. The form catches what it can; the server's refusals come at the field they name. What
// was typed stays when it fails.
import { useEffect, useRef } from 'react';
import type { Qualification, QualificationKind, StaffAccount } from '../api/client';
import { addQualification, listTreatmentTypes } from '../api/endpoints';
import { useI18n } from '../i18n';
import { FormError, RadioGroup, SubmitButton, TextField, type Choice } from '../ui/controls';
import { useForm, type Failure } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';
import { CoversField } from './CoversField';
import { FIELDS, INITIAL, KINDS, body, check, coverOptions, explain, type Field, type Values } from './qualificationValues';

export function QualificationForm({
  member,
  onSaved,
  onCancel,
}: {
  member: StaffAccount;
  onSaved: (q: Qualification) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const prefix = `qual-${member.id}`;
  const idOf = (f: Field) => `${prefix}-${f}`;
  // The practice's own treatment types may name codes of their own; without them the shipped ones.
  const { load } = useLoad((signal) => listTreatmentTypes(signal).catch(() => ({ items: [] })), []);
  const codes = coverOptions(load.state === 'done' ? load.data.items : []);
  const form = useForm<Values, Field>({
    initial: INITIAL,
    fields: FIELDS,
    validate: (v) => check(t, v),
    explain: (err, standard): Failure<Field> => explain(t, form.values, err, standard),
  });
  const { kind } = form.values;

  // The form takes the focus when it opens, so keyboard users start at its title.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  async function send(v: Values) {
    onSaved(await addQualification(member.id, body(v)));
  }

  const kindChoices: Choice<QualificationKind>[] = KINDS.map((k) => ({ value: k, label: t(`qual.kind.${k}`) }));
  const titleId = `${prefix}-heading`;

  return (
    <form className="subform qual-form" onSubmit={form.onSubmit(send)} noValidate aria-labelledby={titleId}>
      <h4 className="subform__title" id={titleId} tabIndex={-1} ref={titleRef}>
        {t('qualForm.title', { name: member.name })}
      </h4>
      <FormError focusRef={form.formErrorRef} title={t('qualForm.failed')} text={form.formError} />

      <RadioGroup
        id={idOf('kind')}
        legend={t('qualForm.kind')}
        choices={kindChoices}
        {...form.bind('kind', {
          // A BIG number belongs to a BIG registration only; what was typed stays for a change back.
          onValue: (next) => {
            form.set('kind', next);
            form.clearError('big_number');
          },
        })}
      />
      <TextField
        id={idOf('title')}
        label={t('qualForm.titleLabel')}
        hint={t(`qualForm.titleHint.${kind}`)}
        required
        autoComplete="off"
        {...form.bind('title')}
      />
      {kind === 'big_registration' ? (
        <TextField
          id={idOf('big_number')}
          label={t('qualForm.bigNumber')}
          hint={t('qualForm.bigNumberHint')}
          required
          width="medium"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          {...form.bind('big_number')}
        />
      ) : null}
      <CoversField
        id={idOf('covers')}
        legend={t('qualForm.covers')}
        hint={t('qualForm.coversHint')}
        codes={codes}
        {...form.bind('covers')}
      />
      <TextField
        id={idOf('own_codes')}
        label={t('qualForm.ownCodes')}
        hint={t('qualForm.ownCodesHint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...form.bind('own_codes', {
          onValue: (next) => {
            form.set('own_codes', next);
            form.clearError('covers');
          },
        })}
      />
      <div className="form__grid qual-form__dates">
        <TextField id={idOf('valid_from')} label={t('qualForm.validFrom')} required width="medium" type="date" {...form.bind('valid_from')} />
        <TextField
          id={idOf('valid_until')}
          label={t('qualForm.validUntil')}
          hint={t('qualForm.validUntilHint')}
          width="medium"
          type="date"
          min={form.values.valid_from || undefined}
          {...form.bind('valid_until')}
        />
      </div>

      <div className="actions">
        <SubmitButton busy={form.busy}>{t('qualForm.submit')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
