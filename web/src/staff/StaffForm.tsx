// The form for a colleague (R-STAFF-3): a new one (name, email, role, and the locations or the
// end date the role needs) or a change to one (role, locations, end date; name and email stay).
// Required fields are caught here; the server checks the rest and names the field, which gets
// the message, the aria-invalid mark and the focus. What was typed stays when it fails.
import { useEffect, useRef } from 'react';
import type { Location, NewStaffAccount, Role, StaffAccount } from '../api/client';
import { changeStaff, createStaff } from '../api/endpoints';
import { useI18n } from '../i18n';
import { FormError, Notice, RadioGroup, SubmitButton, TextField, type Choice } from '../ui/controls';
import { todayInAmsterdam } from '../ui/format';
import { useForm, type FieldErrors } from '../ui/useForm';
import { LocationsField } from './LocationsField';
import {
  EDIT_FIELDS,
  NEW_FIELDS,
  ROLES,
  changes,
  created,
  initial,
  needsEndDate,
  needsLocations,
  type Field,
  type Values,
} from './staffValues';
import './staff-form.css';

export function StaffForm({
  member,
  locations,
  onSaved,
  onCancel,
}: {
  /** The colleague to change; none for a new one. */
  member?: StaffAccount;
  locations: Location[];
  onSaved: (saved: NewStaffAccount | StaffAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const editing = member !== undefined;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const prefix = editing ? 'staff-edit' : 'staff-new';
  const idOf = (f: Field) => `${prefix}-${f}`;
  const today = todayInAmsterdam();
  const form = useForm<Values, Field>({
    initial: () => initial(member, locations),
    fields: editing ? EDIT_FIELDS : NEW_FIELDS,
    validate: (v) => {
      const found: FieldErrors<Field> = {
        name: !editing && !v.name.trim() ? t('field.name.required') : undefined,
        email: !editing && !v.email.trim() ? t('field.email.required') : undefined,
        locations: needsLocations(v.role) && v.locations.length === 0 ? t('field.locations.required') : undefined,
        access_until: !needsEndDate(v.role)
          ? undefined
          : !v.access_until
            ? t('field.access_until.required')
            : v.access_until < today
              ? t('field.access_until.invalid_value')
              : undefined,
      };
      if (NEW_FIELDS.some((f) => found[f])) return found;
      return member && Object.keys(changes(member, v)).length === 0 ? t('staffForm.unchanged') : {};
    },
  });
  const { role } = form.values;

  // The form takes the focus when it opens, so keyboard users start at its title.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  async function send(v: Values) {
    onSaved(member ? await changeStaff(member.id, changes(member, v)) : await createStaff(created(v)));
  }

  const roleChoices: Choice<Role>[] = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const titleId = `${prefix}-title`;

  return (
    <form className="subform staff-form" onSubmit={form.onSubmit(send)} noValidate aria-labelledby={titleId}>
      <h3 className="subform__title" id={titleId} tabIndex={-1} ref={titleRef}>
        {member ? t('staffForm.editTitle', { name: member.name }) : t('staffForm.addTitle')}
      </h3>
      <p className="muted">{member ? t('staffForm.login', { email: member.email ?? '' }) : t('staffForm.addIntro')}</p>
      <FormError focusRef={form.formErrorRef} title={t('staffForm.failed')} text={form.formError} />

      {member ? null : (
        <div className="form__grid">
          <TextField
            id={idOf('name')}
            label={t('staffForm.name')}
            hint={t('staffForm.nameHint')}
            required
            autoComplete="off"
            {...form.bind('name')}
          />
          <TextField
            id={idOf('email')}
            label={t('staffForm.email')}
            hint={t('staffForm.emailHint')}
            required
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            {...form.bind('email')}
          />
        </div>
      )}

      <RadioGroup
        id={idOf('role')}
        legend={t('staffForm.role')}
        choices={roleChoices}
        {...form.bind('role', {
          // The fields of the other role go, and so do their messages (what was typed stays).
          onValue: (next) => {
            form.set('role', next);
            form.clearError('locations', 'access_until');
          },
        })}
      />
      <div className="staff-form__role-info">
        <Notice kind="info">
          <p>{t(`staffForm.roleInfo.${role}`)}</p>
        </Notice>
      </div>

      {needsLocations(role) ? (
        <LocationsField
          id={idOf('locations')}
          legend={t('staffForm.locations')}
          hint={t('staffForm.locationsHint')}
          required
          locations={locations}
          {...form.bind('locations')}
        />
      ) : null}
      {needsEndDate(role) ? (
        <TextField
          id={idOf('access_until')}
          label={t('staffForm.accessUntil')}
          hint={t('staffForm.accessUntilHint')}
          required
          width="medium"
          type="date"
          min={today}
          {...form.bind('access_until')}
        />
      ) : null}

      <div className="actions">
        <SubmitButton busy={form.busy}>{member ? t('staffForm.submitEdit') : t('staffForm.submitAdd')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
