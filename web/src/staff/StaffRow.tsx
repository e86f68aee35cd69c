// One colleague in the team list (R-STAFF-3): name and email, role, locations by name, status
// and an end date; the buttons to change the account, reset the password or the second factor,
// disable or enable it (none on the owner's own account); what happened last, the new one-time
// password after a reset, and the form when it is open; then their qualifications, if they have any.
import type { ReactNode } from 'react';
import type { Location, NewStaffAccount, StaffAccount } from '../api/client';
import { useI18n } from '../i18n';
import { Notice } from '../ui/controls';
import { dateInAmsterdam, formatDate } from '../ui/format';
import { OneTimePassword } from './OneTimePassword';
import { StaffForm } from './StaffForm';

/** The buttons of a row that take the focus again after their step. */
export type RowButton = 'edit' | 'toggle' | 'password' | 'totp';
export type DangerStep = 'disable' | 'password' | 'totp';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="member__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function StaffRow({
  member,
  own,
  locations,
  editing,
  busy,
  outcome,
  error,
  password,
  buttonRef,
  onEdit,
  onDanger,
  onEnable,
  onSaved,
  onCancel,
  onPasswordDone,
  qualifications,
}: {
  member: StaffAccount;
  /** The owner's own account: nothing to change here. */
  own: boolean;
  locations: Location[];
  editing: boolean;
  busy: boolean;
  outcome: string | null;
  error: string | null;
  /** The new one-time password after a reset, shown once. */
  password: NewStaffAccount | null;
  buttonRef: (button: RowButton) => (el: HTMLButtonElement | null) => void;
  onEdit: () => void;
  onDanger: (step: DangerStep) => void;
  onEnable: () => void;
  onSaved: (after: StaffAccount) => void;
  onCancel: () => void;
  onPasswordDone: () => void;
  /** The colleague's qualifications (R-STAFF-1), for those who sign session records. */
  qualifications?: ReactNode;
}) {
  const { t } = useI18n();
  const name = member.name;
  const expired = member.access_until ? Date.parse(member.access_until) <= Date.now() : false;
  const status = !member.active ? 'inactive' : expired ? 'expired' : 'active';
  // By name, in the order of the practice's list.
  const ids = member.locations ?? [];
  const where = member.all_locations
    ? t('staff.allLocations')
    : locations.filter((l) => ids.includes(l.id)).map((l) => l.name).join(', ') || t('staff.noLocations');

  return (
    <li
      className={`member${member.active ? '' : ' member--inactive'}${outcome ? ' member--changed' : ''}`}
      id={`member-${member.id}`}
    >
      <div className="member__head">
        <p className="member__name">
          <span>{name}</span>
          {own ? <span className="badge badge--you">{t('staff.youBadge')}</span> : null}
        </p>
        {member.email ? <p className="member__email">{member.email}</p> : null}
      </div>
      <dl className="member__facts">
        <Fact label={t('staff.role')}>{t(`role.${member.role}`)}</Fact>
        <Fact label={t('staff.locations')}>{where}</Fact>
        <Fact label={t('staff.status')}>
          <span className={`badge badge--${status}`}>{t(`staff.status.${status}`)}</span>
        </Fact>
        {member.access_until ? (
          <Fact label={t('staff.accessUntil')}>{formatDate(dateInAmsterdam(member.access_until))}</Fact>
        ) : null}
      </dl>

      {own ? <p className="member__own muted small">{t('staff.ownNote')}</p> : null}
      {own || editing ? null : (
        <div className="member__actions">
          <button
            type="button"
            className="button button--secondary"
            ref={buttonRef('edit')}
            aria-label={t('staff.editNamed', { name })}
            onClick={onEdit}
          >
            {t('staff.edit')}
          </button>
          {member.active ? (
            <>
              <button
                type="button"
                className="button button--quiet member__disable"
                ref={buttonRef('toggle')}
                aria-label={t('staff.disableNamed', { name })}
                onClick={() => onDanger('disable')}
              >
                {t('staff.disable')}
              </button>
              <button
                type="button"
                className="button button--quiet member__reset"
                ref={buttonRef('password')}
                aria-label={t('staff.resetPasswordNamed', { name })}
                onClick={() => onDanger('password')}
              >
                {t('staff.resetPassword')}
              </button>
              <button
                type="button"
                className="button button--quiet member__reset"
                ref={buttonRef('totp')}
                aria-label={t('staff.resetTotpNamed', { name })}
                onClick={() => onDanger('totp')}
              >
                {t('staff.resetTotp')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              ref={buttonRef('toggle')}
              aria-label={t('staff.enableNamed', { name })}
              disabled={busy}
              onClick={onEnable}
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {t('staff.enable')}
            </button>
          )}
        </div>
      )}

      {outcome ? <p className="member__outcome">{outcome}</p> : null}
      {error ? (
        <div className="member__error">
          <Notice kind="error" live="alert" title={t('staff.changeFailed')}>
            <p>{error}</p>
          </Notice>
        </div>
      ) : null}
      {password ? <OneTimePassword account={password} kind="reset" onDone={onPasswordDone} /> : null}
      {editing ? <StaffForm member={member} locations={locations} onSaved={onSaved} onCancel={onCancel} /> : null}
      {qualifications}
    </li>
  );
}
