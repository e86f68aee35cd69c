// The sections of a trajectory screen: the information duty (R-TRJ-1), the decision consult
// (R-CONSENT-1) and the client's decision after the reflection period (R-CONSENT-2).
import type { ReactNode } from 'react';
import type { Trajectory } from '../api/client';
import { confirmConsult, recordDecision } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Item, Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { formatDateTime } from '../ui/format';
import { useForm } from '../ui/useForm';
import { ConsultForm } from './ConsultForm';
import { useStaffName } from '../ui/staffDirectory';
import { Reflection } from './MissingPanel';
import './trajectory.css';

export function InformationSection({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useI18n();
  const staffName = useStaffName();
  const empty = <span className="facts__empty">{t('client.notGiven')}</span>;
  const text = (value: string): ReactNode => (value ? <span className="prewrap">{value}</span> : empty);
  return (
    <Section id="sec-information" title={t('trajectory.informationTitle')} wide>
      <dl className="facts">
        <Item label={t('trajectory.goal')}>{text(trajectory.goal)}</Item>
        <Item label={t('trajectory.expected_result')}>{text(trajectory.expected_result)}</Item>
        <Item label={t('trajectory.planned_sessions')}>{trajectory.planned_sessions}</Item>
        <Item label={t('trajectory.risks')}>{text(trajectory.risks)}</Item>
        <Item label={t('trajectory.alternatives')}>{text(trajectory.alternatives)}</Item>
        <Item label={t('trajectory.costs')}>{text(trajectory.costs)}</Item>
        <Item label={t('trajectory.aftercare')}>{text(trajectory.aftercare)}</Item>
        <Item label={t('trajectory.intakeReviewed')}>
          {trajectory.intake_version ? t('trajectory.intakeVersion', { n: trajectory.intake_version }) : empty}
        </Item>
      </dl>
      <p className="muted small">
        {t('trajectory.recordedBy', { time: formatDateTime(trajectory.created_at), author: staffName(trajectory.created_by) })}
      </p>
    </Section>
  );
}

export interface SectionProps {
  trajectory: Trajectory;
  write: boolean;
  onSaved: (t: Trajectory) => void;
  /** The message after a save in this section. */
  note: ReactNode;
}

export function ConsultSection({ trajectory, write, onSaved, note }: SectionProps) {
  const { t } = useI18n();
  const staffName = useStaffName();
  return (
    <Section id="sec-consult" title={t('consult.title')} wide={trajectory.consults.length === 0}>
      {note}
      {trajectory.consults.length === 0 && !write ? <p className="muted">{t('consult.none')}</p> : null}
      {trajectory.consults.map((c) => (
        <dl className="facts" key={c.id}>
          <Item label={t('consult.at')}>{formatDateTime(c.at)}</Item>
          <Item label={t('consult.leafletVersion')}>{c.leaflet_version}</Item>
          <Item label={t('consult.proposed')}>
            <span className="prewrap">{c.proposed}</span>
          </Item>
          <Item label={t('consult.intake')}>{t('trajectory.intakeVersion', { n: c.intake_version })}</Item>
          <Item label={t('consult.recordedBy')}>{staffName(c.recorded_by)}</Item>
          {c.recorded_afterwards ? <LateConsult trajectory={trajectory} consult={c} onSaved={onSaved} /> : null}
        </dl>
      ))}
      {write && trajectory.consults.length === 0 ? <ConsultForm trajectory={trajectory} onSaved={onSaved} /> : null}
    </Section>
  );
}

type Consult = Trajectory['consults'][number];

/** R-CONSENT-1: recorded afterwards: when and why, and whether an owner confirmed the time. */
function LateConsult({ trajectory, consult: c, onSaved }: { trajectory: Trajectory; consult: Consult; onSaved: (t: Trajectory) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const staffName = useStaffName();
  const form = useForm<object, never>({ initial: {}, fields: [] });
  const mayConfirm = me.role === 'owner' && me.id !== c.recorded_by && !c.confirmed_at;
  return (
    <>
      <Item label={t('consult.recordedAfterwards')}>
        <span className="badge badge--todo">{t('consult.recordedOn', { at: formatDateTime(c.recorded_at ?? c.at) })}</span>
        {c.late_reason ? <span className="prewrap"> {c.late_reason}</span> : null}
      </Item>
      <Item label={t('consult.timeConfirmed')}>
        {c.confirmed_at && c.confirmed_by ? (
          t('consult.confirmedBy', { name: staffName(c.confirmed_by), at: formatDateTime(c.confirmed_at) })
        ) : (
          <>
            <span>{t('consult.awaitingConfirmation')}</span>
            {form.formError ? <span role="alert"> {form.formError}</span> : null}
            {mayConfirm ? (
              <span className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={form.busy}
                  onClick={() => void form.submit(async () => onSaved(await confirmConsult(trajectory.id)))}
                >
                  {t('consult.confirm')}
                </button>
              </span>
            ) : null}
          </>
        )}
      </Item>
    </>
  );
}

export function DecisionSection({ trajectory, write, onSaved, note }: SectionProps) {
  const { t } = useI18n();
  const staffName = useStaffName();
  const form = useForm<object, never>({ initial: {}, fields: [] });
  const decision = trajectory.decisions[trajectory.decisions.length - 1];

  function decide() {
    void form.submit(async () => onSaved(await recordDecision(trajectory.id)));
  }

  return (
    <Section id="sec-decision" title={t('decision.title')} wide={trajectory.consults.length === 0}>
      {note}
      {decision ? (
        <dl className="facts">
          <Item label={t('decision.at')}>{formatDateTime(decision.at)}</Item>
          <Item label={t('consult.recordedBy')}>{staffName(decision.recorded_by)}</Item>
        </dl>
      ) : trajectory.consults.length === 0 ? (
        <p className="muted">{t('decision.afterConsult')}</p>
      ) : (
        <>
          <p>{t('decision.intro')}</p>
          {trajectory.earliest_decision ? (
            <p className="reflection">
              <Reflection trajectory={trajectory} />
            </p>
          ) : null}
          <div role="alert">
            {form.formError ? (
              <Notice kind="error" title={t('decision.refused')}>
                <p>{form.formError}</p>
              </Notice>
            ) : null}
          </div>
          {write ? (
            <div className="actions">
              <button type="button" className="button button--primary" disabled={form.busy} onClick={decide}>
                {form.busy ? <span className="spinner" aria-hidden="true" /> : null}
                {t('decision.record')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}
