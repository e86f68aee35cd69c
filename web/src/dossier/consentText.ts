// The information text a client reads and signs (R-CONSENT-5): built from the trajectory's
// information duty (R-TRJ-1), or for the confirmation on the day from the consult, the decision
// and what changed in the intake since the consult (R-CONSENT-6), in the user's language. The
// server stores it exactly as shown, with its SHA-256.
import type { Client, IntakeHistory, Trajectory } from '../api/client';
import type { Translate } from '../i18n';
import { dateInAmsterdam, formatDate, formatDateTime, fullName, todayInAmsterdam } from '../ui/format';
import { INTAKE_FIELDS, intakeValue, regimeLabel, type IntakeField } from './labels';

export type ConsentKind = 'informed' | 'confirmation';

export interface IntakeChange {
  field: IntakeField;
  before: string;
  after: string;
}

/** The intake fields that changed since the trajectory's last consult, with both values. */
export function intakeChanges(trajectory: Trajectory, intake: IntakeHistory | null): IntakeChange[] {
  const consult = trajectory.consults[trajectory.consults.length - 1];
  const changed = trajectory.intake_changed_since_consult;
  if (!consult || !changed.length) return [];
  const then = intake?.versions.find((v) => v.version === consult.intake_version);
  const now = intake?.current ?? undefined;
  return INTAKE_FIELDS.filter((f) => changed.includes(f)).map((field) => ({
    field,
    before: intakeValue(then?.answers, field),
    after: intakeValue(now?.answers, field),
  }));
}

function line(t: Translate, label: string, value: string | number): string {
  const v = String(value).trim();
  return `${label}: ${v || t('consentText.none')}`;
}

export function consentText(
  t: Translate,
  kind: ConsentKind,
  { client, trajectory, practitioner, changes }: { client: Client; trajectory: Trajectory; practitioner: string; changes: IntakeChange[] },
): string {
  const head = [
    t(kind === 'informed' ? 'consentText.informedTitle' : 'consentText.confirmationTitle'),
    '',
    line(t, t('consentText.client'), `${fullName(client)} (${formatDate(client.date_of_birth)})`),
    line(
      t,
      t('consentText.treatment'),
      `${trajectory.treatment_type.name} (${regimeLabel(t, trajectory.treatment_type.regime, trajectory.treatment_type.category)})`,
    ),
    line(t, t('consentText.practitioner'), practitioner),
    line(t, t('consentText.date'), formatDate(todayInAmsterdam())),
    '',
  ];

  if (kind === 'informed') {
    return [
      ...head,
      line(t, t('trajectory.goal'), trajectory.goal),
      line(t, t('trajectory.expected_result'), trajectory.expected_result),
      line(t, t('trajectory.planned_sessions'), trajectory.planned_sessions),
      line(t, t('trajectory.risks'), trajectory.risks),
      line(t, t('trajectory.alternatives'), trajectory.alternatives),
      line(t, t('trajectory.costs'), trajectory.costs),
      line(t, t('trajectory.aftercare'), trajectory.aftercare),
      '',
      t('consentText.informedStatement'),
    ].join('\n');
  }

  const consult = trajectory.consults[trajectory.consults.length - 1];
  const decision = trajectory.decisions[trajectory.decisions.length - 1];
  const lines = [...head];
  if (consult) {
    lines.push(
      line(t, t('consentText.consult'), `${formatDateTime(consult.at)}, ${t('consentText.leaflet', { version: consult.leaflet_version })}`),
      line(t, t('consult.proposed'), consult.proposed),
    );
  }
  if (decision) lines.push(line(t, t('consentText.decision'), formatDate(dateInAmsterdam(decision.at))));
  if (changes.length) {
    lines.push('', t('consentText.changesIntro'));
    for (const c of changes) {
      lines.push(
        `- ${t(`intake.${c.field}`)}: ${t('consentText.changeValues', {
          before: c.before || t('consentText.none'),
          after: c.after || t('consentText.none'),
        })}`,
      );
    }
  }
  lines.push('', t('consentText.confirmationStatement'));
  if (changes.length) lines.push(t('consentText.changesStatement'));
  return lines.join('\n');
}
