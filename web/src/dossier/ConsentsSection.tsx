// The consents of a trajectory (R-CONSENT-3..6): the ones signed, with the exact text, and the
// form for the next one while the trajectory asks for it (or one tap away).
import { useState } from 'react';
import type { Client, IntakeHistory } from '../api/client';
import { useI18n } from '../i18n';
import { Section } from '../ui/card';
import { formatDateTime } from '../ui/format';
import { ConsentForm } from './ConsentForm';
import type { ConsentKind } from './consentText';
import { useStaffName } from '../ui/staffDirectory';
import type { SectionProps } from './TrajectorySections';
import '../ui/disclosure.css';
import './consent.css';

export function ConsentsSection({
  client,
  trajectory,
  intake,
  write,
  onSaved,
  note,
}: SectionProps & { client: Client; intake: IntakeHistory | null }) {
  const { t } = useI18n();
  const staffName = useStaffName();
  const cosmetic = trajectory.treatment_type.regime === 'cosmetic';
  const decided = trajectory.decisions.length > 0;
  // A cosmetic procedure is confirmed on the day, after the decision; other regimes sign
  // informed consent (required before the first session for wkkgz and pmu).
  const kinds: ConsentKind[] = cosmetic ? ['confirmation', 'informed'] : ['informed'];
  // Open while the trajectory asks for a consent; otherwise one tap away.
  const asked = trajectory.missing.includes('consent_missing') || trajectory.missing.includes('confirmation_missing');
  const [open, setOpen] = useState(false);
  return (
    <Section id="sec-consents" title={t('consent.title')} wide>
      {note}
      {trajectory.consents.length === 0 && !(cosmetic && !decided) ? <p className="muted">{t('consent.none')}</p> : null}
      {trajectory.consents.length ? (
        <ul className="consents">
          {[...trajectory.consents].reverse().map((c) => (
            <li key={c.id} className="consents__item">
              <p className="consents__kind">{t(`consent.kind.${c.kind}`)}</p>
              <p className="muted">
                {t('consent.signedLine', {
                  time: formatDateTime(c.signed_at),
                  how: t(`consent.signedBy.${c.signature_kind}`),
                  n: c.intake_version,
                  author: staffName(c.recorded_by),
                })}
              </p>
              <details className="disclosure">
                <summary className="disclosure__summary">{t('consent.showText')}</summary>
                <div className="disclosure__body">
                  <blockquote className="consent-text prewrap">{c.text}</blockquote>
                  <p className="muted small hash">{t('consent.hash', { hash: c.text_sha256 })}</p>
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {cosmetic && !decided ? <p className="muted">{t('consent.afterDecision')}</p> : null}
      {write && (decided || !cosmetic) ? (
        asked || open ? (
          <ConsentForm
            key={trajectory.consents.length}
            client={client}
            trajectory={trajectory}
            intake={intake}
            kinds={kinds}
            onSaved={(next) => {
              setOpen(false);
              onSaved(next);
            }}
            onCancel={asked ? undefined : () => setOpen(false)}
          />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t('consent.another')}
          </button>
        )
      ) : null}
    </Section>
  );
}
