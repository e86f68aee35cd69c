// What is still missing before the next session ("wat ontbreekt nog"), each with the way to put
// it right, and the reflection period (R-CONSENT-2) where the decision waits for it. Record
// keeping not asked yet (R-DOS-1) is answered right here, with one tap, by owner or practitioner.
import { useState } from 'react';
import type { Client, Trajectory } from '../api/client';
import { AskAnswer } from '../clients/AskAnswer';
import { useI18n, type MessageKey } from '../i18n';
import { Notice } from '../ui/controls';
import { addDays, formatDate, todayInAmsterdam } from '../ui/format';
import { missingKey } from './labels';
import './trajectory.css';

/** Where each missing item is put right. */
const MISSING_TARGET: Record<string, string> = {
  consult_missing: 'sec-consult',
  decision_missing: 'sec-decision',
  consent_missing: 'sec-consents',
  confirmation_missing: 'sec-consents',
};

export function focusSection(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.focus();
}

export function Reflection({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useI18n();
  const earliest = trajectory.earliest_decision;
  if (!earliest) return null;
  if (earliest <= todayInAmsterdam()) return <>{t('decision.allowedNow')}</>;
  return <>{t('decision.reflectionUntil', { until: formatDate(addDays(earliest, -1)), earliest: formatDate(earliest) })}</>;
}

export function MissingPanel({
  trajectory,
  client,
  onClientChanged,
}: {
  trajectory: Trajectory;
  /** With these, the client's answer to what is not asked yet is recorded here. */
  client?: Client;
  onClientChanged?: (client: Client) => void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const note = (
    <div role="status">
      {saved ? (
        <Notice kind="success">
          <p>{t(saved)}</p>
        </Notice>
      ) : null}
    </div>
  );
  if (trajectory.missing.length === 0) {
    return (
      <section className="missing missing--done" aria-labelledby="missing-title">
        <h2 className="missing__title" id="missing-title">
          {t('missing.title')}
        </h2>
        {note}
        <p>{t('missing.nothing')}</p>
      </section>
    );
  }
  return (
    <section className="missing" aria-labelledby="missing-title">
      <h2 className="missing__title" id="missing-title">
        {t('missing.title')}
      </h2>
      {note}
      <ul className="missing__list">
        {trajectory.missing.map((code) => {
          const key = missingKey(code);
          const target = MISSING_TARGET[code];
          return (
            <li key={code} className={`missing__item${code === 'records_refused' ? ' missing__item--blocked' : ''}`}>
              <p className="missing__what">{key ? t(key) : code}</p>
              <p className="missing__how">
                {key ? t(`${key}Text` as MessageKey) : null}
                {code === 'decision_missing' && trajectory.earliest_decision ? (
                  <>
                    {' '}
                    <strong>
                      <Reflection trajectory={trajectory} />
                    </strong>
                  </>
                ) : null}
              </p>
              {target ? (
                <a
                  href={`#${target}`}
                  className="button button--quiet missing__go"
                  onClick={(e) => {
                    e.preventDefault();
                    focusSection(target);
                  }}
                >
                  {t(`missing.go.${code}` as MessageKey)}
                </a>
              ) : null}
              {code === 'records_consent_missing' && client && onClientChanged ? (
                <div className="missing__ask">
                  <AskAnswer
                    kind="records"
                    compact
                    client={client}
                    onAnswered={(next, key) => {
                      setSaved(key);
                      onClientChanged(next);
                    }}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
